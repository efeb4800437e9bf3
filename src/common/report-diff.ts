import { CASUALTY_COUNTS, CASUALTY_KINDS, type FieldChange, type ReportContent } from './schemas/incident-reports.js';

/** A report's fields as flat text values, casualties cell by cell (`casualties.pupils.injured`). */
export function flatten(content: ReportContent): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(content)) {
    if (key === 'casualties' || key === 'causes') continue;
    flat.set(key, value === null ? '' : String(value));
  }
  flat.set('causes.status', content.causes.status);
  flat.set('causes.text', content.causes.text);
  for (const kind of CASUALTY_KINDS)
    for (const count of CASUALTY_COUNTS)
      flat.set(`casualties.${kind}.${count}`, String(content.casualties[kind][count]));
  return flat;
}

/** Every field whose value differs between two versions, in the form's order. */
export function diffContent(before: ReportContent, after: ReportContent): FieldChange[] {
  const a = flatten(before);
  const b = flatten(after);
  return [...b.entries()]
    .filter(([field, value]) => a.get(field) !== value)
    .map(([field, value]) => ({ field, before: a.get(field) ?? '', after: value }));
}

/** Total dead, injured and missing across every kind of person. */
export function casualtyTotals(
  content: Pick<ReportContent, 'casualties'>,
): Record<(typeof CASUALTY_COUNTS)[number], number> {
  const total = { dead: 0, injured: 0, missing: 0 };
  for (const kind of CASUALTY_KINDS)
    for (const count of CASUALTY_COUNTS) total[count] += content.casualties[kind][count];
  return total;
}

export const sameCasualties = (a: ReportContent['casualties'], b: ReportContent['casualties']): boolean =>
  CASUALTY_KINDS.every((kind) => CASUALTY_COUNTS.every((count) => a[kind][count] === b[kind][count]));
