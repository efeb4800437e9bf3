import type { Locale } from '../../../common/locale.js';
import type { DrillType, IncidentType } from '../../../common/org.js';
import type { PlanContent } from '../../../common/schemas/plan-content.js';
import { DRILL_LABELS, INCIDENT_LABELS, formatMinutes } from '../../exports/plan-labels.js';
import { MESSAGES, translate, type MessageKey } from '../../lib/messages.js';

export interface PlanChange {
  path: string;
  label: string;
  before: string;
  after: string;
}

/** Fields whose value names a person (or people): shown by name, never by id. */
const PEOPLE_FIELDS = new Set(['leaderId', 'officeContactId', 'deputyIds', 'memberIds']);
const LIST_SEPARATOR: Record<Locale, string> = { 'zh-CN': '、', en: ', ' };

const fieldOf = (path: string) =>
  path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .pop() ?? '';

/**
 * Everything a version says, flattened to `path → raw value`. A list of people is one value (the
 * names joined) and a patrol window is one value ("22:00–06:00"), as a reader thinks of them.
 */
function flatten(value: unknown, path: string, out: Map<string, unknown>): Map<string, unknown> {
  const field = fieldOf(path);
  if (PEOPLE_FIELDS.has(field) && Array.isArray(value)) {
    if (value.length) out.set(path, value);
  } else if (field === 'patrolWindow' && value && typeof value === 'object') {
    const w = value as { start: string; end: string };
    out.set(path, `${w.start}–${w.end}`);
  } else if (Array.isArray(value)) value.forEach((item, i) => flatten(item, `${path}.${i}`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out);
  else if (value !== null && value !== undefined && value !== '') out.set(path, value);
  return out;
}

const SECTION_KEYS: Record<string, MessageKey> = {
  title: 'diff.title',
  period: 'diff.period',
  purpose: 'diff.purpose',
  basis: 'diff.basis',
  scope: 'diff.scope',
  principles: 'diff.principles',
  leadership: 'diff.leadership',
  duties: 'diff.duties',
  procedures: 'diff.procedures',
  reportingChain: 'diff.reportingChain',
  duty: 'diff.duty',
  dailyReport: 'diff.dailyReport',
  drills: 'diff.drills',
  visitorRetentionDays: 'diff.visitorRetentionDays',
  leaveApprovalRequired: 'diff.leaveApprovalRequired',
  discipline: 'diff.discipline',
  accountability: 'diff.accountability',
};

/** A field's words (`diff.field.<name>`), or its own name for a field nobody has named yet. */
function fieldLabel(locale: Locale, name: string): string {
  const key = `diff.field.${name}`;
  return key in MESSAGES ? translate(locale, key as MessageKey) : name;
}

/** "报告链 · 第 1 步 · 时限": the section, numbers from 1 (steps as steps), each field in words. */
function labelOf(locale: Locale, path: string): string {
  const [section = '', ...rest] = path.split('.');
  const parts = [SECTION_KEYS[section] ? translate(locale, SECTION_KEYS[section]) : section];
  rest.forEach((part, i) => {
    if (part === 'steps') return; // "第 2 步" says it
    if (!/^\d+$/.test(part)) parts.push(fieldLabel(locale, part));
    else {
      const owner = i === 0 ? section : rest[i - 1];
      parts.push(
        translate(locale, owner === 'reportingChain' || owner === 'steps' ? 'diff.step' : 'diff.item', {
          n: Number(part) + 1,
        }),
      );
    }
  });
  return parts.join(' · ');
}

const duration = (locale: Locale, minutes: number) =>
  minutes === 0 ? translate(locale, 'diff.atOnce') : formatMinutes(minutes, locale);

/** A raw value as the plan's reader would write it: names for ids, words for codes, units for numbers. */
function valueText(locale: Locale, path: string, raw: unknown, names: Map<string, string>): string {
  if (raw === undefined) return '';
  const field = fieldOf(path);
  const section = path.split('.')[0];
  if (PEOPLE_FIELDS.has(field)) {
    const ids = Array.isArray(raw) ? (raw as string[]) : [String(raw)];
    return ids.map((id) => names.get(id) ?? translate(locale, 'diff.unknownPerson')).join(LIST_SEPARATOR[locale]);
  }
  if (typeof raw === 'boolean') return translate(locale, raw ? 'diff.yes' : 'diff.no');
  if (typeof raw === 'number') {
    if (field === 'deadlineMinutes' || field === 'withinMinutes') return duration(locale, raw);
    if (field === 'visitorRetentionDays') return translate(locale, 'diff.days', { n: raw });
    return String(raw);
  }
  const text = String(raw);
  switch (field) {
    case 'role':
      return `role.${text}` in MESSAGES ? translate(locale, `role.${text}` as MessageKey) : text;
    case 'kind':
      return text === 'notify' || text === 'report' ? translate(locale, `diff.kind.${text}`) : text;
    case 'target':
      return text === 'unit' || text === 'parent' ? translate(locale, `diff.target.${text}`) : text;
    case 'shiftPattern':
      return text === '24h' || text === 'day_night' ? translate(locale, `diff.shift.${text}`) : text;
    case 'incidentType':
      return INCIDENT_LABELS[locale][text as IncidentType] ?? text;
    case 'type':
      return section === 'drills' ? (DRILL_LABELS[locale][text as DrillType] ?? text) : text;
    default:
      return text;
  }
}

/** Every field name in the order the plan holds them (empty ones too), for reading order. */
function rankKeys(value: unknown, rank: Map<string, number>): void {
  if (Array.isArray(value)) value.forEach((item) => rankKeys(item, rank));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (!rank.has(k)) rank.set(k, rank.size);
      rankKeys(v, rank);
    }
  }
}

/** Reading order: field by field as the plan holds them, items by number. */
function comparePaths(x: string, y: string, rank: Map<string, number>): number {
  const [a, b] = [x.split('.'), y.split('.')];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    const numeric = /^\d+$/.test(a[i]!) && /^\d+$/.test(b[i]!);
    return numeric ? Number(a[i]) - Number(b[i]) : (rank.get(a[i]!) ?? 0) - (rank.get(b[i]!) ?? 0);
  }
  return a.length - b.length;
}

export interface DiffSide {
  title: string;
  period: { name: string; startDate: string; endDate: string | null } | null;
  content: PlanContent;
}

/**
 * What changed between two versions, in the order the plan reads, in the reader's language:
 * each change labelled in words ("报告链 · 第 1 步 · 时限") with values as a person writes them
 * ("10分钟" → "15分钟", "第一责任人", names rather than ids).
 */
export function diffPlans(locale: Locale, a: DiffSide, b: DiffSide, names: Map<string, string>): PlanChange[] {
  const sides = [
    { title: a.title, period: a.period, ...a.content },
    { title: b.title, period: b.period, ...b.content },
  ];
  const [left, right] = sides.map((side) => flatten(side, '', new Map())) as [
    Map<string, unknown>,
    Map<string, unknown>,
  ];
  const rank = new Map<string, number>();
  for (const side of sides) rankKeys(side, rank);
  const paths = [...new Set([...left.keys(), ...right.keys()])].sort((x, y) => comparePaths(x, y, rank));
  return paths
    .filter((path) => JSON.stringify(left.get(path)) !== JSON.stringify(right.get(path)))
    .map((path) => ({
      path,
      label: labelOf(locale, path),
      before: valueText(locale, path, left.get(path), names),
      after: valueText(locale, path, right.get(path), names),
    }));
}
