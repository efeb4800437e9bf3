import { useMemo } from 'react';
import type { Locale } from '../../../common/locale.js';
import { useLocale } from '../../i18n/index.js';
import { casesEn } from './i18n.en.js';
import { casesZhCN, type CasesKey } from './i18n.zh-CN.js';

export type { CasesKey };
export type CasesT = (key: CasesKey, vars?: Record<string, string | number>) => string;

const dictionaries: Record<Locale, Record<CasesKey, string>> = { 'zh-CN': casesZhCN, en: casesEn };

const fill = (template: string, vars?: Record<string, string | number>) =>
  vars
    ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
    : template;

/** The dispute case screens' own dictionary, in the language the user chose. */
export function useCt(): CasesT {
  const { locale } = useLocale();
  return useMemo(() => {
    const dictionary = dictionaries[locale];
    return (key, vars) => fill(dictionary[key], vars);
  }, [locale]);
}
