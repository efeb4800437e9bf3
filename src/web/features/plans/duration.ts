import type { Translate } from '../../i18n/index.js';

export type DurationUnit = 'minutes' | 'hours' | 'days';

export const UNIT_MINUTES: Record<DurationUnit, number> = { minutes: 1, hours: 60, days: 1440 };

/** The largest unit that expresses `minutes` exactly: 120 → hours, 90 → minutes. */
export function naturalUnit(minutes: number): DurationUnit {
  if (minutes > 0 && minutes % 1440 === 0) return 'days';
  if (minutes > 0 && minutes % 60 === 0) return 'hours';
  return 'minutes';
}

/** "10 分钟", "2 小时", "1 小时 30 分钟"; "10 min", "2 h". */
export function formatMinutes(t: Translate, minutes: number): string {
  if (minutes === 0) return t('duration.atOnce');
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  return [
    days ? t('duration.days', { n: days }) : '',
    hours ? t('duration.hours', { n: hours }) : '',
    mins ? t('duration.minutes', { n: mins }) : '',
  ]
    .filter(Boolean)
    .join(' ');
}
