import type { Locale } from './locale.js';
import { chineseNumeral } from './numerals.js';
import type { DutyKind } from './schemas/incident-reports.js';

const NAMES: Record<Locale, Record<DutyKind, string>> = {
  'zh-CN': {
    verbal: '口头报告',
    first: '首报',
    follow_up: '续报',
    final: '终报',
    supplement: '补报',
    forward: '转报',
    correction: '补充报告',
  },
  en: {
    verbal: 'Verbal report',
    first: 'First report',
    follow_up: 'Follow-up',
    final: 'Final report',
    supplement: 'Supplementary report',
    forward: 'Forwarded report',
    correction: 'Corrected report',
  },
};

/** How the stage is named on a form and in a list: 首报, 续报二, 补报一; First report, Follow-up 2. */
export function stageName(kind: DutyKind, seq: number, locale: Locale): string {
  const name = NAMES[locale][kind];
  if (kind !== 'follow_up' && kind !== 'supplement') return name;
  return locale === 'zh-CN' ? `${name}${chineseNumeral(seq)}` : `${name} ${seq}`;
}
