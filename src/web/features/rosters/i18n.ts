import { createDictionary } from '../../i18n/index.js';
import { rostersEn } from './i18n.en.js';
import { rostersZhCN } from './i18n.zh-CN.js';

/** The class rosters' own dictionary, in the language the user chose. */
export const { useText: useRosterText } = createDictionary(rostersZhCN, rostersEn);
