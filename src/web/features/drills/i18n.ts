import { useMemo } from 'react';
import type { Locale } from '../../../common/locale.js';
import { useLocale } from '../../i18n/index.js';
import { drillsEn } from './i18n.en.js';
import { drillsZhCN, type DrillsKey } from './i18n.zh-CN.js';

export type { DrillsKey };
export type DrillsT = (key: DrillsKey, vars?: Record<string, string | number>) => string;

const dictionaries: Record<Locale, Record<DrillsKey, string>> = { 'zh-CN': drillsZhCN, en: drillsEn };

const fill = (template: string, vars?: Record<string, string | number>) =>
  vars
    ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
    : template;

/** The drill screens' own dictionary, in the language the user chose. */
export function useDt(): DrillsT {
  const { locale } = useLocale();
  return useMemo(() => {
    const dictionary = dictionaries[locale];
    return (key, vars) => fill(dictionary[key], vars);
  }, [locale]);
}
