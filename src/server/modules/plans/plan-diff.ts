import type { Locale } from '../../../common/locale.js';
import type { PlanContent } from '../../../common/schemas/plan-content.js';
import { translate, type MessageKey } from '../../lib/messages.js';

export interface PlanChange {
  path: string;
  label: string;
  before: string;
  after: string;
}

/** Everything a version says, flattened to `path → text`, with people shown by name. */
function flatten(value: unknown, path: string, names: Map<string, string>, out: Map<string, string>): Map<string, string> {
  if (Array.isArray(value)) value.forEach((item, i) => flatten(item, `${path}.${i}`, names, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, names, out);
  else if (value !== null && value !== undefined && value !== '') out.set(path, typeof value === 'string' ? (names.get(value) ?? value) : String(value));
  return out;
}

const SECTION_KEYS: Record<string, MessageKey> = {
  title: 'diff.title', period: 'diff.period', purpose: 'diff.purpose', basis: 'diff.basis', scope: 'diff.scope', principles: 'diff.principles',
  leadership: 'diff.leadership', duties: 'diff.duties', procedures: 'diff.procedures', reportingChain: 'diff.reportingChain', duty: 'diff.duty',
  dailyReport: 'diff.dailyReport', drills: 'diff.drills', visitorRetentionDays: 'diff.visitorRetentionDays',
  leaveApprovalRequired: 'diff.leaveApprovalRequired', discipline: 'diff.discipline', accountability: 'diff.accountability',
};

/** "报告链 第 2 项 · deadlineMinutes": the section in words, item numbers from 1, the field's own name. */
function labelOf(locale: Locale, path: string): string {
  const [section = '', ...rest] = path.split('.');
  const head = SECTION_KEYS[section] ? translate(locale, SECTION_KEYS[section]) : section;
  const tail = rest.map((part) => (/^\d+$/.test(part) ? translate(locale, 'diff.item', { n: Number(part) + 1 }) : part));
  return [head, ...tail].join(' · ');
}

export interface DiffSide {
  title: string;
  period: { name: string; startDate: string; endDate: string | null } | null;
  content: PlanContent;
}

/** A readable list of what changed between two versions, in the order the plan reads. */
export function diffPlans(locale: Locale, a: DiffSide, b: DiffSide, names: Map<string, string>): PlanChange[] {
  const left = flatten({ title: a.title, period: a.period, ...a.content }, '', names, new Map());
  const right = flatten({ title: b.title, period: b.period, ...b.content }, '', names, new Map());
  const paths = [...new Set([...left.keys(), ...right.keys()])];
  return paths
    .filter((p) => left.get(p) !== right.get(p))
    .map((path) => ({ path, label: labelOf(locale, path), before: left.get(path) ?? '', after: right.get(path) ?? '' }));
}
