import { createDictionary, type Translator } from '../../i18n/index.js';
import { dutyEn } from './i18n.en.js';
import { dutyZhCN, type DutyKey } from './i18n.zh-CN.js';

export type { DutyKey };
export type DutyT = Translator<DutyKey>;

/** The duty and leave screens' own dictionary, in the language the user chose. */
export const { useText: useDutyText } = createDictionary(dutyZhCN, dutyEn);
