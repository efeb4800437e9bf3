import { useMemo } from 'react';
import type { Locale } from '../../../common/locale.js';
import { useLocale } from '../../i18n/index.js';
import { supervisionEn } from './i18n.en.js';
import { supervisionZhCN, type SupervisionKey } from './i18n.zh-CN.js';

export type { SupervisionKey };
export type SupervisionT = (key: SupervisionKey, vars?: Record<string, string | number>) => string;

const dictionaries: Record<Locale, Record<SupervisionKey, string>> = { 'zh-CN': supervisionZhCN, en: supervisionEn };

const fill = (template: string, vars?: Record<string, string | number>) =>
  vars
    ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
    : template;

/** The supervision screens' own dictionary, in the language the user chose. */
export function useSupT(): SupervisionT {
  const { locale } = useLocale();
  return useMemo(() => {
    const dictionary = dictionaries[locale];
    return (key, vars) => fill(dictionary[key], vars);
  }, [locale]);
}
