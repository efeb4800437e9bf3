import ExcelJS from 'exceljs';
import type { Locale } from '../../../common/locale.js';
import { ADULTS_MAX, PUPIL_NAME_MAX, RosterAdult } from '../../../common/schemas/rosters.js';
import { cellText, headingKey, letterOf, firstSheet, type CellProblemAt } from '../../lib/spreadsheet-cells.js';

/*
 * A school's roster as a spreadsheet: one row per pupil — 班级/Class, 姓名/Name — then, for up to
 * three adults, 姓名, 关系, 手机, 证件后四位 and 身份 (监护人 / 授权接送人 / 监护人（不可接送）).
 * Headings are written in both languages and read in either; adult columns carry their number.
 */

export const ADULT_SLOTS = 3;
const ADULT_FIELDS = ['Name', 'Relation', 'Mobile', 'IdLast4', 'Kind'] as const;
type AdultField = (typeof ADULT_FIELDS)[number];
const FIELD_WORDS: Record<AdultField, { zh: string; en: string; names: string[] }> = {
  Name: { zh: '接送人', en: 'Adult', names: ['接送人', '家长', 'adult'] },
  Relation: { zh: '关系', en: 'Relation', names: ['关系', 'relation'] },
  Mobile: { zh: '手机', en: 'Mobile', names: ['手机', '手机号', 'mobile'] },
  IdLast4: { zh: '证件后四位', en: 'ID last 4', names: ['证件后四位', 'idlast4'] },
  Kind: { zh: '身份', en: 'Kind', names: ['身份', 'kind'] },
};

export type RosterColumn = 'class' | 'pupil' | `adult${1 | 2 | 3}${AdultField}`;
const FIXED: { key: RosterColumn; heading: string; names: string[] }[] = [
  { key: 'class', heading: '班级/Class', names: ['班级', 'class'] },
  { key: 'pupil', heading: '姓名/Name', names: ['姓名', '学生姓名', '幼儿姓名', 'name', 'pupil'] },
];
const ADULT_COLUMNS = Array.from({ length: ADULT_SLOTS }, (_, i) =>
  ADULT_FIELDS.map((f) => ({
    key: `adult${i + 1}${f}` as RosterColumn,
    heading: `${FIELD_WORDS[f].zh}${i + 1}/${FIELD_WORDS[f].en} ${i + 1}`,
    names: FIELD_WORDS[f].names.map((n) => `${n}${i + 1}`),
  })),
).flat();
export const ROSTER_COLUMNS = [...FIXED, ...ADULT_COLUMNS];

const KIND_WORDS: Record<string, { guardian: boolean; mayCollect: boolean }> = {
  监护人: { guardian: true, mayCollect: true },
  guardian: { guardian: true, mayCollect: true },
  授权接送人: { guardian: false, mayCollect: true },
  接送人: { guardian: false, mayCollect: true },
  authorised: { guardian: false, mayCollect: true },
  authorized: { guardian: false, mayCollect: true },
  '监护人（不可接送）': { guardian: true, mayCollect: false },
  '监护人(不可接送)': { guardian: true, mayCollect: false },
  'guardian(maynotcollect)': { guardian: true, mayCollect: false },
};
export function kindWord(adult: { guardian: boolean; mayCollect: boolean }, locale: Locale): string {
  if (adult.guardian && !adult.mayCollect) return locale === 'en' ? 'Guardian (may not collect)' : '监护人（不可接送）';
  if (adult.guardian) return locale === 'en' ? 'Guardian' : '监护人';
  return locale === 'en' ? 'Authorised' : '授权接送人';
}

export interface RosterRowOut {
  className: string;
  name: string;
  adults: RosterAdult[];
}

export async function rosterWorkbook(rows: RosterRowOut[], locale: Locale): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(locale === 'en' ? 'Class roster' : '班级名册');
  sheet.columns = ROSTER_COLUMNS.map((c) => ({ header: c.heading, width: c.key === 'pupil' ? 12 : 14 }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    const adults = r.adults
      .slice(0, ADULT_SLOTS)
      .flatMap((a) => [a.name, a.relation, a.mobile, a.idLast4 ?? '', kindWord(a, locale)]);
    sheet.addRow([r.className, r.name, ...adults]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** One problem in the file, at a row and column (row 1 is the headings). */
export type CellProblem = CellProblemAt<
  RosterColumn,
  | 'missingColumn'
  | 'required'
  | 'tooLong'
  | 'badMobile'
  | 'badIdLast4'
  | 'badKind'
  | 'unreadable'
  | 'noRows'
  | 'tooManyRows'
>;

export interface RosterRowIn {
  row: number;
  className: string;
  name: string;
  adults: RosterAdult[];
}

/** Reads the first sheet: rows as written and every problem of form, all of them, each at its cell. */
export async function readRoster(
  buffer: Buffer,
  maxRows: number,
): Promise<{ rows: RosterRowIn[]; problems: CellProblem[] }> {
  const sheet = await firstSheet(buffer);
  if (typeof sheet === 'string') return { rows: [], problems: [{ row: 0, column: 'file', letter: '', key: sheet }] };
  const at = new Map<RosterColumn, number>();
  sheet.getRow(1).eachCell((cell, index) => {
    const parts = headingKey(String(cellText(cell.value))).split('/');
    for (const c of ROSTER_COLUMNS) if (!at.has(c.key) && parts.some((p) => c.names.includes(p))) at.set(c.key, index);
  });
  const missing = FIXED.filter((c) => !at.has(c.key));
  if (missing.length)
    return { rows: [], problems: missing.map((c) => ({ row: 1, column: c.key, letter: '', key: 'missingColumn' })) };
  const problems: CellProblem[] = [];
  const rows: RosterRowIn[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const text = (key: RosterColumn) => {
      const index = at.get(key);
      return index ? String(cellText(sheet.getRow(r).getCell(index).value)).trim() : '';
    };
    const problem = (column: RosterColumn, key: CellProblem['key'], value = text(column)) =>
      problems.push({ row: r, column, letter: letterOf(at.get(column) ?? 0), key, value });
    if (ROSTER_COLUMNS.every((c) => text(c.key) === '')) continue;
    if (rows.length >= maxRows) {
      problems.push({ row: r, column: 'file', letter: '', key: 'tooManyRows', value: String(maxRows) });
      break;
    }
    const className = text('class');
    const name = text('pupil');
    if (!className) problem('class', 'required');
    else if (className.length > 40) problem('class', 'tooLong');
    if (!name) problem('pupil', 'required');
    else if (name.length > PUPIL_NAME_MAX) problem('pupil', 'tooLong');
    const adults = readAdults(text, problem);
    if (className && name && adults) rows.push({ row: r, className, name, adults });
  }
  if (rows.length === 0 && problems.length === 0) problems.push({ row: 0, column: 'file', letter: '', key: 'noRows' });
  return { rows, problems };
}

/** The adults of one row; null when any of them has a problem (each one recorded). */
function readAdults(
  text: (key: RosterColumn) => string,
  problem: (column: RosterColumn, key: CellProblem['key']) => void,
): RosterAdult[] | null {
  const adults: RosterAdult[] = [];
  let fine = true;
  for (let i = 1; i <= Math.min(ADULT_SLOTS, ADULTS_MAX); i++) {
    const col = (f: AdultField) => `adult${i}${f}` as RosterColumn;
    const [name, relation, mobile, idLast4, kind] = ADULT_FIELDS.map((f) => text(col(f)));
    if (![name, relation, mobile, idLast4, kind].some(Boolean)) continue;
    const kindOf = kind ? (KIND_WORDS[headingKey(kind)] ?? KIND_WORDS[kind]) : KIND_WORDS['监护人'];
    const missing = [
      [name, 'Name', 'required'],
      [relation, 'Relation', 'required'],
      [mobile, 'Mobile', 'required'],
      [kindOf, 'Kind', 'badKind'],
    ] as const;
    for (const [value, field, key] of missing) {
      if (value) continue;
      fine = false;
      problem(col(field), key);
    }
    const parsed = RosterAdult.safeParse({ name, relation, mobile, idLast4: idLast4 || null, ...kindOf });
    if (!parsed.success) {
      fine = false;
      for (const field of new Set(parsed.error.issues.map((issue) => issue.path[0]))) {
        if (field === 'mobile' && mobile) problem(col('Mobile'), 'badMobile');
        if (field === 'idLast4') problem(col('IdLast4'), 'badIdLast4');
        if ((field === 'name' || field === 'relation') && (field === 'name' ? name : relation))
          problem(col(field === 'name' ? 'Name' : 'Relation'), 'tooLong');
      }
    } else adults.push(parsed.data);
  }
  return fine ? adults : null;
}
