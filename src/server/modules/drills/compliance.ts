import { DateTime } from 'luxon';
import type { DrillPeriod, DrillType, UnitType } from '../../../common/org.js';

/*
 * Drill compliance on the calendar the guidance uses, in the unit's own zone: each requirement is
 * counted per calendar month, quarter or school term. A period is met when its share of drills was
 * held in it. The period now is on schedule once met; unmet, it is due (soon, near its last day) as
 * long as the period before was met; when the period before ended without its drills — and that
 * includes a unit that never held one — the unit is overdue. Nothing is counted from when a unit
 * was created in Steady, so "never held" is never green.
 */

/** A drill not yet held this period shows as due soon this many days before the period's last day. */
export const DUE_SOON_DAYS: Record<DrillPeriod, number> = { month: 7, quarter: 14, term: 14 };
/** How many of each period a term holds: a requirement of N a term asks N / this of each (at least one). */
const PER_TERM: Record<DrillPeriod, number> = { month: 6, quarter: 2, term: 1 };
/**
 * Evacuation drills follow the national evacuation-drill guide for schools and kindergartens (2014):
 * primary and secondary schools at least monthly, kindergartens at least quarterly.
 */
const GUIDANCE: Partial<Record<DrillType, Partial<Record<UnitType, DrillPeriod>>>> = {
  fire_evacuation: { school: 'month', central_school: 'month', kindergarten: 'quarter' },
};

export type ComplianceState = 'on_schedule' | 'due_soon' | 'overdue' | 'not_required';
const ORDER: ComplianceState[] = ['not_required', 'on_schedule', 'due_soon', 'overdue'];

export interface TypeCompliance {
  type: DrillType;
  perTerm: number;
  /** The period the requirement is counted in. */
  every: DrillPeriod;
  /** How many the period needs. */
  required: number;
  /** The current period, local dates, both included. */
  periodStart: string;
  periodEnd: string;
  /** Held in the current period. */
  held: number;
  lastDone: string | null;
  /** The last local day the next drill may be held on time (past when overdue). */
  dueBy: string | null;
  state: ComplianceState;
}

/** The plan's frequency wins; else the guidance's calendar for the unit type; else the term. */
export function periodFor(
  requirement: { type: DrillType; every?: DrillPeriod | undefined },
  unitType: string,
): DrillPeriod {
  return requirement.every ?? GUIDANCE[requirement.type]?.[unitType as UnitType] ?? 'term';
}

export const requiredIn = (perTerm: number, period: DrillPeriod) =>
  perTerm <= 0 ? 0 : Math.max(1, Math.ceil(perTerm / PER_TERM[period]));

const day = (d: DateTime) => d.toISODate()!;

/** The calendar period holding a local date: its first and last local dates. */
export function periodOf(date: string, period: DrillPeriod): { start: string; end: string } {
  const d = DateTime.fromISO(date, { zone: 'UTC' });
  let start: DateTime;
  let months: number;
  if (period === 'month') [start, months] = [d.startOf('month'), 1];
  else if (period === 'quarter') [start, months] = [d.startOf('quarter'), 3];
  else {
    // Spring term February–July, autumn term August–January.
    const spring = d.month >= 2 && d.month <= 7;
    start = spring
      ? d.set({ month: 2 }).startOf('month')
      : (d.month === 1 ? d.minus({ years: 1 }) : d).set({ month: 8 }).startOf('month');
    months = 6;
  }
  return { start: day(start), end: day(start.plus({ months }).minus({ days: 1 })) };
}

export interface TypeInput {
  type: DrillType;
  perTerm: number;
  every: DrillPeriod;
  /** Local dates (in the unit's zone) of the drills of this type held, any order. */
  heldOn: string[];
  lastDone: string | null;
  /** Today in the unit's zone. */
  today: string;
}

export function typeCompliance({ type, perTerm, every, heldOn, lastDone, today }: TypeInput): TypeCompliance {
  const required = requiredIn(perTerm, every);
  const current = periodOf(today, every);
  const base = { type, perTerm, every, required, periodStart: current.start, periodEnd: current.end, lastDone };
  const held = heldOn.filter((d) => d >= current.start && d <= current.end).length;
  if (required === 0) return { ...base, held, dueBy: null, state: 'not_required' };
  if (held >= required)
    return {
      ...base,
      held,
      dueBy: periodOf(day(DateTime.fromISO(current.end).plus({ days: 1 })), every).end,
      state: 'on_schedule',
    };
  const previous = periodOf(day(DateTime.fromISO(current.start).minus({ days: 1 })), every);
  const heldBefore = heldOn.filter((d) => d >= previous.start && d <= previous.end).length;
  if (heldBefore < required) return { ...base, held, dueBy: previous.end, state: 'overdue' };
  const daysLeft = DateTime.fromISO(current.end).diff(DateTime.fromISO(today), 'days').days;
  return { ...base, held, dueBy: current.end, state: daysLeft < DUE_SOON_DAYS[every] ? 'due_soon' : 'on_schedule' };
}

/** A unit is as behind as its most behind drill type. */
export function worst(states: ComplianceState[]): ComplianceState {
  return states.reduce<ComplianceState>((a, b) => (ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a), 'not_required');
}
