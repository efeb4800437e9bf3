import { BLANK_PATTERN } from '../../../common/plan-blanks.js';
import type { PlanContent, SpecialPeriod } from '../../../common/schemas/plan-content.js';
import type { PlanVersion } from '../../../common/schemas/plans.js';
import type { MessageKey } from '../../i18n/index.js';
import { isUnder, PLAN_SECTIONS, sectionOfField, type PlanSection } from '../../../common/plan-sections.js';

/** What the editor changes in a draft; saved whole with one PATCH. */
export interface PlanDraft {
  title: string;
  period: SpecialPeriod | null;
  coversSubUnits: boolean;
  content: PlanContent;
}

export const draftOf = (plan: PlanVersion): PlanDraft => ({
  title: plan.title,
  period: plan.period,
  coversSubUnits: plan.coversSubUnits,
  content: plan.content,
});

/** A problem the server named for one field, e.g. `content.reportingChain.1.deadlineMinutes`. */
export interface FieldProblem {
  field: string;
  message: string;
}

export const SECTION_KEYS = PLAN_SECTIONS;
export type SectionKey = PlanSection;
export { isUnder, sectionOfField };

export const sectionLabel = (key: SectionKey): MessageKey => `section.${key}`;

/** The sections a plan of this kind has; only special-period plans have dates. */
export function sectionsFor(kind: PlanVersion['kind']): SectionKey[] {
  return SECTION_KEYS.filter((key) => key !== 'period' || kind === 'special_period');
}

/** Messages for one field or anything below it. */
export function messagesUnder(problems: FieldProblem[], prefix: string): string[] {
  return problems.filter((p) => isUnder(p.field, prefix)).map((p) => p.message);
}

/** Template blanks: 【待填写：集合地点】 or [To fill in: assembly point] (one pattern, shared with the server). */
export { BLANK_PATTERN };

export function blanksIn(text: string): string[] {
  return text.match(BLANK_PATTERN) ?? [];
}

/** Every free text of a section, for counting the blanks still to fill in. */
export function sectionTexts(key: SectionKey, draft: PlanDraft): string[] {
  const c = draft.content;
  switch (key) {
    case 'general':
      return [draft.title, c.purpose, c.basis, c.scope, c.principles];
    case 'leadership':
      return [c.leadership.officeName];
    case 'duties':
      return c.duties.flatMap((d) => [d.title, d.text]);
    case 'chain':
      return c.reportingChain.map((s) => s.note);
    case 'procedures':
      return c.procedures.flatMap((p) => p.steps.flatMap((s) => [s.what, s.who]));
    case 'discipline':
      return [c.discipline];
    case 'accountability':
      return [c.accountability];
    case 'period':
      return draft.period ? [draft.period.name] : [];
    default:
      return [];
  }
}

export const blankCount = (key: SectionKey, draft: PlanDraft) =>
  sectionTexts(key, draft).reduce((n, text) => n + blanksIn(text).length, 0);

/** A list with the item at `from` moved to `to`. */
export function moved<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

export const replaced = <T>(list: T[], index: number, item: T): T[] => list.map((old, i) => (i === index ? item : old));
export const without = <T>(list: T[], index: number): T[] => list.filter((_, i) => i !== index);
