import { useMemo } from 'react';
import type { Locale } from '../../../common/locale.js';
import { useLocale } from '../../i18n/index.js';
import { incidentsEn } from './i18n.en.js';
import { incidentsZhCN, type IncidentsKey } from './i18n.zh-CN.js';

export type { IncidentsKey };
export type IncidentsT = (key: IncidentsKey, vars?: Record<string, string | number>) => string;

const dictionaries: Record<Locale, Record<IncidentsKey, string>> = { 'zh-CN': incidentsZhCN, en: incidentsEn };

function fill(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function incidentsTranslator(locale: Locale): IncidentsT {
  const dictionary = dictionaries[locale];
  return (key, vars) => fill(dictionary[key], vars);
}

/** The incident screens' own dictionary, in the language the user chose. */
export function useIt(): IncidentsT {
  const { locale } = useLocale();
  return useMemo(() => incidentsTranslator(locale), [locale]);
}
