import { createDictionary, type Translator } from '../../i18n/index.js';
import { casesEn } from './i18n.en.js';
import { casesZhCN, type CasesKey } from './i18n.zh-CN.js';

export type { CasesKey };
export type CasesT = Translator<CasesKey>;

/** The dispute case screens' own dictionary, in the language the user chose. */
export const { useText: useCaseText } = createDictionary(casesZhCN, casesEn);
