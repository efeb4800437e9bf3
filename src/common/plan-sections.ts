/*
 * The sections of a plan as the editor shows them, and which section each field path belongs to:
 * one list for the editor's problem markers and for the server's list of blanks left.
 */

export const PLAN_SECTIONS = [
  'general',
  'leadership',
  'duties',
  'chain',
  'reportStages',
  'procedures',
  'duty',
  'dailyReport',
  'drills',
  'visitors',
  'discipline',
  'accountability',
  'period',
] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];

/** Where each field of a plan lives in the editor (the first prefix that matches). */
const FIELD_SECTIONS: [prefix: string, section: PlanSection][] = [
  ['title', 'general'],
  ['content.purpose', 'general'],
  ['content.basis', 'general'],
  ['content.scope', 'general'],
  ['content.principles', 'general'],
  ['content.leadership', 'leadership'],
  ['content.duties', 'duties'],
  ['content.reportingChain', 'chain'],
  ['content.reportStages', 'reportStages'],
  ['content.procedures', 'procedures'],
  ['content.duty', 'duty'],
  ['content.dailyReport', 'dailyReport'],
  ['content.drills', 'drills'],
  ['content.visitorRetentionDays', 'visitors'],
  ['content.leaveApprovalRequired', 'discipline'],
  ['content.discipline', 'discipline'],
  ['content.accountability', 'accountability'],
  ['period', 'period'],
  ['coversSubUnits', 'period'],
];

/** Is `field` the prefix itself or a path below it (`content.duty` covers `content.duty.patrolWindow`)? */
export const isUnder = (field: string, prefix: string) => field === prefix || field.startsWith(`${prefix}.`);

/** The section a field path belongs to, or null for a path no section holds. */
export function sectionOfField(field: string): PlanSection | null {
  return FIELD_SECTIONS.find(([prefix]) => isUnder(field, prefix))?.[1] ?? null;
}
