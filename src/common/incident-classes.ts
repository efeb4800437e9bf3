import type { IncidentType } from './org.js';

/*
 * The coded list of incident classes that staged reports name. GB/T 35561-2017 (突发事件分类与编码)
 * sorts incidents into four classes — natural disasters, accidents, public-health incidents and
 * social-safety incidents — and codes them hierarchically. Steady follows that structure: the first
 * digit is the class, the next two the category, the last two the item. The code values are Steady's
 * own (written here, not copied from the standard's tables); each maps to one of Steady's incident
 * types and to a CAP 1.2 category, so a report and the CAP export name the same class.
 */

export const INCIDENT_CLASS_GROUPS = ['natural', 'accident', 'public_health', 'social_safety'] as const;
export type IncidentClassGroup = (typeof INCIDENT_CLASS_GROUPS)[number];

/** CAP 1.2 <category> values (OASIS CAP 1.2 §3.2.2). */
export type CapCategory =
  | 'Geo'
  | 'Met'
  | 'Safety'
  | 'Security'
  | 'Rescue'
  | 'Fire'
  | 'Health'
  | 'Env'
  | 'Transport'
  | 'Infra'
  | 'CBRNE'
  | 'Other';

export interface IncidentClass {
  code: string;
  group: IncidentClassGroup;
  /** Steady's incident type this class belongs to. */
  type: IncidentType;
  cap: CapCategory;
  zh: string;
  en: string;
}

export const INCIDENT_CLASSES = [
  {
    code: '10100',
    group: 'natural',
    type: 'natural_disaster',
    cap: 'Met',
    zh: '气象灾害（暴雨、台风、雷电等）',
    en: 'Weather disaster (rainstorm, typhoon, lightning)',
  },
  { code: '10200', group: 'natural', type: 'natural_disaster', cap: 'Geo', zh: '地震灾害', en: 'Earthquake' },
  {
    code: '10300',
    group: 'natural',
    type: 'natural_disaster',
    cap: 'Geo',
    zh: '地质灾害（滑坡、泥石流等）',
    en: 'Geological disaster (landslide, debris flow)',
  },
  { code: '10400', group: 'natural', type: 'natural_disaster', cap: 'Met', zh: '洪涝灾害', en: 'Flood' },
  { code: '20100', group: 'accident', type: 'fire', cap: 'Fire', zh: '火灾事故', en: 'Fire' },
  {
    code: '20200',
    group: 'accident',
    type: 'traffic',
    cap: 'Transport',
    zh: '道路交通事故',
    en: 'Road traffic accident',
  },
  {
    code: '20300',
    group: 'accident',
    type: 'facility_hazard',
    cap: 'Infra',
    zh: '校舍及设施设备安全事故',
    en: 'Building or equipment accident',
  },
  { code: '20400', group: 'accident', type: 'injury', cap: 'Safety', zh: '拥挤踩踏事故', en: 'Crowd crush' },
  { code: '20500', group: 'accident', type: 'injury', cap: 'Safety', zh: '溺水事故', en: 'Drowning' },
  { code: '20600', group: 'accident', type: 'injury', cap: 'Safety', zh: '意外伤害事故', en: 'Accidental injury' },
  {
    code: '30100',
    group: 'public_health',
    type: 'infectious_disease',
    cap: 'Health',
    zh: '传染病疫情',
    en: 'Infectious disease outbreak',
  },
  {
    code: '30200',
    group: 'public_health',
    type: 'food_safety',
    cap: 'Health',
    zh: '食物中毒及食品安全事件',
    en: 'Food poisoning or food safety incident',
  },
  {
    code: '30300',
    group: 'public_health',
    type: 'infectious_disease',
    cap: 'Health',
    zh: '群体性不明原因疾病',
    en: 'Cluster of illness of unknown cause',
  },
  {
    code: '40100',
    group: 'social_safety',
    type: 'campus_violence',
    cap: 'Security',
    zh: '校园侵害及暴力事件',
    en: 'Intrusion or violence on campus',
  },
  {
    code: '40200',
    group: 'social_safety',
    type: 'missing_child',
    cap: 'Rescue',
    zh: '学生（幼儿）走失',
    en: 'Missing pupil or child',
  },
  { code: '49900', group: 'social_safety', type: 'other', cap: 'Other', zh: '其他突发事件', en: 'Other incident' },
] as const satisfies readonly IncidentClass[];

export type IncidentClassCode = (typeof INCIDENT_CLASSES)[number]['code'];
export const INCIDENT_CLASS_CODES = INCIDENT_CLASSES.map((c) => c.code) as [IncidentClassCode, ...IncidentClassCode[]];

/** The class an incident of each type is filed under until a report names a closer one. */
export const DEFAULT_CLASS: Record<IncidentType, IncidentClassCode> = {
  fire: '20100',
  food_safety: '30200',
  infectious_disease: '30100',
  traffic: '20200',
  injury: '20600',
  campus_violence: '40100',
  natural_disaster: '10100',
  facility_hazard: '20300',
  missing_child: '40200',
  other: '49900',
};

export function incidentClass(code: string): IncidentClass | undefined {
  return INCIDENT_CLASSES.find((c) => c.code === code);
}

/** The class a report names, or the incident type's default. */
export function classFor(code: string | null | undefined, type: IncidentType): IncidentClass {
  return (code ? incidentClass(code) : undefined) ?? incidentClass(DEFAULT_CLASS[type])!;
}
