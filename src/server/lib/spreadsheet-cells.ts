import type ExcelJS from 'exceljs';

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
