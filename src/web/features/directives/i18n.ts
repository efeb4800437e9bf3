import { createDictionary, type Translator } from '../../i18n/index.js';
import { directivesEn } from './i18n.en.js';
import { directivesZhCN, type DirectivesKey } from './i18n.zh-CN.js';

export type { DirectivesKey };
export type DirectivesT = Translator<DirectivesKey>;

/** The directive screens' own dictionary, in the language the user chose. */
export const { useText: useDirectiveText } = createDictionary(directivesZhCN, directivesEn);
