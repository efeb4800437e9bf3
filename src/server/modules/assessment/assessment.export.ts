import ExcelJS from 'exceljs';
import type { Locale } from '../../../common/locale.js';
import type { Ranking, UnitSheet } from '../../../common/schemas/assessment.js';
import { renderOfficialDocx } from '../../exports/docx/official-document.js';

const WORDS = {
  'zh-CN': {
    ranking: '排名',
    rank: '名次',
    unit: '单位',
    total: '总分（%）',
    earned: '得分',
    assessed: '有数据的分值',
    noData: '无数据',
    items: '考核项',
    item: '考核项',
    weight: '分值',
    formula: '计算方法',
    counted: '达标/计数',
    points: '得分',
    evidence: '评分依据',
    answer: '单位说明',
    period: '考核期',
    summary: '总分',
    summaryText: '{unit}在“{title}”中得分 {earned} 分，占有数据项分值 {assessed} 分的 {total}%。',
    noDataText: '{unit}在“{title}”中没有可计算的数据，不评定总分。',
    headingItems: '考核项得分',
    headingRules: '计分规则',
    rules:
      '计算项得分 = 分值 × 达标记录数 ÷ 计数记录数；手工项由上级单位依据评分依据评分；没有数据的项不计入总分，也不计入分母。',
  },
  en: {
    ranking: 'Ranking',
    rank: 'Rank',
    unit: 'Unit',
    total: 'Total (%)',
    earned: 'Points',
    assessed: 'Weight with data',
    noData: 'No data',
    items: 'Items',
    item: 'Item',
    weight: 'Weight',
    formula: 'How it is computed',
    counted: 'Met / counted',
    points: 'Points',
    evidence: 'Evidence',
    answer: 'Unit’s answer',
    period: 'Period',
    summary: 'Total',
    summaryText:
      '{unit} earned {earned} points on “{title}”: {total}% of the {assessed} points of the items with data.',
    noDataText: '{unit} has no data to compute on “{title}”, so no total is given.',
    headingItems: 'Scores by item',
    headingRules: 'How scores are counted',
    rules:
      'A computed item scores weight × records that met the rule ÷ records counted; a manual item is scored ' +
      'by the supervising unit with evidence; an item without data counts neither for nor against the total.',
  },
};

const fill = (text: string, vars: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (w, k: string) => (k in vars ? String(vars[k]) : w));

/** The ranking as a workbook: one row per unit, a column per item. */
export async function rankingWorkbook(ranking: Ranking, locale: Locale): Promise<Buffer> {
  const w = WORDS[locale];
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(w.ranking, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  sheet.columns = [
    { header: w.rank, width: 8 },
    { header: w.unit, width: 28 },
    { header: w.total, width: 12 },
    { header: w.earned, width: 10 },
    { header: w.assessed, width: 14 },
    ...ranking.sheet.items.map((i) => ({ header: `${i.title} (${i.weight})`, width: 16 })),
  ];
  sheet.getRow(1).font = { bold: true };
  for (const u of ranking.units) {
    sheet.addRow([
      u.rank ?? '—',
      u.unitName,
      u.total ?? w.noData,
      u.earned,
      u.assessedWeight,
      ...u.items.map((i) => (i.noData ? w.noData : i.points)),
    ]);
  }
  const items = book.addWorksheet(w.items);
  items.columns = [
    { header: w.item, width: 30 },
    { header: w.weight, width: 8 },
    { header: w.formula, width: 80 },
  ];
  items.getRow(1).font = { bold: true };
  for (const i of ranking.sheet.items) items.addRow([i.title, i.weight, i.formula]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** One unit's sheet as an official document: the total, each item with its formula, the rules. */
export async function unitSheetDocx(
  view: UnitSheet,
  unitName: string,
  locale: Locale,
  dateText: string,
): Promise<Buffer> {
  const w = WORDS[locale];
  const { sheet, score } = view;
  const vars = {
    unit: unitName,
    title: sheet.title,
    earned: score.earned,
    assessed: score.assessedWeight,
    total: score.total ?? '',
  };
  return renderOfficialDocx({
    locale,
    title: locale === 'en' ? `${sheet.title} — ${unitName}` : `${sheet.title}（${unitName}）`,
    issuer: sheet.unitName,
    dateText,
    subtitle: `${w.period}: ${sheet.periodStart} – ${sheet.periodEnd}`,
    sections: [
      { heading: w.summary, level: 1, paragraphs: [fill(score.total === null ? w.noDataText : w.summaryText, vars)] },
      {
        heading: w.headingItems,
        level: 1,
        paragraphs: [],
        table: {
          columns: [w.item, w.weight, w.formula, w.counted, w.points, w.evidence],
          widths: [3, 1, 5, 2, 1, 3],
          rows: sheet.items.map((item, i) => {
            const s = score.items[i]!;
            return [
              item.title,
              String(item.weight),
              item.formula,
              s.counted === null ? '—' : `${s.met}/${s.counted}`,
              s.noData ? w.noData : String(s.points),
              s.evidence ?? s.answer ?? '',
            ];
          }),
        },
      },
      { heading: w.headingRules, level: 1, paragraphs: [w.rules] },
    ],
  });
}
