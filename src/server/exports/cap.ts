import { create } from 'xmlbuilder2';
import { DEFAULT_CLASS, incidentClass } from '../../common/incident-classes.js';
import type { IncidentType } from '../../common/org.js';
import type { Incident } from '../../common/schemas/incidents.js';
import { DateTime } from 'luxon';

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';
/** The <eventCode> valueName of Steady's coded incident classes (GB/T 35561-style, src/common/incident-classes.ts). */
export const CLASS_CODE_NAME = 'steady-incident-class';

/** Ⅰ 特别重大 … Ⅳ 一般 onto CAP's four severities. */
const SEVERITY = ['', 'Extreme', 'Severe', 'Moderate', 'Minor'];
const EVENT_NAME: Record<'zh-CN' | 'en', Record<IncidentType, string>> = {
  'zh-CN': {
    fire: '火灾',
    food_safety: '食品安全事件',
    infectious_disease: '传染病疫情',
    traffic: '交通事故',
    injury: '意外伤害',
    campus_violence: '校园侵害事件',
    natural_disaster: '自然灾害',
    facility_hazard: '设施安全隐患',
    missing_child: '儿童走失',
    other: '其他突发事件',
  },
  en: {
    fire: 'Fire',
    food_safety: 'Food safety incident',
    infectious_disease: 'Infectious disease',
    traffic: 'Traffic accident',
    injury: 'Injury',
    campus_violence: 'Intrusion or violence on campus',
    natural_disaster: 'Natural disaster',
    facility_hazard: 'Facility hazard',
    missing_child: 'Missing child',
    other: 'Other incident',
  },
};
const INSTRUCTION = {
  'zh-CN': '先控制、后处置；救人第一；减少损失；保护现场。紧急求助请拨打 110、119、120、122。',
  en:
    'Control first, then handle; people first; reduce losses; ' +
    'keep the scene. For emergency help call 110, 119, 120 or 122.',
};

/** CAP wants seconds and an explicit offset, never "Z" or fractions: `2027-04-12T09:00:00+08:00`. */
export function capTime(iso: string, zone: string): string {
  return DateTime.fromISO(iso).setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}

export interface CapOptions {
  locale: 'zh-CN' | 'en';
  timeZone: string;
  /** Absolute address of the incident in Steady, for <web>. */
  link?: string;
  /** The class the latest report names; the incident type's default class without it. */
  classCode?: string | null;
}

/**
 * An incident as a CAP 1.2 alert, for exchange with other alerting systems. Restricted scope: it
 * is meant for the supervising units, not the public. A drill is an Exercise.
 */
export function incidentToCap(incident: Incident, options: CapOptions): string {
  const event = EVENT_NAME[options.locale][incident.type];
  const closed = incident.status === 'closed';
  const alert = create({ version: '1.0', encoding: 'UTF-8' }).ele(CAP_NAMESPACE, 'alert');
  alert.ele('identifier').txt(`steady-incident-${incident.id}`);
  alert.ele('sender').txt(`steady-unit-${incident.unitId}`);
  alert.ele('sent').txt(capTime(incident.reportedAt, options.timeZone));
  alert.ele('status').txt(incident.drill ? 'Exercise' : 'Actual');
  alert.ele('msgType').txt('Alert');
  alert.ele('scope').txt('Restricted');
  alert
    .ele('restriction')
    .txt(
      options.locale === 'en' ? 'For the reporting unit and the units supervising it' : '仅限报告单位及其上级主管单位',
    );
  const info = alert.ele('info');
  info.ele('language').txt(options.locale);
  const fallback = incidentClass(DEFAULT_CLASS[incident.type])!;
  const klass = (options.classCode && incidentClass(options.classCode)) || fallback;
  info.ele('category').txt(klass.cap);
  info.ele('event').txt(event);
  info.ele('urgency').txt(closed ? 'Past' : 'Immediate');
  info.ele('severity').txt(SEVERITY[incident.severity] ?? 'Unknown');
  info.ele('certainty').txt('Observed');
  const code = info.ele('eventCode');
  code.ele('valueName').txt(CLASS_CODE_NAME);
  code.ele('value').txt(klass.code);
  info.ele('effective').txt(capTime(incident.occurredAt, options.timeZone));
  info.ele('senderName').txt(incident.unitName);
  info.ele('headline').txt(`${incident.unitName} ${event}`.slice(0, 160));
  info.ele('description').txt(incident.description);
  info.ele('instruction').txt(INSTRUCTION[options.locale]);
  if (options.link) info.ele('web').txt(options.link);
  info.ele('area').ele('areaDesc').txt(`${incident.unitName} ${incident.place}`);
  return alert.end({ prettyPrint: true });
}
