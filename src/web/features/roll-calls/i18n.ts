import { createDictionary } from '../../i18n/index.js';
import { rollCallsEn } from './i18n.en.js';
import { rollCallsZhCN } from './i18n.zh-CN.js';

/** The roll call's own dictionary, in the language the user chose. */
export const { useText: useRollCallText } = createDictionary(rollCallsZhCN, rollCallsEn);
export type RollCallT = ReturnType<typeof useRollCallText>;
