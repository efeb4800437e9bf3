import type { DrillType } from '../../../common/org.js';

/** A school term, about half a year: plans say how many drills of a type each term needs. */
export const TERM_DAYS = 182;
/** A drill due within this many days shows as due soon. */
export const DUE_SOON_DAYS = 14;
const DAY = 86_400_000;

export type ComplianceState = 'on_schedule' | 'due_soon' | 'overdue' | 'not_required';
const ORDER: ComplianceState[] = ['not_required', 'on_schedule', 'due_soon', 'overdue'];

export interface TypeCompliance {
  type: DrillType;
  perTerm: number;
  lastDone: string | null;
  dueBy: string | null;
  state: ComplianceState;
}

/**
 * N drills a term means one every TERM_DAYS / N days, counted from the last one done — or, before
 * the first, from when the unit began keeping records in Steady.
 */
export function typeCompliance(type: DrillType, perTerm: number, lastDone: Date | null, trackedSince: Date, now: Date): TypeCompliance {
  if (perTerm <= 0) return { type, perTerm, lastDone: lastDone?.toISOString() ?? null, dueBy: null, state: 'not_required' };
  const anchor = lastDone ?? trackedSince;
  const dueBy = new Date(anchor.getTime() + (TERM_DAYS / perTerm) * DAY);
  const state: ComplianceState = now > dueBy ? 'overdue' : dueBy.getTime() - now.getTime() <= DUE_SOON_DAYS * DAY ? 'due_soon' : 'on_schedule';
  return { type, perTerm, lastDone: lastDone?.toISOString() ?? null, dueBy: dueBy.toISOString(), state };
}

/** A unit is as behind as its most behind drill type. */
export function worst(states: ComplianceState[]): ComplianceState {
  return states.reduce<ComplianceState>((a, b) => (ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a), 'not_required');
}
