import { createDictionary } from '../i18n/index.js';
import { offlineEn } from './i18n.en.js';
import { offlineZhCN } from './i18n.zh-CN.js';

export type { OfflineKey } from './i18n.zh-CN.js';

/** The offline parts' own dictionary, in the language the user chose. */
export const { useText: useOfflineText } = createDictionary(offlineZhCN, offlineEn);
