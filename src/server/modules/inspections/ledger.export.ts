import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import type { Locale } from '../../../common/locale.js';
import type { LedgerRow } from '../../../common/schemas/inspections.js';

const HEADERS = {
  'zh-CN': [
    '序号',
    '单位',
    '发现时间',
    '来源',
    '检查项',
    '隐患描述',
    '隐患等级',
    '整改责任人',
    '整改期限',
    '状态',
    '是否逾期',
    '挂牌督办单位',
    '整改完成报告时间',
    '复查销号时间',
    '复查人',
    '任务编号',
  ],
  en: [
    'No.',
    'Unit',
    'Found',
    'Source',
    'Item',
    'Hazard',
    'Risk',
    'Owner',
    'Deadline',
    'State',
    'Overdue',
    'Supervised by',
    'Reported fixed',
    'Verified and closed',
    'Verified by',
    'Task id',
  ],
};
const WIDTHS = [6, 20, 17, 18, 8, 48, 8, 10, 17, 10, 8, 18, 17, 17, 10, 38];
const WORDS = {
  'zh-CN': {
    risk: { low: '低', medium: '中', high: '高', major: '重大' },
    state: { open: '整改中', awaiting_verification: '待复查', reopened: '复查未通过', closed: '已销号' },
    source: { inspection: '隐患排查', drill: '应急演练', incident: '突发事件' },
    yes: '是',
    no: '否',
    title: '隐患排查整改台帐',
  },
  en: {
    risk: { low: 'Low', medium: 'Medium', high: 'High', major: 'Major' },
    state: { open: 'Open', awaiting_verification: 'Awaiting verification', reopened: 'Reopened', closed: 'Closed' },
    source: { inspection: 'Inspection', drill: 'Drill', incident: 'Incident' },
    yes: 'Yes',
    no: 'No',
    title: 'Hazard rectification ledger',
  },
} as const;

/** The ledger as a spreadsheet: one row per hazard, in the API's order, times in the unit's zone. */
export async function ledgerWorkbook(rows: LedgerRow[], locale: Locale, zone: string): Promise<Buffer> {
  const words = WORDS[locale];
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(words.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = HEADERS[locale].map((header, i) => ({ header, width: WIDTHS[i] }));
  sheet.getRow(1).font = { bold: true };
  const time = (iso: string | null) => (iso ? DateTime.fromISO(iso).setZone(zone).toFormat('yyyy-MM-dd HH:mm') : '');
  rows.forEach((r, i) => {
    const row = sheet.addRow([
      i + 1,
      r.unitName,
      time(r.foundAt),
      `${words.source[r.sourceKind]} · ${r.sourceLabel}`,
      r.itemCode ?? '',
      r.title,
      words.risk[r.risk],
      r.ownerName,
      time(r.dueAt),
      words.state[r.state],
      r.overdue ? words.yes : words.no,
      r.supervisedBy ?? '',
      time(r.reportedFixedAt),
      time(r.closedAt),
      r.verifiedBy ?? '',
      r.taskId,
    ]);
    row.getCell(6).alignment = { wrapText: true, vertical: 'top' };
    if (r.overdue) row.getCell(11).font = { color: { argb: 'FFC41D1D' }, bold: true };
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
