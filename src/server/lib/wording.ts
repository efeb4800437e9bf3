import { LOCALES, type Locale } from '../../common/locale.js';
import { translate, type MessageKey } from './messages.js';

/**
 * What a message says, before it is put into a language: plain text (a place, what someone wrote),
 * a message key with parameters (each a wording itself, so a type name is translated too), a text
 * already written in every language (a label from elsewhere, a date formatted per language), or parts
 * said one after another. It is plain JSON, so a notification keeps it and is read in each reader's
 * language, whenever it is read.
 */
export type Wording = string | Keyed | InEach | Wording[];
export interface Keyed {
  key: MessageKey;
  params?: Record<string, Wording | number>;
}
export interface InEach {
  each: Record<Locale, string>;
}

/** A text written by `write` in each language Steady speaks. */
export const inEach = (write: (locale: Locale) => string): InEach => ({
  each: Object.fromEntries(LOCALES.map((l) => [l, write(l)])) as Record<Locale, string>,
});

/** A message key with its parameters, to be said in the reader's language. */
export const say = (key: MessageKey, params?: Record<string, Wording | number>): Keyed =>
  params ? { key, params } : { key };

/** The wording in one language. */
export function render(locale: Locale, wording: Wording): string {
  if (typeof wording === 'string') return wording;
  if (Array.isArray(wording)) return wording.map((part) => render(locale, part)).join('');
  if ('each' in wording) return wording.each[locale];
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(wording.params ?? {}))
    params[name] = typeof value === 'number' ? value : render(locale, value);
  return translate(locale, wording.key, params);
}

/** Renders every value of a record of wordings (an SMS template's parameters, say). */
export function renderAll(locale: Locale, wordings: Record<string, Wording>): Record<string, string> {
  return Object.fromEntries(Object.entries(wordings).map(([name, value]) => [name, render(locale, value)]));
}
