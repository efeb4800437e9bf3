import ExcelJS from 'exceljs';
import type { Locale } from '../../../common/locale.js';
import type { Analytics } from '../../../common/schemas/analytics.js';

const WORDS = {
  'zh-CN': {
    response: '响应时间',
    heat: '迟报漏报',
    ageing: '隐患账龄',
    hazards: '隐患统计',
    unit: '单位',
    ackN: '确认次数',
    ackMedian: '确认中位数（分钟）',
    ackWorst: '确认最长（分钟）',
    repN: '上报次数',
    repMedian: '上报中位数（分钟）',
    repWorst: '上报最长（分钟）',
    age: '账龄（天）',
    open: '未销号隐患',
    supervised: '其中挂牌督办',
    category: '类别',
    risk: '风险等级',
    found: '发现',
    fixed: '整改完成',
    overdue: '逾期',
    period: '统计期',
  },
  en: {
    response: 'Response times',
    heat: 'Late and missing',
    ageing: 'Hazard ageing',
    hazards: 'Hazard statistics',
    unit: 'Unit',
    ackN: 'Acknowledged',
    ackMedian: 'Ack. median (min)',
    ackWorst: 'Ack. worst (min)',
    repN: 'Reported up',
    repMedian: 'Report median (min)',
    repWorst: 'Report worst (min)',
    age: 'Age (days)',
    open: 'Open hazards',
    supervised: 'of which supervised',
    category: 'Category',
    risk: 'Risk',
    found: 'Found',
    fixed: 'Fixed',
    overdue: 'Overdue',
    period: 'Period',
  },
};

function table(book: ExcelJS.Workbook, name: string, headers: string[], rows: (string | number | null)[][]): void {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((h, i) => ({ header: h, width: i === 0 ? 28 : 14 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((v) => v ?? '—'));
}

/** Every analytics view as one workbook, a sheet each. */
export async function analyticsWorkbook(a: Analytics, locale: Locale): Promise<Buffer> {
  const w = WORDS[locale];
  const book = new ExcelJS.Workbook();
  table(
    book,
    w.response,
    [w.unit, w.ackN, w.ackMedian, w.ackWorst, w.repN, w.repMedian, w.repWorst],
    a.response.map((r) => [
      r.unitName,
      r.acknowledged,
      r.ackMedianMinutes,
      r.ackWorstMinutes,
      r.reported,
      r.reportMedianMinutes,
      r.reportWorstMinutes,
    ]),
  );
  table(
    book,
    w.heat,
    [w.unit, ...a.heat.weeks],
    a.heat.rows.map((r) => [r.unitName, ...r.counts]),
  );
  table(
    book,
    w.ageing,
    [w.age, w.open, w.supervised],
    a.ageing.buckets.map((b, i) => [b, a.ageing.hazards[i]!, a.ageing.supervised[i]!]),
  );
  table(
    book,
    w.hazards,
    [w.category, w.risk, w.found, w.fixed, w.overdue],
    a.hazards.map((h) => [h.category, h.risk, h.found, h.fixed, h.overdue]),
  );
  book.worksheets[0]!.addRow([]);
  book.worksheets[0]!.addRow([w.period, `${a.from} – ${a.last}`, a.unitName]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
