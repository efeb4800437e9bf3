import { createDictionary, type Translator } from '../../i18n/index.js';
import { patrolsEn } from './i18n.en.js';
import { patrolsZhCN, type PatrolsKey } from './i18n.zh-CN.js';

export type { PatrolsKey };
export type PatrolsT = Translator<PatrolsKey>;

/** The patrol screens' own dictionary, in the language the user chose. */
export const { useText: usePatrolText } = createDictionary(patrolsZhCN, patrolsEn);
