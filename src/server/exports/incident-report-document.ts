import { DateTime } from 'luxon';
import { classFor } from '../../common/incident-classes.js';
import type { Locale } from '../../common/locale.js';
import { casualtyTotals } from '../../common/report-diff.js';
import { stageName } from '../../common/report-stages.js';
import { CASUALTY_KINDS, type ReportContent, type ReportView } from '../../common/schemas/incident-reports.js';
import type { HeadingLevel, OfficialDocument, OfficialSection } from './docx/outline.js';

type Version = ReportView['versions'][number];

export const REPORT_TEXT = {
  'zh-CN': {
    title: '突发事件信息报送单',
    draft: '草稿，未签发',
    signer: '签发人：',
    acting: '（代理负责人）',
    facts: '基本情况',
    casualties: '伤亡情况',
    happened: '事件经过',
    progress: '事件进展',
    causes: '原因',
    measures: '已采取的措施',
    trend: '发展趋势',
    next: '下一步工作',
    none: '无',
    from: '报送单位',
    to: '接收单位',
    sentAt: '报送时间',
    version: '版本',
    versionN: (n: number) => `第 ${n} 版`,
    klass: '事件类别',
    level: '事件等级',
    occurredAt: '发生时间',
    place: '发生地点',
    source: '信息来源',
    reporter: '报告人及电话',
    leader: '现场负责领导',
    authorities: '已报告的有关部门',
    affected: '发病（涉及）人数',
    kinds: { pupils: '学生（幼儿）', staff: '教职工', others: '其他人员' },
    total: '合计',
    casualtyColumns: ['人员类别', '死亡', '受伤', '失踪'],
    levels: ['', 'Ⅰ级（特别重大）', 'Ⅱ级（重大）', 'Ⅲ级（较大）', 'Ⅳ级（一般）'],
    causeStatus: { under_investigation: '正在调查', preliminary: '初步判断', determined: '已查明' },
    date: (d: DateTime) => d.toFormat("yyyy'年'M'月'd'日'"),
    time: 'yyyy年M月d日 HH:mm',
    short: 'M月d日 HH:mm',
  },
  en: {
    title: 'Incident report form',
    draft: 'draft, not signed off',
    signer: 'Signed off by: ',
    acting: ' (acting head)',
    facts: 'Basic facts',
    casualties: 'Casualties',
    happened: 'What happened',
    progress: 'Progress',
    causes: 'Causes',
    measures: 'Measures taken',
    trend: 'Trend',
    next: 'Next steps',
    none: 'none',
    from: 'Reporting unit',
    to: 'Sent to',
    sentAt: 'Sent at',
    version: 'Version',
    versionN: (n: number) => `version ${n}`,
    klass: 'Class',
    level: 'Severity',
    occurredAt: 'Occurred at',
    place: 'Place',
    source: 'Source',
    reporter: 'Reported by',
    leader: 'Leader on site',
    authorities: 'Authorities told',
    affected: 'People affected',
    kinds: { pupils: 'Pupils', staff: 'Staff', others: 'Others' },
    total: 'Total',
    casualtyColumns: ['People', 'Dead', 'Injured', 'Missing'],
    levels: ['', 'I (extraordinary)', 'II (major)', 'III (large)', 'IV (general)'],
    causeStatus: { under_investigation: 'under investigation', preliminary: 'preliminary', determined: 'determined' },
    date: (d: DateTime) => d.toFormat('d LLLL yyyy'),
    time: 'yyyy-MM-dd HH:mm',
    short: 'MM-dd HH:mm',
  },
} as const;

/** A changed field as the documents name it: `casualties.pupils.injured` → 学生（幼儿）受伤. */
export function fieldLabelOf(field: string, locale: Locale): string {
  const t = REPORT_TEXT[locale];
  const [head = '', kind, count] = field.split('.');
  if (head === 'casualties' && kind && count) {
    const column = t.casualtyColumns[['dead', 'injured', 'missing'].indexOf(count) + 1] ?? count;
    const who = t.kinds[kind as keyof typeof t.kinds] ?? kind;
    return locale === 'zh-CN' ? `${who}${column}` : `${who} ${column.toLowerCase()}`;
  }
  const labels: Record<string, string> = {
    occurredAt: t.occurredAt,
    place: t.place,
    classCode: t.klass,
    severity: t.level,
    source: t.source,
    affected: t.affected,
    whatHappened: t.happened,
    causes: t.causes,
    measures: t.measures,
    authoritiesInformed: t.authorities,
    leaderOnSite: t.leader,
    trend: t.trend,
    nextSteps: t.next,
    reporterName: t.reporter,
    reporterPhone: t.reporter,
  };
  return labels[head] ?? field;
}

export interface ReportDocOptions {
  locale: Locale;
  timeZone: string;
}

/** The causes as written: 快报事实、慎报原因 — the status comes first, so "under investigation" is never lost. */
export function causesLine(content: ReportContent, locale: Locale): string {
  const t = REPORT_TEXT[locale];
  const status = t.causeStatus[content.causes.status];
  const text = content.causes.text.trim();
  return locale === 'zh-CN' ? `（${status}）${text}` : `(${status}) ${text}`.trim();
}

/** The form's rows: a label and its value. */
export function factRows(report: ReportView, version: Version, o: ReportDocOptions): string[][] {
  const t = REPORT_TEXT[o.locale];
  const c = version.content;
  const at = (iso: string | null) => (iso ? DateTime.fromISO(iso).setZone(o.timeZone).toFormat(t.time) : '');
  const klass = classFor(c.classCode, report.incident.type);
  const pairs: [string, string][] = [
    [t.from, report.unitName],
    [t.to, report.toUnitName],
    [t.sentAt, at(version.sentAt)],
    [t.version, t.versionN(version.version)],
    [t.klass, `${o.locale === 'zh-CN' ? klass.zh : klass.en}（${klass.code}）`],
    [t.level, t.levels[c.severity ?? report.incident.severity] ?? ''],
    [t.occurredAt, at(c.occurredAt)],
    [t.place, c.place],
    [t.source, c.source],
    [t.reporter, [c.reporterName, c.reporterPhone].filter(Boolean).join(' ')],
    [t.leader, c.leaderOnSite || t.none],
    [t.authorities, c.authoritiesInformed || t.none],
  ];
  if (c.affected !== null) pairs.push([t.affected, String(c.affected)]);
  return pairs;
}

export function casualtyRows(content: ReportContent, locale: Locale): string[][] {
  const t = REPORT_TEXT[locale];
  const total = casualtyTotals(content);
  return [
    ...CASUALTY_KINDS.map((kind) => [
      t.kinds[kind],
      ...(['dead', 'injured', 'missing'] as const).map((n) => String(content.casualties[kind][n])),
    ]),
    [t.total, String(total.dead), String(total.injured), String(total.missing)],
  ];
}

/** The narrative sections of one version: what happened, causes, measures, and what comes next. */
export function narrative(
  report: Pick<ReportView, 'stage'>,
  content: ReportContent,
  locale: Locale,
  level: HeadingLevel = 1,
): OfficialSection[] {
  const t = REPORT_TEXT[locale];
  const section = (heading: string, text: string): OfficialSection => ({
    heading,
    level,
    paragraphs: [text.trim() || t.none],
  });
  return [
    section(report.stage === 'first' ? t.happened : t.progress, content.whatHappened),
    section(t.causes, causesLine(content, locale)),
    section(t.measures, content.measures),
    ...(content.trend.trim() ? [section(t.trend, content.trend)] : []),
    ...(content.nextSteps.trim() ? [section(t.next, content.nextSteps)] : []),
  ];
}

/**
 * One stage as the form a unit sends up (突发事件信息报送单), laid out after GB/T 9704: the
 * sign-off line (签发人) at the head, the facts as a form, casualties by kind, then the narrative.
 * A version not yet signed off says so under the title.
 */
export function reportDocument(report: ReportView, version: Version, o: ReportDocOptions): OfficialDocument {
  const t = REPORT_TEXT[o.locale];
  const stage = stageName(report.stage, report.seq, o.locale);
  const dated = DateTime.fromISO(version.sentAt ?? version.signedOffAt ?? version.updatedAt).setZone(o.timeZone);
  return {
    locale: o.locale,
    title: t.title,
    subtitle:
      o.locale === 'zh-CN'
        ? `（${stage}${version.signedOffAt ? '' : `，${t.draft}`}）`
        : `(${stage}${version.signedOffAt ? '' : `, ${t.draft}`})`,
    ...(version.signedOffBy
      ? {
          signer: {
            label: t.signer,
            name: version.signedOffBy + (version.signedOffAs === 'acting_head' ? t.acting : ''),
          },
        }
      : {}),
    issuer: report.unitName,
    dateText: t.date(dated),
    sections: [
      {
        heading: t.facts,
        level: 1,
        paragraphs: [],
        table: { columns: ['', ''], rows: factRows(report, version, o), widths: [2, 5], headless: true },
      },
      {
        heading: t.casualties,
        level: 1,
        paragraphs: [],
        table: { columns: [...t.casualtyColumns], rows: casualtyRows(version.content, o.locale), widths: [3, 2, 2, 2] },
      },
      ...narrative(report, version.content, o.locale),
    ],
  };
}
