import { createDictionary, type Translator } from '../../i18n/index.js';
import { drillsEn } from './i18n.en.js';
import { drillsZhCN, type DrillsKey } from './i18n.zh-CN.js';

export type { DrillsKey };
export type DrillsT = Translator<DrillsKey>;

/** The drill screens' own dictionary, in the language the user chose. */
export const { useText: useDrillText } = createDictionary(drillsZhCN, drillsEn);
