import { createDictionary, type Translator } from '../../i18n/index.js';
import { incidentsEn } from './i18n.en.js';
import { incidentsZhCN, type IncidentsKey } from './i18n.zh-CN.js';

export type { IncidentsKey };
export type IncidentsT = Translator<IncidentsKey>;

/** The incident screens' own dictionary, in the language the user chose. */
export const { translator: incidentsTranslator, useText: useIncidentText } = createDictionary(
  incidentsZhCN,
  incidentsEn,
);
