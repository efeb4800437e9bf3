import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import type { Locale } from '../../../common/locale.js';
import type { ShiftKind } from '../../../common/schemas/duty.js';
import { cellText, letterOf, firstSheet, type CellProblemAt } from '../../lib/spreadsheet-cells.js';

/*
 * The roster as the spreadsheet units already keep: one row per shift, with the columns
 * 日期/Date, 班次/Shift, 开始/Start, 结束/End, 带班领导/Duty leader, 值班人员/Duty staff.
 * Headings are written in both languages and read in either. Dates and times are the unit's local
 * ones; an end at or before the start is on the next day. People are written by name — by
 * username where two people of the unit share a name — and read by either; several duty staff
 * are separated by 、 , ; or a line break.
 */

export const ROSTER_COLUMNS = [
  { key: 'rosterDate', heading: '日期/Date', names: ['日期', 'date'] },
  { key: 'rosterShift', heading: '班次/Shift', names: ['班次', 'shift'] },
  { key: 'rosterStart', heading: '开始/Start', names: ['开始', '开始时间', 'start', 'starts'] },
  { key: 'rosterEnd', heading: '结束/End', names: ['结束', '结束时间', 'end', 'ends'] },
  { key: 'rosterLeader', heading: '带班领导/Duty leader', names: ['带班领导', 'dutyleader', 'leader'] },
  { key: 'rosterStaff', heading: '值班人员/Duty staff', names: ['值班人员', 'dutystaff', 'staff'] },
] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number]['key'];

const SHIFT_LABELS: Record<ShiftKind, Record<Locale, string>> = {
  '24h': { 'zh-CN': '全天', en: '24-hour' },
  day: { 'zh-CN': '白班', en: 'Day' },
  night: { 'zh-CN': '夜班', en: 'Night' },
  custom: { 'zh-CN': '其他', en: 'Other' },
};
const SHIFT_WORDS: Record<string, ShiftKind> = {
  全天: '24h',
  '24小时': '24h',
  '24h': '24h',
  '24-hour': '24h',
  '24hours': '24h',
  allday: '24h',
  白班: 'day',
  日班: 'day',
  day: 'day',
  夜班: 'night',
  晚班: 'night',
  night: 'night',
  其他: 'custom',
  其它: 'custom',
  other: 'custom',
  custom: 'custom',
};

export const shiftLabel = (kind: string, locale: Locale) => SHIFT_LABELS[kind as ShiftKind]?.[locale] ?? kind;
export const shiftKindOf = (text: string): ShiftKind | undefined => SHIFT_WORDS[text.replace(/\s+/g, '').toLowerCase()];

export interface RosterRowOut {
  date: string;
  kind: string;
  start: string;
  end: string;
  leader: string;
  staff: string[];
}

export async function rosterWorkbook(rows: RosterRowOut[], locale: Locale): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(locale === 'en' ? 'Duty roster' : '值班表');
  sheet.columns = ROSTER_COLUMNS.map((c, i) => ({ header: c.heading, width: [13, 10, 8, 8, 16, 30][i] }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows)
    sheet.addRow([r.date, shiftLabel(r.kind, locale), r.start, r.end, r.leader, r.staff.join('、')]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** One problem in the file, at a row and column (row 1 is the headings). */
export type CellProblem = CellProblemAt<
  RosterColumn,
  'missingColumn' | 'badDate' | 'badTime' | 'badShift' | 'required' | 'unreadable' | 'noRows' | 'tooManyRows'
>;

export interface RosterRowIn {
  row: number;
  date: string;
  kind: ShiftKind;
  start: string;
  end: string;
  leader: string;
  staff: string[];
  letters: Record<RosterColumn, string>;
}

/** A date cell as `YYYY-MM-DD`: a real date, a serial number, or text such as 2027/6/1 or 2027年6月1日. */
function readDate(value: string | Date | number): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'number')
    return value > 0 && value < 2_958_466
      ? new Date(Math.round((value - 25_569) * 86_400_000)).toISOString().slice(0, 10)
      : null;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(value);
  if (!m) return null;
  const date = DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, { zone: 'UTC' });
  return date.isValid ? date.toISODate() : null;
}

/** A time cell as `HH:MM`: a time of day, a fraction of a day, or text such as 8:00 or 08:00:00. */
function readTime(value: string | Date | number): string | null {
  let minutes: number;
  if (value instanceof Date) minutes = value.getUTCHours() * 60 + value.getUTCMinutes();
  else if (typeof value === 'number') {
    if (value < 0 || value >= 1) return null;
    minutes = Math.round(value * 1440) % 1440;
  } else {
    const m = /^(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?$/.exec(value);
    if (!m || Number(m[1]) > 24 || Number(m[2]) > 59 || (Number(m[1]) === 24 && Number(m[2]) > 0)) return null;
    minutes = (Number(m[1]) * 60 + Number(m[2])) % 1440;
  }
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const splitPeople = (text: string) =>
  text
    .split(/[、,，;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Reads the first sheet: rows as written, and every problem of form (not yet of meaning). */
export async function readRoster(
  buffer: Buffer,
  maxRows: number,
): Promise<{ rows: RosterRowIn[]; problems: CellProblem[] }> {
  const sheet = await firstSheet(buffer);
  if (typeof sheet === 'string') return { rows: [], problems: [{ row: 0, column: 'file', letter: '', key: sheet }] };
  const problems: CellProblem[] = [];
  const at = {} as Record<RosterColumn, number>;
  sheet.getRow(1).eachCell((cell, index) => {
    const text = String(cellText(cell.value)).replace(/\s+/g, '').toLowerCase();
    for (const c of ROSTER_COLUMNS)
      if (!(c.key in at) && text.split('/').some((part) => (c.names as readonly string[]).includes(part)))
        at[c.key] = index;
  });
  for (const c of ROSTER_COLUMNS)
    if (!(c.key in at)) problems.push({ row: 1, column: c.key, letter: '', key: 'missingColumn' });
  if (problems.length) return { rows: [], problems };
  const letters = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, letterOf(at[c.key])])) as Record<
    RosterColumn,
    string
  >;
  const rows: RosterRowIn[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const raw = Object.fromEntries(
      ROSTER_COLUMNS.map((c) => [c.key, cellText(sheet.getRow(r).getCell(at[c.key]).value)]),
    ) as Record<RosterColumn, string | Date | number>;
    if (Object.values(raw).every((v) => v === '')) continue;
    if (rows.length >= maxRows) {
      problems.push({ row: r, column: 'file', letter: '', key: 'tooManyRows', value: String(maxRows) });
      break;
    }
    const problem = (column: RosterColumn, key: CellProblem['key']) =>
      problems.push({
        row: r,
        column,
        letter: letters[column],
        key,
        value: String(raw[column] instanceof Date ? (raw[column] as Date).toISOString() : raw[column]),
      });
    const date = readDate(raw.rosterDate);
    if (raw.rosterDate === '') problem('rosterDate', 'required');
    else if (!date) problem('rosterDate', 'badDate');
    const kind = shiftKindOf(String(raw.rosterShift));
    if (!kind) problem('rosterShift', raw.rosterShift === '' ? 'required' : 'badShift');
    const start = readTime(raw.rosterStart);
    if (!start) problem('rosterStart', raw.rosterStart === '' ? 'required' : 'badTime');
    const end = readTime(raw.rosterEnd);
    if (!end) problem('rosterEnd', raw.rosterEnd === '' ? 'required' : 'badTime');
    if (date && kind && start && end) {
      rows.push({
        row: r,
        date,
        kind,
        start,
        end,
        leader: String(raw.rosterLeader),
        staff: splitPeople(String(raw.rosterStaff)),
        letters,
      });
    }
  }
  if (rows.length === 0 && problems.length === 0) problems.push({ row: 0, column: 'file', letter: '', key: 'noRows' });
  return { rows, problems };
}
