import { DateTime } from 'luxon';
import { NIGHT_START_TIME, SHIFT_CHANGE_TIME, type ShiftKind } from '../../../common/schemas/duty.js';
import { localToUtc, nextDay } from '../../../common/time.js';

/*
 * Pure duty maths in a unit's own zone. Shifts change at 08:00 local time (早八点交班): a 24-hour
 * shift runs 08:00 → 08:00, a day shift 08:00 → 20:00 and a night shift 20:00 → 08:00. The local
 * times hold across daylight-saving changes, so such a shift lasts 23 or 25 hours.
 */

export type ShiftPattern = '24h' | 'day_night';

export interface ShiftSpec {
  kind: ShiftKind;
  /** The local date the shift starts on. */
  localDate: string;
  startsAt: Date;
  endsAt: Date;
}

/** The shifts that start on one local date under a pattern. */
export function shiftsOfDay(date: string, pattern: ShiftPattern, zone: string): ShiftSpec[] {
  const next = nextDay(date);
  const change = localToUtc(date, SHIFT_CHANGE_TIME, zone);
  const nextChange = localToUtc(next, SHIFT_CHANGE_TIME, zone);
  if (pattern === '24h') return [{ kind: '24h', localDate: date, startsAt: change, endsAt: nextChange }];
  const night = localToUtc(date, NIGHT_START_TIME, zone);
  return [
    { kind: 'day', localDate: date, startsAt: change, endsAt: night },
    { kind: 'night', localDate: date, startsAt: night, endsAt: nextChange },
  ];
}

/** Whole days from one local date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days);
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

/** Each local date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = nextDay(d)) out.push(d);
  return out;
}

export interface RotationSlot {
  dutyLeaderId: string | null;
  staffIds: string[];
  turns: number;
}

/**
 * Whose turn it is. daily: every shift passes to the next slot; weekly: one slot holds every shift
 * of a week counted from the rotation's first day; custom: each slot holds `turns` shifts in a row.
 */
export function slotFor(kind: string, slots: RotationSlot[], turn: number, dayIndex: number): RotationSlot {
  if (kind === 'weekly') return slots[Math.floor(dayIndex / 7) % slots.length]!;
  if (kind === 'custom') {
    const cycle = slots.reduce((n, s) => n + s.turns, 0);
    let t = turn % cycle;
    for (const slot of slots) {
      if (t < slot.turns) return slot;
      t -= slot.turns;
    }
  }
  return slots[turn % slots.length]!;
}
