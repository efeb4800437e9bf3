import { createDictionary, type Translator } from '../../i18n/index.js';
import { inspectionsEn } from './i18n.en.js';
import { inspectionsZhCN, type InspectionsKey } from './i18n.zh-CN.js';

export type { InspectionsKey };
export type InspectionsT = Translator<InspectionsKey>;

/** The inspection screens' own dictionary, in the language the user chose. */
export const { useText: useInspectionText } = createDictionary(inspectionsZhCN, inspectionsEn);
