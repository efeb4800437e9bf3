import { PLAN_SECTIONS, sectionOfField, type PlanSection } from './plan-sections.js';

/**
 * The 【待填写：…】 / [To fill in: …] blanks a plan still has, section by section (issue #13): the
 * server lists them with every plan version, so publishing and exporting can say what is left.
 * Pure, so the server, the exports and the web read the same list.
 */

/** A template blank: 【待填写：集合地点】 or [To fill in: assembly point]. */
export const BLANK_PATTERN = /【待填写：[^】]*】|\[To fill in:[^\]]*\]/g;

/** The plan sections a blank can sit in, in the editor's order. */
export const BLANK_SECTIONS = PLAN_SECTIONS;
export type BlankSection = PlanSection;

export interface PlanBlank {
  section: BlankSection;
  /** The field holding it, e.g. `content.procedures.3.steps.1.what`. */
  field: string;
  /** The blank as written, e.g. 【待填写：集合地点】. */
  text: string;
}

const sectionOf = (field: string): BlankSection => sectionOfField(field) ?? 'general';

/** Every string in a value, with its path (`a.0.b`). */
function* strings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, `${path}.${i}`);
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) yield* strings(item, `${path}.${key}`);
}

/** The blanks left in a plan, sections in the editor's order and, within one, in reading order. */
export function planBlanks(plan: { title: string; period: { name: string } | null; content: unknown }): PlanBlank[] {
  const found: PlanBlank[] = [];
  const fields: [string, string][] = [
    ['title', plan.title],
    ...(plan.period ? [['period.name', plan.period.name] as [string, string]] : []),
    ...strings(plan.content, 'content'),
  ];
  for (const [field, text] of fields) {
    for (const match of text.matchAll(BLANK_PATTERN)) found.push({ section: sectionOf(field), field, text: match[0] });
  }
  const order = (s: BlankSection) => BLANK_SECTIONS.indexOf(s);
  return found
    .map((b, i) => ({ b, i }))
    .sort((x, y) => order(x.b.section) - order(y.b.section) || x.i - y.i)
    .map(({ b }) => b);
}

/** How many blanks each section has, in the editor's order; sections without any are left out. */
export function blanksBySection(blanks: PlanBlank[]): { section: BlankSection; blanks: PlanBlank[] }[] {
  return BLANK_SECTIONS.map((section) => ({ section, blanks: blanks.filter((b) => b.section === section) })).filter(
    (s) => s.blanks.length > 0,
  );
}
