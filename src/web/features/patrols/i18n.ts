import { useMemo } from 'react';
import type { Locale } from '../../../common/locale.js';
import { useLocale } from '../../i18n/index.js';
import { patrolsEn } from './i18n.en.js';
import { patrolsZhCN, type PatrolsKey } from './i18n.zh-CN.js';

export type { PatrolsKey };
export type PatrolsT = (key: PatrolsKey, vars?: Record<string, string | number>) => string;

const dictionaries: Record<Locale, Record<PatrolsKey, string>> = { 'zh-CN': patrolsZhCN, en: patrolsEn };

function fill(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The patrol screens' own dictionary, in the language the user chose. */
export function usePt(): PatrolsT {
  const { locale } = useLocale();
  return useMemo(() => {
    const dictionary = dictionaries[locale];
    return (key, vars) => fill(dictionary[key], vars);
  }, [locale]);
}
