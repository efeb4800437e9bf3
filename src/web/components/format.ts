import type { Locale } from '../../common/locale.js';

export function formatDateTime(iso: string | null | undefined, locale: Locale, timeZone?: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

/** "UTC+08:00" for a time zone, now. */
export function utcOffset(timeZone: string): string {
  try {
    const part = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName');
    return part?.value === 'GMT' ? 'UTC+00:00' : (part?.value.replace('GMT', 'UTC') ?? '');
  } catch {
    return '';
  }
}

/**
 * A time of today as just the time; of another day with its date. Given the unit's zone and its
 * today (from the server), both the time and "today" are the unit's, not the browser's.
 */
export function shortTime(iso: string, locale: Locale, unit?: { timeZone: string; today: string }): string {
  const date = new Date(iso);
  const zone = unit ? { timeZone: unit.timeZone } : {};
  const today = unit
    ? new Intl.DateTimeFormat('en-CA', zone).format(date) === unit.today
    : new Date().toDateString() === date.toDateString();
  return new Intl.DateTimeFormat(locale, {
    ...(today ? { timeStyle: 'short' } : { dateStyle: 'short', timeStyle: 'short' }),
    ...zone,
  }).format(date);
}
