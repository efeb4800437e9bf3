import type { Locale } from '../../../common/locale.js';
import { addDays } from '../../components/days.js';

/*
 * Local dates (`YYYY-MM-DD`) in a unit's own zone, for the duty calendar. Date arithmetic happens
 * on the calendar date itself (at UTC noon), so no browser time zone can shift a day.
 */

const at = (date: string) => new Date(`${date}T12:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

export { addDays };

export function localDateOf(instant: string, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instant),
  );
}

/** `HH:MM` of an instant in the zone. */
export function timeOf(instant: string, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

/** Monday of the date's week. */
export function weekStart(date: string): string {
  const weekday = (at(date).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

export const weekDates = (date: string): string[] => Array.from({ length: 7 }, (_, i) => addDays(weekStart(date), i));

/** Six weeks from the Monday on or before the first of the month: the month grid. */
export function monthGrid(date: string): string[] {
  const first = `${date.slice(0, 8)}01`;
  return Array.from({ length: 42 }, (_, i) => addDays(weekStart(first), i));
}

export function addMonths(date: string, months: number): string {
  const d = at(`${date.slice(0, 8)}01`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return iso(d);
}

/** "6月1日 周二" / "Tue 1 Jun". */
export function dayLabel(date: string, locale: Locale, withWeekday = true): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    month: 'short',
    day: 'numeric',
    ...(withWeekday ? { weekday: 'short' } : {}),
  }).format(at(date));
}

export function monthLabel(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(at(date));
}

export function weekdayNames(locale: Locale): string[] {
  return weekDates('2027-06-07').map((d) =>
    new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'narrow' }).format(at(d)),
  );
}

/** The local dates a stretch of time touches, in the zone. */
export function datesTouched(startsAt: string, endsAt: string, zone: string): string[] {
  const first = localDateOf(startsAt, zone);
  const last = localDateOf(new Date(Date.parse(endsAt) - 1).toISOString(), zone);
  const out: string[] = [];
  for (let d = first; d <= last && out.length < 100; d = addDays(d, 1)) out.push(d);
  return out;
}
