import type { Locale } from '../../common/locale.js';
import type { UnitType } from '../../common/org.js';
import type { ChainStep, PlanContent } from '../../common/schemas/plan-content.js';
import { PARENT_UNITS, UNIT_TYPE_NAMES } from './plan-labels.js';
import type { ReportStageRules } from '../../common/schemas/report-stage-rules.js';

/*
 * The headings and sentences a printed plan wraps around the plan's data (its rules become prose
 * here), one object per locale with the same shape, so the two can be read side by side.
 */

type Duty = PlanContent['duty'];

export interface Phrases {
  headings: Record<
    | 'general'
    | 'purpose'
    | 'basis'
    | 'scope'
    | 'principles'
    | 'organisation'
    | 'leadership'
    | 'office'
    | 'duties'
    | 'reporting'
    | 'response'
    | 'duty'
    | 'dailyReport'
    | 'drills'
    | 'discipline'
    | 'accountability',
    string
  >;
  draft: string;
  toFill: (what: string) => string;
  period: (name: string, start: string, end: string | null) => string;
  leadershipIntro: (unit: string) => string;
  leadershipColumns: string[];
  positions: { leader: string; deputy: string; member: string };
  nameWord: string;
  phoneWord: string;
  office: (officeName: string, contact: string, phone: string) => string;
  chainIntro: string;
  chainColumns: string[];
  chainThisUnit: (role: string) => string;
  chainParent: (unitType: UnitType, role: string | null) => string;
  /** The nearest unit of a type above (the county bureau two levels up), or a chosen unit above. */
  chainAbove: (typeAbove: UnitType | null, role: string | null) => string;
  chainMethod: Record<ChainStep['kind'], string>;
  chainClosing: string;
  /** The staged reports' time limits (信息报送), after the chain. */
  stagesLine: (s: ReportStageRules) => string;
  stepSuffix: (who: string, limit: string | null) => string;
  dutyLines: (duty: Duty) => string[];
  visitorLine: (days: number) => string;
  leaveLine: string;
  dailyReportLines: (deadline: string, unitType: UnitType) => string[];
  /** `special`: a special-period plan counts drills for its period, not per term. */
  drillIntro: (unitType: UnitType, special: boolean) => string;
  drillColumns: (unitType: UnitType, special: boolean) => string[];
  drillTimes: (n: number) => string;
  noDrills: string;
}

const isNeighbourhood = (u: UnitType) => u === 'community' || u === 'street_office';
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const ZH: Phrases = {
  headings: {
    general: '总则',
    purpose: '指导思想',
    basis: '编制依据',
    scope: '适用范围',
    principles: '工作原则',
    organisation: '组织机构与职责',
    leadership: '领导小组',
    office: '领导小组办公室',
    duties: '职责分工',
    reporting: '报告程序',
    response: '应急处置',
    duty: '值班与巡查',
    dailyReport: '每日报告',
    drills: '应急演练',
    discipline: '工作纪律',
    accountability: '责任追究',
  },
  draft: '（草案）',
  toFill: (what) => `【待填写：${what}】`,
  period: (name, start, end) => `${name}\n${end ? `（${start}至${end}）` : `（${start}起）`}`,
  leadershipIntro: (unit) => `为加强对突发事件应对工作的领导，${unit}成立应急工作领导小组，组成如下：`,
  leadershipColumns: ['职务', '姓名', '联系电话'],
  positions: { leader: '组长', deputy: '副组长', member: '成员' },
  nameWord: '姓名',
  phoneWord: '电话',
  office: (name, contact, phone) => `领导小组下设${name}，负责日常工作。联系人：${contact}；联系电话：${phone}。`,
  chainIntro:
    '突发事件发生后，按下列顺序和时限报告，时限自事件发现时起算。报告对象须确认收到；在时限内未确认的，立即报告下一报告对象。',
  chainColumns: ['顺序', '报告对象', '时限', '方式'],
  chainThisUnit: (role) => `本单位${role}`,
  chainParent: (unitType, role) => `上级单位（${PARENT_UNITS['zh-CN'][unitType]}）${role ?? ''}`,
  chainAbove: (typeAbove, role) =>
    `${typeAbove ? `上级${UNIT_TYPE_NAMES['zh-CN'][typeAbove]}` : '指定的上级单位'}${role ?? ''}`,
  chainMethod: { notify: '电话或即时通知，须确认收到', report: '先电话报告，再报送书面报告' },
  chainClosing: '首次报告后，事态发生变化的及时续报；处置结束后形成书面报告，报上级单位备案。',
  stagesLine: (s) =>
    `信息报送时限：口头报告 ${s.verbalMinutes} 分钟内，书面首报 ${s.firstMinutes} 分钟内，均须经本单位负责人签发；` +
    `事件未结束前每日 ${s.followUpTime} 前续报；事件得到控制后 ${s.finalDays} 日内终报；伤亡人数发生变化的，` +
    `自事件发生之日起 ${s.supplementDays} 日内（道路交通、火灾 ${s.supplementDaysRoadOrFire} 日内）补报。`,
  stepSuffix: (who, limit) => `（${[who && `责任人：${who}`, limit && `时限：${limit}`].filter(Boolean).join('；')}）`,
  dutyLines: (duty) => {
    const lines: string[] = [];
    if (duty.twentyFourHour) {
      const shifts = duty.shiftPattern === 'day_night' ? '，分白班和夜班轮换' : '，每班24小时';
      const leader = duty.dutyLeaderRequired ? '，由带班领导和值班人员共同值守' : '';
      lines.push(
        `实行24小时值班制度${shifts}${leader}。值班人员必须在岗在位，保持通讯畅通，如实填写值班和交接班记录。`,
      );
    }
    if (duty.patrolWindow) {
      const { start, end } = duty.patrolWindow;
      const until = end <= start ? `次日${end}` : end;
      const unannounced =
        duty.minUnannouncedPatrols > 0 ? `，其中不定时巡查每晚不少于${duty.minUnannouncedPatrols}次` : '';
      lines.push(`每日${start}至${until}为夜间巡查时段，实行定时与不定时相结合的巡查${unannounced}。`);
    }
    if (duty.minPatrolsPerDay > 0) lines.push(`重点部位每日巡查不少于${duty.minPatrolsPerDay}次，巡查情况逐次记录。`);
    if (duty.gateStaffed24h) lines.push('门卫室24小时有人值守，严格执行来访人员登记制度。');
    return lines;
  },
  visitorLine: (days) => `来访人员登记信息保存${days}天，期满后删除。`,
  leaveLine: '本方案执行期间，单位主要负责人和领导小组成员离开本地须事先请假，经批准并明确代为履职人员后方可离开。',
  dailyReportLines: (deadline, unitType) => [
    `实行每日报告和零报告制度。每日${deadline}前向上级单位（${PARENT_UNITS['zh-CN'][unitType]}）报送当日安全情况；当日无突发事件的，也须报告“无异常”。`,
    '超过时限未报送的，按迟报处理。',
  ],
  drillIntro: (u, special) =>
    `${special ? '本方案执行期间' : `按${isNeighbourhood(u) ? '每半年' : '每学期'}计划`}组织应急演练，演练前制定方案，演练后进行评估，发现的问题列入整改。`,
  drillColumns: (u, special) => ['演练类型', special ? '次数' : isNeighbourhood(u) ? '每半年次数' : '每学期次数'],
  drillTimes: (n) => `不少于${n}次`,
  noDrills: '按本单位常设应急预案的演练安排执行。',
};

const EN: Phrases = {
  headings: {
    general: 'General provisions',
    purpose: 'Purpose',
    basis: 'Basis',
    scope: 'Scope',
    principles: 'Principles',
    organisation: 'Organisation and duties',
    leadership: 'Leadership group',
    office: 'Office of the leadership group',
    duties: 'Duties',
    reporting: 'Reporting',
    response: 'Emergency response',
    duty: 'Duty and patrols',
    dailyReport: 'Daily report',
    drills: 'Drills',
    discipline: 'Work discipline',
    accountability: 'Accountability',
  },
  draft: '(Draft)',
  toFill: (what) => `[To fill in: ${what}]`,
  period: (name, start, end) => `${name}\n${end ? `(${start} to ${end})` : `(from ${start})`}`,
  leadershipIntro: (unit) =>
    `To lead the response to emergencies, ${unit} sets up an emergency leadership group made up as follows:`,
  leadershipColumns: ['Position', 'Name', 'Telephone'],
  positions: { leader: 'Leader', deputy: 'Deputy leader', member: 'Member' },
  nameWord: 'name',
  phoneWord: 'telephone',
  office: (name, contact, phone) =>
    `The ${name.charAt(0).toLowerCase()}${name.slice(1)} handles the ` +
    `group's day-to-day work. Contact: ${contact}; telephone: ${phone}.`,
  chainIntro:
    'When an incident occurs, report it in the order and within the time limits below, ' +
    'counted from when the incident is discovered. Each person reported to must acknowledge; ' +
    'if they do not acknowledge in time, report to the next person at once.',
  chainColumns: ['Step', 'Report to', 'Time limit', 'How'],
  chainThisUnit: (role) => `This unit's ${role}`,
  chainParent: (unitType, role) => `Parent unit (${PARENT_UNITS.en[unitType]})${role ? `: ${role}` : ''}`,
  chainAbove: (typeAbove, role) =>
    `${typeAbove ? `The ${UNIT_TYPE_NAMES.en[typeAbove]} above` : 'The chosen unit above'}${role ? `: ${role}` : ''}`,
  chainMethod: {
    notify: 'Telephone or instant notice; must be acknowledged',
    report: 'Telephone first, then a written report',
  },
  chainClosing:
    'After the first report, report again whenever the situation changes; ' +
    'when the response is over, write a report and file it with the parent unit.',
  stagesLine: (s) =>
    `Time limits of the staged reports: the verbal report within ${s.verbalMinutes} minutes and the written first ` +
    `report within ${s.firstMinutes} minutes, each signed off ` +
    `by the head; a follow-up every day by ${s.followUpTime} ` +
    'while the incident is not over; the final report within ' +
    `${s.finalDays} days of the incident being under control; ` +
    `changed casualty figures re-reported within ${s.supplementDays} days of the incident ` +
    `(${s.supplementDaysRoadOrFire} for road traffic and fire).`,
  stepSuffix: (who, limit) =>
    ` (${[who && `Responsible: ${capitalise(who)}.`, limit && `Time limit: ${limit}.`].filter(Boolean).join(' ')})`,
  dutyLines: (duty) => {
    const lines: string[] = [];
    if (duty.twentyFourHour) {
      const shifts = duty.shiftPattern === 'day_night' ? 'in alternating day and night shifts' : 'in 24-hour shifts';
      const leader = duty.dutyLeaderRequired ? ', each with a duty leader and duty staff' : '';
      lines.push(
        `Duty is kept 24 hours a day ${shifts}${leader}. Duty staff must be at their ` +
          'posts and reachable, and keep the duty log and handover records truthfully.',
      );
    }
    if (duty.patrolWindow) {
      const { start, end } = duty.patrolWindow;
      const until = end <= start ? `${end} the next morning` : end;
      const unannounced =
        duty.minUnannouncedPatrols > 0
          ? `, including at least ${duty.minUnannouncedPatrols} unannounced patrols each night`
          : '';
      lines.push(
        `From ${start} to ${until} is the night patrol window, ` +
          `with patrols both at set times and unannounced${unannounced}.`,
      );
    }
    if (duty.minPatrolsPerDay > 0)
      lines.push(
        'Key locations are patrolled at least ' +
          `${duty.minPatrolsPerDay === 1 ? 'once' : `${duty.minPatrolsPerDay} times`} a day, ` +
          'and every patrol is recorded.',
      );
    if (duty.gateStaffed24h) lines.push('The gatehouse is staffed 24 hours a day, and every visitor is registered.');
    return lines;
  },
  visitorLine: (days) => `Visitor registration records are kept for ${days} days and then deleted.`,
  leaveLine:
    'While this plan is in force, the head of the unit and the members of the leadership group may leave the ' +
    'area only after asking for leave in advance, obtaining approval and naming who acts in their place.',
  dailyReportLines: (deadline, unitType) => [
    `The daily report and the zero report apply. By ${deadline} every day, ` +
      `the unit sends the day's safety report to the parent unit (${PARENT_UNITS.en[unitType]}); ` +
      'on a day without incidents it still reports "nothing to report".',
    'A report not sent by the deadline counts as a late report.',
  ],
  drillIntro: (u, special) =>
    'Drills are planned ' +
    `${special ? 'for the period of this plan' : `for each ${isNeighbourhood(u) ? 'half-year' : 'term'}`}, ` +
    'prepared in advance and evaluated afterwards; the problems they reveal are corrected.',
  drillColumns: (u, special) => ['Drill', special ? 'Number' : isNeighbourhood(u) ? 'Per half-year' : 'Per term'],
  drillTimes: (n) => `at least ${n}`,
  noDrills: "Drills follow the unit's standing emergency response plan.",
};

export const PHRASES: Record<Locale, Phrases> = { 'zh-CN': ZH, en: EN };
