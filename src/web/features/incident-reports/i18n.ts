import { createDictionary, type Translator } from '../../i18n/index.js';
import { reportsEn } from './i18n.en.js';
import { reportsZhCN, type ReportsKey } from './i18n.zh-CN.js';

export type { ReportsKey };
export type ReportsT = Translator<ReportsKey>;

/** The staged-report screens' own dictionary, in the language the user chose. */
export const { useText: useReportText } = createDictionary(reportsZhCN, reportsEn);
