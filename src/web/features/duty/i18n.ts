import { useMemo } from 'react';
import type { Locale } from '../../../common/locale.js';
import { useLocale } from '../../i18n/index.js';
import { dutyEn } from './i18n.en.js';
import { dutyZhCN, type DutyKey } from './i18n.zh-CN.js';

export type { DutyKey };
export type DutyT = (key: DutyKey, vars?: Record<string, string | number>) => string;

const dictionaries: Record<Locale, Record<DutyKey, string>> = { 'zh-CN': dutyZhCN, en: dutyEn };

function fill(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The duty and leave screens' own dictionary, in the language the user chose. */
export function useDt(): DutyT {
  const { locale } = useLocale();
  return useMemo(() => {
    const dictionary = dictionaries[locale];
    return (key, vars) => fill(dictionary[key], vars);
  }, [locale]);
}
