import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Locale } from '../../../common/locale.js';
import { LETTER_TEMPLATES } from '../../../common/schemas/letters.js';

/** Letter templates Steady ships (templates/letters/*.json), written for it in zh-CN and English. */

const Words = z.strictObject({ 'zh-CN': z.string().min(1), en: z.string().min(1) });
const Paragraphs = z.strictObject({ 'zh-CN': z.array(z.string().min(1)), en: z.array(z.string().min(1)) });

export const LetterTemplate = z.strictObject({
  id: z.enum(LETTER_TEMPLATES),
  version: z.number().int().min(1),
  audience: z.enum(['unit_head', 'staff']),
  title: Words,
  preamble: Paragraphs,
  dutiesHeading: Words,
  undertakingsHeading: Words,
  undertakings: Paragraphs,
  /** Staff letters: words in a plan duty's title that make it a duty of the role. */
  roleDutyTitles: z.record(z.string(), z.array(z.string().min(1))).optional(),
});
export type LetterTemplate = z.infer<typeof LetterTemplate>;

const DIR = new URL('../../../../templates/letters/', import.meta.url);
const cache = new Map<string, LetterTemplate>();

export function letterTemplate(id: (typeof LETTER_TEMPLATES)[number]): LetterTemplate {
  const hit = cache.get(id);
  if (hit) return hit;
  const parsed = LetterTemplate.safeParse(JSON.parse(readFileSync(new URL(`${id}.json`, DIR), 'utf8')));
  if (!parsed.success) throw new Error(`templates/letters/${id}.json is invalid: ${z.prettifyError(parsed.error)}`);
  cache.set(id, parsed.data);
  return parsed.data;
}

export const fillIn = (text: string, vars: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (w, k: string) => vars[k] ?? w);

/** The plan duties a letter carries: all of them for a head; those whose title names the role for staff. */
export function dutiesFor(
  template: LetterTemplate,
  role: string,
  duties: { title: string; text: string }[],
): { title: string; text: string }[] {
  if (template.audience === 'unit_head') return duties;
  const words = template.roleDutyTitles?.[role] ?? [];
  return duties.filter((d) => words.some((w) => d.title.toLowerCase().includes(w.toLowerCase())));
}

export const localeOf = (locale: string): Locale => (locale === 'en' ? 'en' : 'zh-CN');
