import { DEFAULT_TIME_ZONE } from '../../common/locale.js';
import type { Locale } from '../../common/locale.js';
import type { DrillType, IncidentType, Role, UnitType } from '../../common/org.js';

/*
 * Every word a printed plan adds around the plan's own text, in both locales. Kept apart from the
 * mapping so that a translator can review one file.
 */

export const ROLE_LABELS: Record<Locale, Record<Role, string>> = {
  'zh-CN': {
    admin: '系统管理员',
    accountable_head: '第一责任人',
    safety_officer: '安全管理员',
    duty_leader: '带班领导',
    duty_staff: '值班人员',
    class_teacher: '班主任',
    gatekeeper: '门卫',
    staff: '工作人员',
    supervisor: '主管负责人',
  },
  en: {
    admin: 'administrator',
    accountable_head: 'accountable head',
    safety_officer: 'safety officer',
    duty_leader: 'duty leader',
    duty_staff: 'duty staff',
    class_teacher: 'class teacher',
    gatekeeper: 'gatekeeper',
    staff: 'staff member',
    supervisor: 'supervisor',
  },
};

/** What the accountable head is called in each kind of unit (园长, 校长, 社区主任…). */
export const HEAD_TITLES: Record<Locale, Record<UnitType, string>> = {
  'zh-CN': {
    education_bureau: '局长',
    central_school: '校长',
    school: '校长',
    kindergarten: '园长',
    street_office: '街道办事处主任',
    community: '社区主任',
    other: '单位主要负责人',
  },
  en: {
    education_bureau: 'bureau director',
    central_school: 'principal',
    school: 'principal',
    kindergarten: 'kindergarten head',
    street_office: 'street office director',
    community: 'community director',
    other: 'head of the unit',
  },
};

/** Each kind of unit by name, for "上级教育局" (the nearest one above). */
export const UNIT_TYPE_NAMES: Record<Locale, Record<UnitType, string>> = {
  'zh-CN': {
    education_bureau: '教育局',
    central_school: '中心学校',
    school: '学校',
    kindergarten: '幼儿园',
    street_office: '街道办事处',
    community: '社区',
    other: '主管单位',
  },
  en: {
    education_bureau: 'education bureau',
    central_school: 'central school',
    school: 'school',
    kindergarten: 'kindergarten',
    street_office: 'street office',
    community: 'community',
    other: 'supervising unit',
  },
};

/** The usual parent of each kind of unit, for "上级单位（教育局）". */
export const PARENT_UNITS: Record<Locale, Record<UnitType, string>> = {
  'zh-CN': {
    education_bureau: '上级教育行政部门',
    central_school: '教育局',
    school: '教育局',
    kindergarten: '中心学校或教育局',
    street_office: '区人民政府',
    community: '街道办事处',
    other: '上级主管部门',
  },
  en: {
    education_bureau: 'higher education authority',
    central_school: 'education bureau',
    school: 'education bureau',
    kindergarten: 'central school or education bureau',
    street_office: 'district government',
    community: 'street office',
    other: 'supervising authority',
  },
};

export const INCIDENT_LABELS: Record<Locale, Record<IncidentType, string>> = {
  'zh-CN': {
    fire: '火灾事故',
    food_safety: '食物中毒等食品安全事件',
    infectious_disease: '传染病疫情',
    traffic: '交通事故',
    injury: '意外伤害事故',
    campus_violence: '不法侵害事件',
    natural_disaster: '自然灾害',
    facility_hazard: '设施设备险情',
    missing_child: '人员走失或失联',
    other: '其他突发事件',
  },
  en: {
    fire: 'Fire',
    food_safety: 'Food poisoning and other food safety incidents',
    infectious_disease: 'Outbreaks of infectious disease',
    traffic: 'Traffic accidents',
    injury: 'Accidental injury',
    campus_violence: 'Intrusion and violence',
    natural_disaster: 'Natural disasters',
    facility_hazard: 'Hazards in buildings and equipment',
    missing_child: 'Missing persons',
    other: 'Other incidents',
  },
};

export const DRILL_LABELS: Record<Locale, Record<DrillType, string>> = {
  'zh-CN': {
    fire_evacuation: '消防疏散演练',
    earthquake: '防震疏散演练',
    lockdown: '防暴安全演练',
    shelter_in_place: '就地避险演练',
    other: '其他演练',
  },
  en: {
    fire_evacuation: 'Fire evacuation drill',
    earthquake: 'Earthquake drill',
    lockdown: 'Lockdown drill',
    shelter_in_place: 'Shelter-in-place drill',
    other: 'Other drill',
  },
};

/** A span of minutes the way a plan writes it: 10分钟, 2小时, 1小时30分钟; 10 minutes, 2 hours. */
export function formatMinutes(minutes: number, locale: Locale): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (locale === 'zh-CN') {
    return [days && `${days}天`, hours && `${hours}小时`, (mins || minutes === 0) && `${mins}分钟`]
      .filter(Boolean)
      .join('');
  }
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [
    days && unit(days, 'day'),
    hours && unit(hours, 'hour'),
    (mins || minutes === 0) && unit(mins, 'minute'),
  ];
  return parts.filter(Boolean).join(' ');
}

/** A step's time limit: 0 means "at once". */
export function formatLimit(minutes: number, locale: Locale): string {
  if (minutes === 0) return locale === 'zh-CN' ? '立即' : 'at once';
  return locale === 'zh-CN' ? `${formatMinutes(minutes, locale)}内` : `within ${formatMinutes(minutes, locale)}`;
}

/** A calendar date (`YYYY-MM-DD`) the way the document's date line writes it. */
export function formatDate(isoDate: string, locale: Locale): string {
  const [y = '', m = '', d = ''] = isoDate.slice(0, 10).split('-');
  if (locale === 'zh-CN') return `${Number(y)}年${Number(m)}月${Number(d)}日`;
  const month = new Date(Date.UTC(2000, Number(m) - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return `${Number(d)} ${month} ${Number(y)}`;
}

/** The calendar date of an instant in the unit's time zone (China has one). */
export function localDateOf(timestamp: string, timeZone = DEFAULT_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(timestamp),
  );
}
