import { randomInt } from 'node:crypto';
import { DateTime } from 'luxon';
import type { PlanContent } from '../../../common/schemas/plan-content.js';
import { localDate, localToUtc, nextDay } from '../../../common/time.js';

/*
 * When a night's patrols fall. Pure maths in the unit's own time zone, except for the random
 * draw, which takes crypto randomness: nothing about a night — its date, the unit, earlier
 * nights — lets anyone work out when the unannounced patrols will come.
 */

export type PatrolWindowRule = NonNullable<PlanContent['duty']['patrolWindow']>;
export type DutyRule = PlanContent['duty'];

const MINUTE = 60_000;

export interface NightWindow {
  nightDate: string;
  start: Date;
  end: Date;
}

/** The window of the night beginning on `nightDate`; an end at or before the start is the next morning. */
export function nightWindow(nightDate: string, window: PatrolWindowRule, zone: string): NightWindow {
  const start = localToUtc(nightDate, window.start, zone);
  const end = localToUtc(window.end <= window.start ? nextDay(nightDate) : nightDate, window.end, zone);
  return { nightDate, start, end };
}

export const previousDay = (date: string): string =>
  DateTime.fromISO(date, { zone: 'UTC' }).minus({ days: 1 }).toISODate()!;

/**
 * The night a moment belongs to: the one in progress, or else the last one whose window has
 * begun. At 03:00 with a 22:00–06:00 window that is the night that began yesterday.
 */
export function nightAt(at: Date, window: PatrolWindowRule | null, zone: string): string {
  const today = localDate(at, zone);
  if (!window) return today;
  return at < nightWindow(today, window, zone).start ? previousDay(today) : today;
}

/**
 * How many patrols a night holds. The plan's unannounced minimum is drawn at random; the rest of
 * the daily minimum runs at fixed times, and at least one fixed patrol opens every window
 * (定时与不定时相结合: fixed and unannounced together).
 */
export function patrolCounts(duty: DutyRule): { scheduled: number; unannounced: number } {
  const unannounced = duty.minUnannouncedPatrols;
  return { scheduled: Math.max(duty.minPatrolsPerDay - unannounced, 1), unannounced };
}

/** Fixed patrols spread evenly from the window's start, on whole minutes. */
export function scheduledTimes(w: NightWindow, count: number): Date[] {
  const minutes = Math.floor((w.end.getTime() - w.start.getTime()) / MINUTE);
  return Array.from(
    { length: count },
    (_, i) => new Date(w.start.getTime() + Math.floor((i * minutes) / count) * MINUTE),
  );
}

/**
 * Unannounced patrols on whole minutes drawn uniformly from [start, end): none before the window
 * opens, none at or after it closes. Two patrols never share a minute while the window has room.
 */
export function unannouncedTimes(
  w: NightWindow,
  count: number,
  draw: (max: number) => number = (max) => randomInt(max),
): Date[] {
  const minutes = Math.floor((w.end.getTime() - w.start.getTime()) / MINUTE);
  if (minutes <= 0 || count <= 0) return [];
  const chosen = new Set<number>();
  const picks: number[] = [];
  while (picks.length < count) {
    const m = draw(minutes);
    if (chosen.has(m) && chosen.size < minutes) continue;
    chosen.add(m);
    picks.push(m);
  }
  return picks.sort((a, b) => a - b).map((m) => new Date(w.start.getTime() + m * MINUTE));
}
