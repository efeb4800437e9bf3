import { createDictionary, type Translator } from '../../i18n/index.js';
import { visitorsEn } from './i18n.en.js';
import { visitorsZhCN, type VisitorsKey } from './i18n.zh-CN.js';

export type { VisitorsKey };
export type VisitorsT = Translator<VisitorsKey>;

/** The visitor screens' own dictionary, in the language the user chose. */
export const { useText: useVisitorText } = createDictionary(visitorsZhCN, visitorsEn);

/** "25 min", "1 h 5 min", "2 d 3 h": how long someone has been inside. */
export function stayLength(vt: VisitorsT, ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return vt('dur.m', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? vt('dur.hm', { h: hours, m: minutes % 60 }) : vt('dur.h', { h: hours });
  return vt('dur.d', { d: Math.floor(hours / 24), h: hours % 24 });
}
