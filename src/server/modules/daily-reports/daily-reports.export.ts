import ExcelJS from 'exceljs';
import type { Locale } from '../../../common/locale.js';
import { DAILY_STATUSES, type DailyStatus, type StatusCounts } from '../../../common/schemas/daily-reports.js';

export const STATUS_LABELS: Record<Locale, Record<DailyStatus, string>> = {
  'zh-CN': { on_time: '按时', late: '迟报', missing: '漏报', not_required: '无需报告', pending: '待报' },
  en: { on_time: 'On time', late: 'Late', missing: 'Missing', not_required: 'Not required', pending: 'Pending' },
};
const FILLS: Record<DailyStatus, string> = {
  on_time: 'FFD9F2E3',
  late: 'FFFFE7BA',
  missing: 'FFFFCCC7',
  not_required: 'FFF0F0F0',
  pending: 'FFDBE7F7',
};
const WORDS = {
  'zh-CN': { sheet: '每日报告', totals: '按日统计', unit: '单位', day: '日期', notBegun: '未开始' },
  en: { sheet: 'Daily reports', totals: 'Totals by day', unit: 'Unit', day: 'Day', notBegun: 'Not begun' },
};

export interface MatrixForExport {
  days: string[];
  totals: StatusCounts[];
  units: { name: string; depth: number; cells: (DailyStatus | null)[] }[];
}

/** The matrix as a workbook: units × days with coloured statuses, and the totals per day. */
export async function matrixWorkbook(matrix: MatrixForExport, locale: Locale): Promise<Buffer> {
  const labels = STATUS_LABELS[locale];
  const words = WORDS[locale];
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(words.sheet, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  sheet.columns = [{ header: words.unit, width: 30 }, ...matrix.days.map((d) => ({ header: d.slice(5), width: 9 }))];
  sheet.getRow(1).font = { bold: true };
  const minDepth = matrix.units.reduce((min, u) => Math.min(min, u.depth), Infinity);
  for (const unit of matrix.units) {
    const row = sheet.addRow([unit.name, ...unit.cells.map((c) => (c ? labels[c] : words.notBegun))]);
    row.getCell(1).alignment = { indent: Math.max(0, unit.depth - minDepth) };
    unit.cells.forEach((c, i) => {
      if (c) row.getCell(i + 2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[c] } };
    });
  }
  const totals = book.addWorksheet(words.totals);
  totals.columns = [{ header: words.day, width: 12 }, ...DAILY_STATUSES.map((s) => ({ header: labels[s], width: 12 }))];
  totals.getRow(1).font = { bold: true };
  matrix.days.forEach((day, i) => totals.addRow([day, ...DAILY_STATUSES.map((s) => matrix.totals[i]![s])]));
  return Buffer.from(await book.xlsx.writeBuffer());
}
