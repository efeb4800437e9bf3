import { useMemo } from 'react';
import type { Locale } from '../../../common/locale.js';
import { useLocale } from '../../i18n/index.js';
import { inspectionsEn } from './i18n.en.js';
import { inspectionsZhCN, type InspectionsKey } from './i18n.zh-CN.js';

export type { InspectionsKey };
export type InspectionsT = (key: InspectionsKey, vars?: Record<string, string | number>) => string;

const dictionaries: Record<Locale, Record<InspectionsKey, string>> = { 'zh-CN': inspectionsZhCN, en: inspectionsEn };

function fill(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The inspection screens' own dictionary, in the language the user chose. */
export function useIn(): InspectionsT {
  const { locale } = useLocale();
  return useMemo(() => {
    const dictionary = dictionaries[locale];
    return (key, vars) => fill(dictionary[key], vars);
  }, [locale]);
}
