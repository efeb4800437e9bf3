import { DateTime } from 'luxon';

/*
 * Pure date maths in a unit's own time zone. Storage is UTC; rules ("15:00 each day", "from 1 July
 * to 31 August") are local to the unit, so every conversion happens here.
 */

/** The UTC instant of a local date and wall-clock time in `zone`. */
export function localToUtc(date: string, time: string, zone: string): Date {
  const local = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!local.isValid) throw new Error(`invalid local time ${date} ${time} in ${zone}: ${local.invalidExplanation}`);
  return local.toUTC().toJSDate();
}

/** The local calendar date (`YYYY-MM-DD`) of an instant in `zone`. */
export function localDate(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISODate()!;
}

/** The day after a local date. */
export function nextDay(date: string): string {
  return addDays(date, 1);
}

/** The local date `days` after (or before, when negative) a local date. */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

/** A local-date range, both days included, as [start, end) instants; an open end stays open. */
export function periodBounds(
  startDate: string,
  endDate: string | null,
  zone: string,
): { startsAt: Date; endsAt: Date | null } {
  return {
    startsAt: localToUtc(startDate, '00:00', zone),
    endsAt: endDate ? localToUtc(nextDay(endDate), '00:00', zone) : null,
  };
}
