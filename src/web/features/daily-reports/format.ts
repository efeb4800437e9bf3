import type { Locale } from '../../../common/locale.js';

/** `HH:mm` of an instant in a unit's zone. */
export function clock(iso: string, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(
    new Date(iso),
  );
}

/** "1 h 5 min" / "1小时5分" until a moment. */
export function timeLeft(ms: number, locale: Locale): string {
  const minutes = Math.max(0, Math.ceil(ms / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (locale === 'en') return h ? `${h} h ${m} min` : `${m} min`;
  return h ? `${h} 小时 ${m} 分` : `${m} 分钟`;
}

/** 01-13 and a short weekday, for matrix headers. */
export function dayHeader(day: string, locale: Locale): { date: string; weekday: string } {
  const date = new Date(`${day}T12:00:00Z`);
  return {
    date: day.slice(8),
    weekday: new Intl.DateTimeFormat(locale, { weekday: 'narrow', timeZone: 'UTC' }).format(date),
  };
}
