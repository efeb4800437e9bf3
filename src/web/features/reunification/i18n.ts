import { createDictionary } from '../../i18n/index.js';
import { reunificationEn } from './i18n.en.js';
import { reunificationZhCN } from './i18n.zh-CN.js';

/** Reunification's own dictionary, in the language the user chose. */
export const { useText: useReunificationText } = createDictionary(reunificationZhCN, reunificationEn);
