import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../common/locale.js';
import { setApiLocale } from '../api/client.js';
import { setPickerLocale } from '../components/date-fields/dayjs-locale.js';
import { en } from './en.js';
import { zhCN, type MessageKey } from './zh-CN.js';

export type { MessageKey };
/** Values for a message's `{name}` placeholders. */
export type MessageVars = Record<string, string | number>;
/** A dictionary's lookup: the key's message in the chosen language, placeholders filled. */
export type Translator<K extends string> = (key: K, vars?: MessageVars) => string;
export type Translate = Translator<MessageKey>;

const STORAGE_KEY = 'steady.locale';

function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    if (value && (LOCALES as readonly string[]).includes(value)) return value as Locale;
  } catch {
    // storage may be unavailable (private mode); fall back to the default
  }
  return DEFAULT_LOCALE;
}

/** Fills a message's `{name}` placeholders; a name without a value stays as written. */
function fill(template: string, vars?: MessageVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/**
 * A feature's own dictionary in both languages (the English one has exactly the zh-CN keys):
 * `translator(locale)` for code outside React, `useText()` for the screens, in the user's language.
 */
export function createDictionary<K extends string>(zhCN: Record<K, string>, en: NoInfer<Record<K, string>>) {
  const make =
    (dictionary: Record<K, string>): Translator<K> =>
    (key, vars) =>
      fill(dictionary[key], vars);
  const translators: Record<Locale, Translator<K>> = { 'zh-CN': make(zhCN), en: make(en) };
  function useText(): Translator<K> {
    return translators[useLocale().locale];
  }
  return { translator: (locale: Locale): Translator<K> => translators[locale], useText };
}

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

/** The app's shared dictionary (shell, common words, the screens without one of their own). */
const common = createDictionary(zhCN, en);

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  setApiLocale(locale);
  setPickerLocale(locale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // keep the choice for this page only
    }
    setApiLocale(next);
    setPickerLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(() => ({ locale, setLocale, t: common.translator(locale) }), [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT must be used inside <I18nProvider>');
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}

export function useLocale(): Pick<I18n, 'locale' | 'setLocale'> {
  const { locale, setLocale } = useI18n();
  return { locale, setLocale };
}
