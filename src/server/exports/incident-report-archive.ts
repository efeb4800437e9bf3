import { DateTime } from 'luxon';
import type { Locale } from '../../common/locale.js';
import { casualtyTotals } from '../../common/report-diff.js';
import { stageName } from '../../common/report-stages.js';
import type { IncidentReporting, ReportView } from '../../common/schemas/incident-reports.js';
import type { OfficialDocument, OfficialSection } from './docx/outline.js';
import { causesLine, fieldLabelOf, narrative, REPORT_TEXT } from './incident-report-document.js';

const TEXT = {
  'zh-CN': {
    title: (unit: string, type: string) => `${unit}${type}信息报送记录`,
    basics: '事件基本情况',
    deadlines: '报送时限执行情况',
    verbal: '口头报告',
    exchanges: '往来记录',
    changes: '伤亡人数变化',
    none: '无',
    basicsLine: (place: string, when: string, level: string) =>
      `发生地点：${place}；发生时间：${when}；事件等级：${level}。`,
    deadlineColumns: ['事项', '单位', '时限', '完成时间', '情况'],
    exchangeColumns: ['时间', '单位', '事项', '说明'],
    changeColumns: ['时间', '死亡', '受伤', '失踪', '说明'],
    duty: { open: '未完成', met: '已完成', cancelled: '已取消' },
    late: '，迟报',
    exchange: {
      submitted: '送签',
      signed_off: '签发',
      sent: '报送',
      returned: '退回补充',
      accepted: '接收',
      forwarded: '转报',
    },
    verbalLine: (to: string, whom: string, at: string, how: string, text: string) =>
      `${at}以${how}方式向${to}${whom}报告：${text}`,
    channels: { phone: '电话', in_person: '当面', other: '其他' },
    versionHeading: (n: number) => `第 ${n} 版`,
    signed: (who: string, at: string) => `签发：${who}，${at}。`,
    sent: (at: string) => `报送：${at}。`,
    changed: (list: string) => `与上一版相比修改了：${list}。`,
    dueLine: (at: string) => `限 ${at} 前`,
    returnedTo: (due: string) => `补充时限 ${due}`,
  },
  en: {
    title: (unit: string, type: string) => `${unit}: reports on a ${type.toLowerCase()} incident`,
    basics: 'The incident',
    deadlines: 'Time limits and how they were kept',
    verbal: 'Verbal report',
    exchanges: 'Exchange with the unit above',
    changes: 'Casualty figures changed',
    none: 'none',
    basicsLine: (place: string, when: string, level: string) => `Place: ${place}; time: ${when}; severity: ${level}.`,
    deadlineColumns: ['Stage', 'Unit', 'Due', 'Done', 'Outcome'],
    exchangeColumns: ['Time', 'Unit', 'Step', 'Note'],
    changeColumns: ['Time', 'Dead', 'Injured', 'Missing', 'Note'],
    duty: { open: 'not done', met: 'done', cancelled: 'cancelled' },
    late: ', late',
    exchange: {
      submitted: 'submitted for sign-off',
      signed_off: 'signed off',
      sent: 'sent',
      returned: 'returned for more information',
      accepted: 'accepted',
      forwarded: 'forwarded',
    },
    verbalLine: (to: string, whom: string, at: string, how: string, text: string) =>
      `At ${at}, by ${how}, to ${whom} (${to}): ${text}`,
    channels: { phone: 'phone', in_person: 'in person', other: 'other means' },
    versionHeading: (n: number) => `Version ${n}`,
    signed: (who: string, at: string) => `Signed off by ${who} at ${at}.`,
    sent: (at: string) => `Sent at ${at}.`,
    changed: (list: string) => `Changed from the version before: ${list}.`,
    dueLine: (at: string) => `by ${at}`,
    returnedTo: (due: string) => `correct by ${due}`,
  },
} as const;

export interface ArchiveInput {
  reporting: IncidentReporting;
  reports: ReportView[];
  incident: { unitName: string; place: string; occurredAt: string; severity: number };
  typeName: string;
  locale: Locale;
  now: Date;
  timeZone: string;
}

function versionSections(report: ReportView, a: ArchiveInput, time: (iso: string | null) => string): OfficialSection[] {
  const t = TEXT[a.locale];
  return report.versions.map((v) => ({
    heading: t.versionHeading(v.version),
    level: 2,
    paragraphs: [
      ...(v.signedOffBy ? [t.signed(v.signedOffBy, time(v.signedOffAt))] : []),
      ...(v.sentAt ? [t.sent(time(v.sentAt))] : []),
      ...(v.changes.length
        ? [
            t.changed(
              [...new Set(v.changes.map((c) => fieldLabelOf(c.field, a.locale)))].join(
                a.locale === 'zh-CN' ? '、' : ', ',
              ),
            ),
          ]
        : []),
    ],
    children: narrative(report, v.content, a.locale, 3),
  }));
}

/**
 * The whole reporting of an incident as one document for the archive: the deadlines and how each was
 * kept, the verbal report, every report with every version (signed off by whom, sent when, what
 * changed) and the exchange with the unit above, and the casualty figures as they changed.
 */
export function reportArchive(a: ArchiveInput): OfficialDocument {
  const t = TEXT[a.locale];
  const r = REPORT_TEXT[a.locale];
  const time = (iso: string | null) => (iso ? DateTime.fromISO(iso).setZone(a.timeZone).toFormat(r.time) : '');
  // Table cells are narrow: day and time only (a reporting runs for days, not years).
  const short = (iso: string | null) => (iso ? DateTime.fromISO(iso).setZone(a.timeZone).toFormat(r.short) : '');
  const { reporting } = a;
  const verbal = reporting.verbal;
  const reports: OfficialSection[] = a.reports.map((report) => ({
    heading: `${stageName(report.stage, report.seq, a.locale)}（${report.unitName} → ${report.toUnitName}）`,
    level: 1,
    paragraphs: [],
    children: [
      ...versionSections(report, a, time),
      {
        heading: t.exchanges,
        level: 2,
        paragraphs: [],
        table: {
          columns: [...t.exchangeColumns],
          widths: [3, 4, 3, 5],
          rows: report.exchanges.map((x) => [
            short(x.at),
            x.unitName,
            t.exchange[x.kind],
            [x.reason, x.dueAt ? t.returnedTo(short(x.dueAt)) : '']
              .filter(Boolean)
              .join(a.locale === 'zh-CN' ? '；' : '; '),
          ]),
        },
      },
    ],
  }));
  const last = a.reports
    .flatMap((x) => x.versions)
    .map((v) => v.content)
    .pop();
  return {
    locale: a.locale,
    title: t.title(a.incident.unitName, a.typeName),
    issuer: a.incident.unitName,
    dateText: r.date(DateTime.fromJSDate(a.now).setZone(a.timeZone)),
    sections: [
      {
        heading: t.basics,
        level: 1,
        paragraphs: [
          t.basicsLine(a.incident.place, time(a.incident.occurredAt), r.levels[a.incident.severity] ?? ''),
          ...(last ? [`${r.causes}${a.locale === 'zh-CN' ? '：' : ': '}${causesLine(last, a.locale)}`] : []),
        ],
      },
      {
        heading: t.deadlines,
        level: 1,
        paragraphs: [],
        table: {
          columns: [...t.deadlineColumns],
          widths: [2, 3, 3, 3, 3],
          rows: reporting.duties.map((d) => [
            stageName(d.kind, d.seq, a.locale),
            d.unitName,
            short(d.dueAt),
            short(d.metAt),
            t.duty[d.state] + (d.late ? t.late : ''),
          ]),
        },
      },
      {
        heading: t.verbal,
        level: 1,
        paragraphs: [
          verbal
            ? t.verbalLine(
                verbal.toUnitName,
                verbal.toWhom,
                time(verbal.at),
                t.channels[verbal.channel],
                verbal.summary,
              )
            : t.none,
        ],
      },
      ...reports,
      {
        heading: t.changes,
        level: 1,
        paragraphs: reporting.casualties.changes.length ? [] : [t.none],
        ...(reporting.casualties.changes.length
          ? {
              table: {
                columns: [...t.changeColumns],
                widths: [3, 1, 1, 1, 5],
                rows: reporting.casualties.changes.map((c) => {
                  const total = casualtyTotals(c);
                  return [short(c.at), String(total.dead), String(total.injured), String(total.missing), c.note];
                }),
              },
            }
          : {}),
      },
    ],
  };
}
