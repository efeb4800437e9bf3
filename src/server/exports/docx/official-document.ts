import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Locale } from '../../../common/locale.js';
import { fontTablePart } from './font-table.js';
import { headingPrefix, toBlocks } from './outline.js';
import type { Block, OfficialDocument, OfficialTable } from './outline.js';
import { PAGE, TYPE_WIDTH, TYPOGRAPHY, textWidthTwips } from './typography.js';
import type { FontSpec, Typography } from './typography.js';

export type { Block, HeadingLevel, OfficialDocument, OfficialSection, OfficialTable } from './outline.js';

/*
 * Writes an OfficialDocument as a .docx laid out after GB/T 9704-2012: A4, the standard's margins,
 * 三号仿宋 body on a 22-line grid, 二号小标宋 title, 黑体/楷体/仿宋 headings, — N — page numbers
 * on the outer edge of odd and even pages, and the issuer and date at the end.
 */

function run(text: string, font: FontSpec): TextRun {
  return new TextRun({
    text,
    size: font.halfPoints,
    bold: font.bold ?? false,
    font: { eastAsia: font.eastAsia, ascii: font.latin, hAnsi: font.latin, cs: font.latin },
  });
}

function exact(line: number, after = 0) {
  return { line, lineRule: LineRuleType.EXACT, before: 0, after };
}

/**
 * `keepNext`: a paragraph that introduces a table stays on the table's page, and the last one
 * goes with the signature, which GB/T 9704 never leaves alone on a page.
 */
function bodyParagraph(text: string, t: Typography, keepNext: boolean): Paragraph {
  return new Paragraph({
    children: [run(text, t.body)],
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: t.firstLineIndent },
    spacing: exact(t.lineTwips, t.paragraphAfter),
    keepNext,
  });
}

function headingParagraph(block: Extract<Block, { kind: 'heading' }>, t: Typography, locale: Locale): Paragraph {
  // A numbered item with no text of its own (a procedure step) is body text, not a title.
  const font = block.level >= 3 && !block.runIn ? t.body : t.headings[block.level];
  const children = [run(headingPrefix(block.marker, locale) + block.text, font)];
  if (block.runIn) children.push(run(block.runIn, t.body));
  return new Paragraph({
    children,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: t.firstLineIndent },
    spacing: exact(t.lineTwips, t.paragraphAfter),
    // A section heading alone at the foot of a page reads as a mistake; numbered items may break.
    keepNext: block.level <= 2,
  });
}

function cell(text: string, font: FontSpec, t: Typography, width: number, centred: boolean): TableCell {
  const lines = text.split('\n').map(
    (line) =>
      new Paragraph({
        children: [run(line, font)],
        alignment: centred ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: exact(t.tableLineTwips),
      }),
  );
  return new TableCell({
    children: lines,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40, left: 100, right: 100 },
  });
}

function columnWidths(table: OfficialTable): number[] {
  const weights = table.columns.map((_, i) => table.widths?.[i] ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((TYPE_WIDTH * w) / total));
}

// Columns of short entries (顺序, 职务, 时限) read best centred; prose columns stay flush left.
function centredColumns(rows: string[][], count: number): boolean[] {
  return Array.from({ length: count }, (_, i) => rows.every((r) => [...(r[i] ?? '')].length <= 8));
}

function headerRow(table: OfficialTable, t: Typography, widths: number[]): TableRow {
  const cells = table.columns.map((c, i) => cell(c, t.tableHeader, t, widths[i] ?? 0, true));
  return new TableRow({ tableHeader: true, cantSplit: true, children: cells });
}

function tableOf(table: OfficialTable, t: Typography): Table {
  const widths = columnWidths(table);
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const rows = table.rows.length > 0 ? table.rows : [table.columns.map(() => '—')];
  const centred = centredColumns(rows, table.columns.length);
  return new Table({
    width: { size: TYPE_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [
      ...(table.headless ? [] : [headerRow(table, t, widths)]),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: table.columns.map((_, i) => cell(r[i] ?? '', t.table, t, widths[i] ?? 0, centred[i] ?? false)),
          }),
      ),
    ],
  });
}

function blankLine(t: Typography, keepNext = false): Paragraph {
  return new Paragraph({ children: [run('', t.body)], spacing: exact(t.lineTwips), keepNext });
}

function titleBlock(doc: OfficialDocument, t: Typography): Paragraph[] {
  const centred = (text: string, font: FontSpec) =>
    new Paragraph({
      children: [run(text, font)],
      alignment: AlignmentType.CENTER,
      spacing: exact(Math.max(t.lineTwips, font.halfPoints * 15)),
    });
  // 签发人 in 仿宋, the name in 楷体, one 字 in from the right, a blank line above the title.
  const signer = doc.signer
    ? [
        new Paragraph({
          children: [run(doc.signer.label, t.body), run(doc.signer.name, t.headings[2])],
          alignment: AlignmentType.RIGHT,
          indent: { right: t.charTwips },
          spacing: exact(t.lineTwips),
        }),
        blankLine(t),
      ]
    : [];
  const lines = [...signer, centred(doc.title, t.title)];
  for (const line of doc.subtitle?.split('\n') ?? []) lines.push(centred(line, t.subtitle));
  return [...lines, blankLine(t)];
}

/** The issuer centred over the date, the date 4 字 from the right margin (GB/T 9704 §7.3.5). */
function signatureBlock(doc: OfficialDocument, t: Typography): Paragraph[] {
  const dateIndent = t.dateIndentChars * t.charTwips;
  const offset = (textWidthTwips(doc.dateText, t) - textWidthTwips(doc.issuer, t)) / 2;
  const issuerIndent = Math.max(0, Math.round(dateIndent + offset));
  // The blank lines leave room for the seal; the block never splits across pages.
  const right = (text: string, indent: number, keepNext: boolean) =>
    new Paragraph({
      children: [run(text, t.body)],
      alignment: AlignmentType.RIGHT,
      indent: { right: indent },
      spacing: exact(t.lineTwips),
      keepNext,
    });
  return [
    blankLine(t, true),
    blankLine(t, true),
    right(doc.issuer, issuerIndent, true),
    right(doc.dateText, dateIndent, false),
  ];
}

/** — N — in 4号宋体, one 字 in from the outer edge: right on odd pages, left on even ones. */
function pageNumberFooter(side: 'left' | 'right', t: Typography): Footer {
  const font = t.pageNumber;
  const indent = Math.round(font.halfPoints * 10);
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: indent } : { left: indent },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            size: font.halfPoints,
            font: { eastAsia: font.eastAsia, ascii: font.latin, hAnsi: font.latin, cs: font.latin },
          }),
        ],
      }),
    ],
  });
}

function blockToDocx(block: Block, next: Block | undefined, t: Typography, locale: Locale): Paragraph | Table {
  if (block.kind === 'heading') return headingParagraph(block, t, locale);
  if (block.kind === 'table') return tableOf(block.table, t);
  return bodyParagraph(block.text, t, next === undefined || next.kind === 'table');
}

export async function renderOfficialDocx(doc: OfficialDocument): Promise<Buffer> {
  const t = TYPOGRAPHY[doc.locale];
  const language = doc.locale === 'zh-CN' ? { eastAsia: 'zh-CN', value: 'zh-CN' } : { value: 'en-GB' };
  const document = new Document({
    creator: 'Steady',
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            size: t.body.halfPoints,
            font: { eastAsia: t.body.eastAsia, ascii: t.body.latin, hAnsi: t.body.latin },
            language,
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...PAGE.margin, footer: PAGE.footer, header: 851 },
          },
        },
        footers: { default: pageNumberFooter('right', t), even: pageNumberFooter('left', t) },
        children: [
          ...titleBlock(doc, t),
          ...toBlocks(doc.sections, doc.locale).map((b, i, all) => blockToDocx(b, all[i + 1], t, doc.locale)),
          ...signatureBlock(doc, t),
        ],
      },
    ],
  });
  return Packer.toBuffer(document, false, [fontTablePart()]);
}
