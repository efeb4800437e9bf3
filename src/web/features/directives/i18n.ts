import { useMemo } from 'react';
import type { Locale } from '../../../common/locale.js';
import { useLocale } from '../../i18n/index.js';
import { directivesEn } from './i18n.en.js';
import { directivesZhCN, type DirectivesKey } from './i18n.zh-CN.js';

export type { DirectivesKey };
export type DirectivesT = (key: DirectivesKey, vars?: Record<string, string | number>) => string;

const dictionaries: Record<Locale, Record<DirectivesKey, string>> = { 'zh-CN': directivesZhCN, en: directivesEn };

const fill = (template: string, vars?: Record<string, string | number>) =>
  vars
    ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
    : template;

/** The directive screens' own dictionary, in the language the user chose. */
export function useDirT(): DirectivesT {
  const { locale } = useLocale();
  return useMemo(() => {
    const dictionary = dictionaries[locale];
    return (key, vars) => fill(dictionary[key], vars);
  }, [locale]);
}
