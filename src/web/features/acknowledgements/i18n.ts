import { useMemo } from 'react';
import type { Locale } from '../../../common/locale.js';
import { useLocale } from '../../i18n/index.js';
import { ackEn } from './i18n.en.js';
import { ackZhCN, type AckKey } from './i18n.zh-CN.js';

export type { AckKey };
const dictionaries: Record<Locale, Record<AckKey, string>> = { 'zh-CN': ackZhCN, en: ackEn };
const fill = (template: string, vars?: Record<string, string | number>) =>
  vars
    ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
    : template;

/** The acknowledge page's dictionary, in the language the user chose. */
export function useAt(): (key: AckKey, vars?: Record<string, string | number>) => string {
  const { locale } = useLocale();
  return useMemo(() => {
    const dictionary = dictionaries[locale];
    return (key, vars) => fill(dictionary[key], vars);
  }, [locale]);
}
