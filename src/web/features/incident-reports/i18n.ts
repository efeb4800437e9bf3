import { useMemo } from 'react';
import type { Locale } from '../../../common/locale.js';
import { useLocale } from '../../i18n/index.js';
import { reportsEn } from './i18n.en.js';
import { reportsZhCN, type ReportsKey } from './i18n.zh-CN.js';

export type { ReportsKey };
export type ReportsT = (key: ReportsKey, vars?: Record<string, string | number>) => string;

const dictionaries: Record<Locale, Record<ReportsKey, string>> = { 'zh-CN': reportsZhCN, en: reportsEn };

const fill = (template: string, vars?: Record<string, string | number>) =>
  vars
    ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
    : template;

/** The staged-report screens' own dictionary, in the language the user chose. */
export function useRt(): ReportsT {
  const { locale } = useLocale();
  return useMemo(() => {
    const dictionary = dictionaries[locale];
    return (key, vars) => fill(dictionary[key], vars);
  }, [locale]);
}
