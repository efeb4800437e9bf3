import type { Locale } from '../../../common/locale.js';
import { chineseNumeral } from '../../../common/numerals.js';

export { chineseNumeral };

/*
 * The structure every official document Steady writes shares, whatever the output: the .docx
 * writer and the print view both walk the same blocks, so their numbering can never disagree.
 */

export type HeadingLevel = 1 | 2 | 3 | 4;

export interface OfficialTable {
  columns: string[];
  rows: string[][];
  /** Relative column widths; equal when absent. */
  widths?: number[];
  /** A form of label and value cells: no header row is printed (`columns` only counts the columns). */
  headless?: boolean;
}

export interface OfficialSection {
  /** The heading without its marker: the writer numbers it (一、（一）1.（1） or 1. 1.1 1.1.1 (a)). */
  heading: string;
  level: HeadingLevel;
  paragraphs: string[];
  table?: OfficialTable;
  /** Paragraphs that follow the table, e.g. a closing note under the reporting chain. */
  afterTable?: string[];
  children?: OfficialSection[];
}

export interface OfficialDocument {
  locale: Locale;
  title: string;
  /** The issuing unit's name, printed above the date at the end. */
  issuer: string;
  dateText: string;
  /** Lines under the title, e.g. the period a special-period plan covers. */
  subtitle?: string;
  /** 签发人 of an upward document (上行文, GB/T 9704 §7.2.6): printed at the right above the title. */
  signer?: { label: string; name: string };
  sections: OfficialSection[];
}

export type Block =
  | { kind: 'heading'; level: HeadingLevel; marker: string; text: string; runIn?: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; table: OfficialTable };

/** The marker for a heading at `path` (1-based index at each level down to this one). */
export function markerFor(path: number[], locale: Locale): string {
  const n = path[path.length - 1] ?? 1;
  const level = path.length as HeadingLevel;
  if (locale === 'zh-CN') {
    // GB/T 9704 §7.3.3: 一、 （一） 1. （1）
    if (level === 1) return `${chineseNumeral(n)}、`;
    if (level === 2) return `（${chineseNumeral(n)}）`;
    if (level === 3) return `${n}.`;
    return `（${n}）`;
  }
  if (level === 4) return `(${String.fromCharCode(96 + Math.min(n, 26))})`;
  return level === 1 ? `${n}.` : path.slice(0, 3).join('.');
}

// Levels 3 and 4 carry their text on the same line, the way Chinese plans write "1.组长：……".
function runInSeparator(heading: string, locale: Locale): string {
  if (/[：:。.；;？?！!]$/.test(heading)) return locale === 'zh-CN' ? '' : ' ';
  return locale === 'zh-CN' ? '：' : ': ';
}

/** Flattens the sections into the blocks a writer lays out, in reading order. */
export function toBlocks(sections: OfficialSection[], locale: Locale, parent: number[] = []): Block[] {
  return sections.flatMap((section, index) => {
    const path = [...parent, index + 1];
    const marker = markerFor(path, locale);
    const runIn = section.level >= 3 && section.paragraphs.length > 0;
    const [first = '', ...rest] = section.paragraphs;
    const heading: Block = runIn
      ? {
          kind: 'heading',
          level: section.level,
          marker,
          text: section.heading + runInSeparator(section.heading, locale),
          runIn: first,
        }
      : { kind: 'heading', level: section.level, marker, text: section.heading };
    const paragraphs = (runIn ? rest : section.paragraphs).map((text): Block => ({ kind: 'paragraph', text }));
    const table: Block[] = section.table ? [{ kind: 'table', table: section.table }] : [];
    const after = (section.afterTable ?? []).map((text): Block => ({ kind: 'paragraph', text }));
    return [heading, ...paragraphs, ...table, ...after, ...toBlocks(section.children ?? [], locale, path)];
  });
}

/** The marker as printed before the heading: Chinese markers carry their own punctuation. */
export function headingPrefix(marker: string, locale: Locale): string {
  return locale === 'zh-CN' ? marker : `${marker} `;
}
