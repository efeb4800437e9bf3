import { useMemo } from 'react';
import type { Locale } from '../../../common/locale.js';
import { useLocale } from '../../i18n/index.js';
import { channelsEn } from './i18n.en.js';
import { channelsZhCN, type ChannelsKey } from './i18n.zh-CN.js';

export type { ChannelsKey };
const dictionaries: Record<Locale, Record<ChannelsKey, string>> = { 'zh-CN': channelsZhCN, en: channelsEn };
const fill = (template: string, vars?: Record<string, string | number>) =>
  vars
    ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
    : template;

/** The channel screens' dictionary, in the language the user chose. */
export function useCht(): (key: ChannelsKey, vars?: Record<string, string | number>) => string {
  const { locale } = useLocale();
  return useMemo(() => {
    const dictionary = dictionaries[locale];
    return (key, vars) => fill(dictionary[key], vars);
  }, [locale]);
}
