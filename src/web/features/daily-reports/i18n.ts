import { useMemo } from 'react';
import type { Locale } from '../../../common/locale.js';
import { useLocale } from '../../i18n/index.js';
import { dailyReportsEn } from './i18n.en.js';
import { dailyReportsZhCN, type DailyReportsKey } from './i18n.zh-CN.js';

export type { DailyReportsKey };
export type DailyReportsT = (key: DailyReportsKey, vars?: Record<string, string | number>) => string;

const dictionaries: Record<Locale, Record<DailyReportsKey, string>> = { 'zh-CN': dailyReportsZhCN, en: dailyReportsEn };

const fill = (template: string, vars?: Record<string, string | number>) =>
  vars
    ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
    : template;

/** The daily-report screens' own dictionary, in the language the user chose. */
export function useRt(): DailyReportsT {
  const { locale } = useLocale();
  return useMemo(() => {
    const dictionary = dictionaries[locale];
    return (key, vars) => fill(dictionary[key], vars);
  }, [locale]);
}
