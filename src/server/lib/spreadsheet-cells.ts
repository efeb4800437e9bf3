import ExcelJS from 'exceljs';
import { AppError, type FieldProblem } from './errors.js';
import type { MessageKey } from './messages.js';

/** Reading cells of the spreadsheets people bring (rosters of duty, of pupils): no domain knowledge. */

/** The spreadsheet's column letter of a 1-based column index: 1 → A, 27 → AA. */
export const letterOf = (index: number): string =>
  (index > 26 ? letterOf(Math.floor((index - 1) / 26)) : '') + String.fromCharCode(65 + ((index - 1) % 26));

/** The text of a cell whatever exceljs made of it: rich text, formula results, hyperlinks, dates. */
export function cellText(value: ExcelJS.CellValue): string | Date | number {
  if (value === null || value === undefined) return '';
  if (value instanceof Date || typeof value === 'number') return value;
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
    return '';
  }
  return String(value).trim();
}

/** A heading as it is compared: without spaces, in lower case. */
export const headingKey = (text: string) => text.replace(/\s+/g, '').toLowerCase();

/** One problem in a spreadsheet, at a row and column (row 1 is the headings; `file` is the file as a whole). */
export interface CellProblemAt<Column extends string, Key extends string> {
  row: number;
  column: Column | 'file';
  /** The spreadsheet's column letter, when the column was found. */
  letter: string;
  key: Key;
  value?: string;
}

/** A cell's problem as a named field: `rows.<row>.<column>`, `columns.<column>` or the file's own field. */
export function cellFieldProblem<Column extends string, Key extends string>(
  p: CellProblemAt<Column, Key>,
  keys: Record<Key, MessageKey>,
  fileField: string,
): FieldProblem {
  if (p.column === 'file') return { field: fileField, key: keys[p.key], params: { row: p.row, max: p.value ?? '' } };
  if (p.key === 'missingColumn') return { field: `columns.${p.column}`, key: keys[p.key] };
  return {
    field: `rows.${p.row}.${p.column}`,
    key: keys[p.key],
    params: { row: p.row, col: p.letter, value: p.value ?? '' },
  };
}

/** An import refused as a whole: nothing was stored; the first `max` problems are listed. */
export const importRefused = (key: MessageKey, problems: FieldProblem[], max: number): AppError =>
  new AppError(422, 'validation', key, { count: problems.length }, problems.slice(0, max));

/** The first sheet of an `.xlsx` file, or why there is none to read (not a spreadsheet, or no sheet). */
export async function firstSheet(buffer: Buffer): Promise<ExcelJS.Worksheet | 'unreadable' | 'noRows'> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return 'unreadable';
  }
  return book.worksheets[0] ?? 'noRows';
}
