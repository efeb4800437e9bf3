import { DateTime } from 'luxon';
import type { Locale } from '../../../common/locale.js';
import type { ComplianceState } from '../../../common/schemas/compliance.js';
import type { PlanContent } from '../../../common/schemas/plan-content.js';
import { translate, type MessageKey } from '../../lib/messages.js';
import { drillWindows } from './drill-windows.js';
import { drillRuleFor, guardsNeeded, ruleBook } from './rules-data.js';

/*
 * Each check reads one rule file and one unit's facts and says green, amber or red with a reason.
 * Amber means "cannot tell yet or not yet due" (no enrolment recorded, this month's drill still
 * to come); red means the rule is not met, and "never held" is always red.
 */

export interface Check {
  rule: 'plan' | 'gate' | 'patrols' | 'guards' | 'drills' | 'evacuation';
  state: ComplianceState;
  reason: string;
  source: string;
  ruleVersion: number;
}

export interface UnitFacts {
  type: string;
  timeZone: string;
  enrolment: number | null;
  plan: { rules: PlanContent; standing: boolean };
  guards: number;
  drills: { id: string; type: string; endedAt: string; evacuationSeconds: number | null }[];
  now: Date;
}

const SECTION_WORDS: Record<string, { 'zh-CN': string; en: string }> = {
  purpose: { 'zh-CN': '指导思想', en: 'purpose' },
  basis: { 'zh-CN': '编制依据', en: 'basis' },
  scope: { 'zh-CN': '适用范围', en: 'scope' },
  principles: { 'zh-CN': '处置原则', en: 'principles' },
  leadership: { 'zh-CN': '领导小组', en: 'leadership group' },
  duties: { 'zh-CN': '职责', en: 'duties' },
  procedures: { 'zh-CN': '处置程序', en: 'response procedures' },
  reportingChain: { 'zh-CN': '报告链', en: 'reporting chain' },
  discipline: { 'zh-CN': '工作纪律', en: 'work discipline' },
  accountability: { 'zh-CN': '责任追究', en: 'accountability' },
};

function sectionFilled(content: PlanContent, section: string): boolean {
  const value = (content as Record<string, unknown>)[section];
  if (section === 'leadership') return content.leadership.leaderId !== null;
  if (Array.isArray(value)) return value.length > 0;
  return typeof value === 'string' ? value.trim().length > 0 : value !== undefined;
}

export function checksFor(u: UnitFacts, locale: Locale): Check[] {
  const book = ruleBook();
  const say = (key: MessageKey, params: Record<string, string | number> = {}) => translate(locale, key, params);
  const checks: Check[] = [];
  const words = (list: string[]) =>
    list.map((s) => SECTION_WORDS[s]?.[locale] ?? s).join(locale === 'en' ? ', ' : '、');
  const pc = book.planCompleteness;
  if ((pc.unitTypes as string[]).includes(u.type)) {
    const base = { rule: 'plan' as const, source: pc.source[locale], ruleVersion: pc.version };
    const missing = pc.requiredSections.filter((s) => !sectionFilled(u.plan.rules, s));
    const text = JSON.stringify(u.plan.rules);
    const marker = pc.blankMarkers.find((m) => text.includes(m));
    const blankSections = marker
      ? pc.requiredSections.filter((s) =>
          JSON.stringify((u.plan.rules as Record<string, unknown>)[s] ?? '').includes(marker),
        )
      : [];
    if (!u.plan.standing) checks.push({ ...base, state: 'red', reason: say('compliance.noPlan') });
    else if (missing.length)
      checks.push({ ...base, state: 'red', reason: say('compliance.sectionsMissing', { sections: words(missing) }) });
    else if (marker)
      checks.push({
        ...base,
        state: 'amber',
        reason: say('compliance.blanks', {
          marker,
          sections: words(blankSections.length ? blankSections : ['duties']),
        }),
      });
    else checks.push({ ...base, state: 'green', reason: say('compliance.ok') });
  }
  const cs = book.campusSecurity;
  if ((cs.unitTypes as string[]).includes(u.type)) {
    const base = { source: cs.source[locale], ruleVersion: cs.version };
    const gate = u.plan.rules.duty.gateStaffed24h || !cs.gateStaffed24h;
    checks.push({
      ...base,
      rule: 'gate',
      state: gate ? 'green' : 'red',
      reason: say(gate ? 'compliance.ok' : 'compliance.gateNot24h'),
    });
    const plan = u.plan.rules.duty.minPatrolsPerDay;
    checks.push({
      ...base,
      rule: 'patrols',
      state: plan >= cs.patrolsPerDay ? 'green' : 'red',
      reason: say(plan >= cs.patrolsPerDay ? 'compliance.patrolsOk' : 'compliance.patrolsFew', {
        plan,
        rule: cs.patrolsPerDay,
      }),
    });
    if (u.enrolment === null)
      checks.push({ ...base, rule: 'guards', state: 'amber', reason: say('compliance.enrolmentUnknown') });
    else {
      const needed = guardsNeeded(u.enrolment, cs.guards);
      const params = { pupils: u.enrolment, needed, held: u.guards };
      checks.push({
        ...base,
        rule: 'guards',
        state: u.guards >= needed ? 'green' : 'red',
        reason: say(u.guards >= needed ? 'compliance.guardsOk' : 'compliance.guardsShort', params),
      });
    }
  }
  checks.push(...drillChecks(u, locale, say));
  return checks;
}

function drillChecks(
  u: UnitFacts,
  locale: Locale,
  say: (key: MessageKey, params?: Record<string, string | number>) => string,
): Check[] {
  const rule = drillRuleFor(u.type);
  if (!rule) return [];
  const book = ruleBook().drills;
  const base = { source: book.source[locale], ruleVersion: book.version };
  const unit = rule.every === 'month' ? 'month' : 'quarter';
  const current = DateTime.fromJSDate(u.now, { zone: u.timeZone }).startOf(unit);
  const previous = current.minus(unit === 'month' ? { months: 1 } : { quarters: 1 });
  const windows =
    drillWindows({
      unitType: u.type,
      timeZone: u.timeZone,
      from: previous.toJSDate(),
      to: u.now,
      now: u.now,
      drills: u.drills,
    }) ?? [];
  const label = (w: DateTime) => (unit === 'month' ? w.toFormat('yyyy-MM') : `${w.year} Q${w.quarter}`);
  const held = (start: DateTime) => windows.some((w) => w.start === start.toISODate() && w.held);
  let drill: Check;
  if (u.drills.length === 0) drill = { ...base, rule: 'drills', state: 'red', reason: say('compliance.drillsNever') };
  else if (held(current))
    drill = {
      ...base,
      rule: 'drills',
      state: 'green',
      reason: say('compliance.drillsHeld', { window: label(current) }),
    };
  else if (held(previous))
    drill = {
      ...base,
      rule: 'drills',
      state: 'amber',
      reason: say('compliance.drillsDue', { window: label(current) }),
    };
  else
    drill = {
      ...base,
      rule: 'drills',
      state: 'red',
      reason: say('compliance.drillsMissed', { window: label(previous) }),
    };
  const timed = u.drills
    .filter((d) => (d.type === 'fire_evacuation' || d.type === 'earthquake') && d.evacuationSeconds !== null)
    .at(-1);
  const target = rule.evacuationTargetSeconds;
  const evacuation: Check = !timed
    ? { ...base, rule: 'evacuation', state: 'amber', reason: say('compliance.evacuationNone') }
    : timed.evacuationSeconds! <= target
      ? {
          ...base,
          rule: 'evacuation',
          state: 'green',
          reason: say('compliance.evacuationOk', { seconds: timed.evacuationSeconds!, target }),
        }
      : {
          ...base,
          rule: 'evacuation',
          state: 'red',
          reason: say('compliance.evacuationSlow', { seconds: timed.evacuationSeconds!, target }),
        };
  return [drill, evacuation];
}

const ORDER: ComplianceState[] = ['green', 'amber', 'red'];
export const worstOf = (states: ComplianceState[]) =>
  states.reduce<ComplianceState>((a, b) => (ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a), 'green');
