import { createDictionary, type Translator } from '../../i18n/index.js';
import { supervisionEn } from './i18n.en.js';
import { supervisionZhCN, type SupervisionKey } from './i18n.zh-CN.js';

export type { SupervisionKey };
export type SupervisionT = Translator<SupervisionKey>;

/** The supervision screens' own dictionary, in the language the user chose. */
export const { useText: useSupervisionText } = createDictionary(supervisionZhCN, supervisionEn);
