import { createDictionary } from '../../i18n/index.js';
import { ackEn } from './i18n.en.js';
import { ackZhCN, type AckKey } from './i18n.zh-CN.js';

export type { AckKey };

/** The acknowledge page's dictionary, in the language the user chose. */
export const { useText: useAckText } = createDictionary(ackZhCN, ackEn);
