import { DateTime } from 'luxon';
import type { Incident } from '../../common/schemas/incidents.js';
import type { OfficialDocument } from './docx/outline.js';

/**
 * A type's name as the name of an event: 事件 is added only to a name that does not already end in
 * a word for one (意外伤害事故, 食品安全事件, 传染病疫情, 设施设备险情 stand as they are).
 */
export function asEventName(type: string): string {
  return /(事件|事故|疫情|险情)$/.test(type) ? type : `${type}事件`;
}

const TEXT = {
  'zh-CN': {
    title: (unit: string, type: string) => `${unit}关于${asEventName(type)}的书面报告`,
    drill: '（演练）',
    sections: [
      '事件基本情况',
      '事件经过',
      '原因分析',
      '处置措施',
      '损失情况',
      '经验教训',
      '整改措施',
      '报告链执行情况',
    ],
    facts: (i: Incident, when: string, type: string) => [
      `事件类型：${type}；事件等级：${'ⅠⅡⅢⅣ'[i.severity - 1]}级；发生地点：${i.place}；发生时间：${when}。`,
    ],
    followColumns: ['序号', '整改事项', '责任人', '完成时限'],
    chainColumns: ['步骤', '对象', '时限', '完成情况'],
    done: '按时完成',
    late: '超时',
    open: '未完成',
    none: '无',
    minutes: (m: number) => (m % 60 === 0 ? `${m / 60}小时内` : `${m}分钟内`),
  },
  en: {
    title: (unit: string, type: string) => `${unit}: after-action report (${type})`,
    drill: ' (drill)',
    sections: [
      'The incident',
      'What happened',
      'Causes',
      'Actions taken',
      'Losses',
      'Lessons',
      'Follow-up tasks',
      'How the reporting chain ran',
    ],
    facts: (i: Incident, when: string, type: string) => [
      `Type: ${type}; severity: ${'I II III IV'.split(' ')[i.severity - 1]}; place: ${i.place}; time: ${when}.`,
    ],
    followColumns: ['No.', 'Task', 'Owner', 'Due'],
    chainColumns: ['Step', 'To', 'Within', 'Outcome'],
    done: 'on time',
    late: 'late',
    open: 'not done',
    none: 'none',
    minutes: (m: number) => (m % 60 === 0 ? `${m / 60} h` : `${m} min`),
  },
} as const;

/**
 * The written after-action report (书面报告), laid out like the plan: an official document the unit
 * files with its parent unit and archives.
 */
export function afterActionDocument(
  incident: Incident,
  options: { locale: 'zh-CN' | 'en'; timeZone: string; typeName: string; names: Map<string, string> },
): OfficialDocument {
  const t = TEXT[options.locale];
  const report = incident.afterAction;
  if (!report) throw new Error('the incident has no after-action report yet');
  const when = DateTime.fromISO(incident.occurredAt).setZone(options.timeZone).toFormat('yyyy-MM-dd HH:mm');
  const closed = DateTime.fromISO(incident.closedAt ?? incident.reportedAt).setZone(options.timeZone);
  const section = (i: number, paragraphs: string[], table?: OfficialDocument['sections'][number]['table']) => ({
    heading: t.sections[i]!,
    level: 1 as const,
    paragraphs,
    ...(table ? { table } : {}),
  });
  return {
    locale: options.locale,
    title: t.title(incident.unitName, options.typeName) + (incident.drill ? t.drill : ''),
    issuer: incident.unitName,
    dateText: options.locale === 'zh-CN' ? closed.toFormat("yyyy'年'M'月'd'日'") : closed.toFormat('d LLLL yyyy'),
    sections: [
      section(0, t.facts(incident, when, options.typeName)),
      section(1, [report.whatHappened]),
      section(2, [report.causes]),
      section(3, [report.actionsTaken]),
      section(4, [report.losses || t.none]),
      section(5, [report.lessons]),
      section(
        6,
        report.followUps.length ? [] : [t.none],
        report.followUps.length
          ? {
              columns: [...t.followColumns],
              rows: report.followUps.map((f, i) => [
                String(i + 1),
                f.task,
                options.names.get(f.ownerId) ?? '',
                f.dueDate,
              ]),
              widths: [1, 6, 2, 2],
            }
          : undefined,
      ),
      section(7, [], {
        columns: [...t.chainColumns],
        rows: incident.steps.map((s) => [
          String(s.position + 1),
          `${s.targetUnitName}`,
          t.minutes(s.deadlineMinutes),
          s.state === 'done' ? (s.late ? t.late : t.done) : t.open,
        ]),
        widths: [1, 5, 2, 2],
      }),
    ],
  };
}
