import { createDictionary, type Translator } from '../../i18n/index.js';
import { dailyReportsEn } from './i18n.en.js';
import { dailyReportsZhCN, type DailyReportsKey } from './i18n.zh-CN.js';

export type { DailyReportsKey };
export type DailyReportsT = Translator<DailyReportsKey>;

/** The daily-report screens' own dictionary, in the language the user chose. */
export const { useText: useDailyReportText } = createDictionary(dailyReportsZhCN, dailyReportsEn);
