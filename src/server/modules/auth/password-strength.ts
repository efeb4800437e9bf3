import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { AppError, type FieldProblem } from '../../lib/errors.js';
import type { MessageKey } from '../../lib/messages.js';

/*
 * Password strength is estimated, not ruled by character classes (ASVS V2.1.7–9; NIST SP 800-63B
 * §5.1.1.2): zxcvbn-ts finds common passwords, words, names, keyboard rows, dates and repeats, and
 * scores 0–4. We ask for 3 ("safely unguessable") — with argon2id and sign-in limits behind it.
 * zxcvbn-ts ships no Chinese package, so the pinyin words and number codes most found in Chinese
 * password leaks (I love you, 1314 "a lifetime", surnames, cities) are added as one more list.
 */
export const PASSWORD_MIN_SCORE = 3;

const CHINESE_COMMON = [
  'woaini',
  'woaini1314',
  'aini1314',
  '5201314',
  '520520',
  '1314520',
  '5211314',
  '147258369',
  '123qwe',
  'qwe123',
  'a123456',
  'a123456789',
  'aa123456',
  'qq123456',
  'abc123456',
  '123456a',
  '1qaz2wsx',
  'zxcvbnm',
  'iloveyou',
  'baobei',
  'laopo',
  'laogong',
  'qinqin',
  'xiaobao',
  'wodemima',
  'mima',
  'mima123',
  'zhongguo',
  'china',
  'beijing',
  'shanghai',
  'guangzhou',
  'shenzhen',
  'tianjin',
  'chongqing',
  'xuexiao',
  'xiaoxue',
  'zhongxue',
  'youeryuan',
  'shequ',
  'jiaoyuju',
  'laoshi',
  'xiaozhang',
  'yuanzhang',
  'anquan',
  'yingji',
  'zhiban',
  'wang',
  'zhang',
  'li',
  'liu',
  'chen',
  'yang',
  'huang',
  'zhao',
  'zhou',
  'wu',
  'xu',
  'sun',
  'zhu',
  'ma',
  'hu',
  'guo',
  'lin',
  'he',
  'gao',
  'luo',
  'zheng',
  'liang',
  'xie',
  'song',
  'tang',
  'han',
  'feng',
  'deng',
  'cao',
  'wei',
  'jun',
  'ming',
  'hua',
  'ping',
  'gang',
  'qiang',
  'lei',
  'yong',
  'jie',
  'tao',
  'chao',
  'fang',
  'jing',
];

const estimator = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...english.dictionary, chineseCommon: CHINESE_COMMON },
  graphs: common.adjacencyGraphs,
});

/** zxcvbn's warning keys, in the words of our catalogue. */
const WHY: Record<string, MessageKey> = {
  topTen: 'password.why.topTen',
  topHundred: 'password.why.topHundred',
  common: 'password.why.common',
  similarToCommon: 'password.why.similarToCommon',
  wordByItself: 'password.why.wordByItself',
  namesByThemselves: 'password.why.namesByThemselves',
  commonNames: 'password.why.commonNames',
  userInputs: 'password.why.userInputs',
  straightRow: 'password.why.straightRow',
  keyPattern: 'password.why.keyPattern',
  simpleRepeat: 'password.why.simpleRepeat',
  extendedRepeat: 'password.why.extendedRepeat',
  sequences: 'password.why.sequences',
  recentYears: 'password.why.recentYears',
  dates: 'password.why.dates',
  pwned: 'password.why.pwned',
};

/**
 * Why `password` is too weak, as a field problem naming `field`; null when it is strong enough.
 * `userInputs` are words an attacker would try first: the username, the person's name, the unit.
 */
export function passwordProblem(password: string, field: string, userInputs: string[] = []): FieldProblem | null {
  // Each input whole, without its punctuation (k1.head → k1head), and word by word.
  const words = userInputs
    .map((s) => s.toLowerCase())
    .flatMap((s) => [s, s.replace(/[^\p{L}\p{N}]+/gu, ''), ...s.split(/[^\p{L}\p{N}]+/u)]);
  const inputs = ['steady', ...new Set(words.filter((s) => s.length >= 2))];
  const result = estimator.check(password, inputs);
  if (result.score >= PASSWORD_MIN_SCORE) return null;
  const why = WHY[result.feedback.warning ?? ''] ?? 'password.why.short';
  return { field, key: 'password.weak', paramKeys: { why } };
}

/** Refuses a weak password with 422, saying why in the user's language. */
export function requireStrongPassword(password: string, field: string, userInputs: string[] = []): void {
  const problem = passwordProblem(password, field, userInputs);
  if (problem) throw new AppError(422, 'validation', 'problem.validation', {}, [problem]);
}
