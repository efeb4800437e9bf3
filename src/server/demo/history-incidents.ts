import { DEFAULT_CLASS } from '../../common/incident-classes.js';
import type { IncidentType } from '../../common/org.js';
import { ReportContent } from '../../common/schemas/incident-reports.js';
import * as peopleRepo from '../modules/people/people.repository.js';
import { actsOnStep } from '../modules/incidents/incident-chain.js';
import { campuses, hhmm, isWeekday, type DemoUnit, type HistoryPlan } from './history-plan.js';

interface SampleIncident {
  type: IncidentType;
  place: string;
  description: string;
  causes: string;
  actions: string;
  lessons: string;
  followUp: string;
}

const INCIDENTS: SampleIncident[] = [
  {
    type: 'injury',
    place: '操场东侧篮球场',
    description: '一名四年级学生体育课上摔倒，右手腕肿痛，已由校医初步处理并通知家长送医。',
    causes: '场地边缘有积水，学生奔跑时滑倒。',
    actions: '校医现场冷敷固定，班主任陪同家长送县医院检查，为轻度扭伤。',
    lessons: '雨后上体育课前须检查场地。',
    followUp: '在篮球场边缘加装排水篦子',
  },
  {
    type: 'food_safety',
    place: '学校食堂',
    description: '午餐后三名学生诉腹部不适，食堂已封存当餐留样，校医观察中。',
    causes: '经县疾控检测留样未见异常，考虑为个别学生肠胃不适。',
    actions: '封存留样，报告卫生院，通知家长，学生观察两小时后好转。',
    lessons: '留样与报告流程执行到位。',
    followUp: '对食堂从业人员进行一次食品安全培训',
  },
  {
    type: 'facility_hazard',
    place: '教学楼二楼走廊',
    description: '走廊吊顶一块石膏板松动下垂，已拉警戒线并疏散附近学生。',
    causes: '连续降雨导致屋面渗水，吊顶受潮。',
    actions: '设置警戒，联系维修人员当天拆除松动板材，无人员受伤。',
    lessons: '雨季须加密对屋面和吊顶的巡查。',
    followUp: '修补屋面防水层并更换受潮吊顶',
  },
  {
    type: 'traffic',
    place: '校门口',
    description: '放学时一辆电动车与学生轻微碰擦，学生膝盖擦伤，已处理。',
    causes: '放学高峰校门口车辆未按规定停放。',
    actions: '门卫及值班老师现场处置，校医处理擦伤，联系交警劝离违停车辆。',
    lessons: '放学时段须安排专人在校门口疏导。',
    followUp: '协调交警在校门口增设减速带和护栏',
  },
  {
    type: 'fire',
    place: '食堂后厨',
    description: '后厨油锅起火，厨师用灭火毯扑灭，无人员受伤。',
    causes: '油温过高且操作人员短暂离开灶台。',
    actions: '厨师使用灭火毯扑灭，关闭燃气总阀，检查排烟管道。',
    lessons: '烹饪时不得离人，灭火毯位置合理。',
    followUp: '清洗后厨排烟管道油污',
  },
];

/**
 * About one incident a week somewhere in the county, on a school day, handled as the rules ask: a
 * teacher reports it; the people each step of the chain tells acknowledge within minutes; the head
 * phones the unit above (the verbal report, which also does the chain's report step); the safety
 * officer writes the first report within the hour, signed off by the head; the head marks it under
 * control; the next morning, before the daily follow-up falls due, the final report goes up and the
 * head closes the incident with the after-action report, whose follow-up becomes a rectification
 * task for the safety officer.
 */
export function planIncidents(p: HistoryPlan): void {
  const schoolDays = p.days.slice(1, -2).filter(isWeekday);
  for (let i = 0; i < schoolDays.length; i += p.between(4, 7)) {
    const unit = p.pick(campuses(p.units));
    const sample = p.pick(INCIDENTS);
    const day = schoolDays[i]!;
    const reportedAt = p.at(day, hhmm(p.between(9, 14), p.between(0, 59)));
    const nextDay = p.days[p.days.indexOf(day) + 1]!;
    const finalAt = p.at(nextDay, hhmm(p.between(9, 10), p.between(0, 59)));
    p.line.at(reportedAt, () => report(p, unit, sample, reportedAt.getTime(), finalAt.getTime()));
  }
}

const MINUTE = 60_000;

async function report(
  p: HistoryPlan,
  unit: DemoUnit,
  sample: SampleIncident,
  reportedAt: number,
  finalAt: number,
): Promise<void> {
  const teacher = await p.line.actor(`${unit.code}.teacher1`);
  const occurredAt = new Date(reportedAt - 8 * MINUTE).toISOString();
  const incident = await p.c.incidents.report(teacher, {
    unitId: unit.row.id,
    type: sample.type,
    severity: 4,
    place: sample.place,
    description: sample.description,
    occurredAt,
    drill: false,
  });
  p.counts.incidents += 1;
  const head = () => p.line.actor(`${unit.code}.head`);
  const safety = () => p.line.actor(`${unit.code}.safety`);
  const at = (ms: number, run: () => Promise<void>) => p.line.at(new Date(ms), run);
  for (let minutes = 3; minutes <= 31; minutes += 4)
    at(reportedAt + minutes * MINUTE, () => acknowledgeSteps(p, incident.id));
  at(reportedAt + 9 * MINUTE, async () =>
    p.c.incidentReports.records.recordVerbal(await head(), incident.id, {
      toWhom: '上级单位安全办',
      channel: 'phone',
      at: p.line.clockNow().toISOString(),
      summary: sample.description,
    }),
  );
  const content = {
    occurredAt,
    place: sample.place,
    classCode: DEFAULT_CLASS[sample.type],
    severity: 4,
    source: '班主任现场发现并报告',
    casualties:
      sample.type === 'injury' || sample.type === 'traffic' ? { pupils: { dead: 0, injured: 1, missing: 0 } } : {},
    affected: sample.type === 'food_safety' ? 3 : null,
    whatHappened: sample.description,
    measures: sample.actions,
    authoritiesInformed: sample.type === 'food_safety' ? '县疾控中心、卫生院' : '中心学校安全办',
    leaderOnSite: '校长',
    trend: '已得到控制',
    nextSteps: sample.followUp,
  };
  const first = ReportContent.parse({ ...content, causes: { status: 'preliminary', text: sample.causes } });
  const final = ReportContent.parse({ ...content, causes: { status: 'determined', text: sample.causes } });
  at(reportedAt + 20 * MINUTE, () => sendReport(p, unit, incident.id, 'first', first, reportedAt + 20 * MINUTE));
  at(reportedAt + 120 * MINUTE, async () => p.c.incidents.changeStatus(await head(), incident.id, 'under_control'));
  at(finalAt, () => sendReport(p, unit, incident.id, 'final', final, finalAt));
  at(finalAt + 60 * MINUTE, async () => {
    const due = new Date(p.line.clockNow().getTime() + 10 * 86_400_000).toISOString().slice(0, 10);
    await p.c.incidents.close(await head(), incident.id, {
      whatHappened: sample.description,
      causes: sample.causes,
      actionsTaken: sample.actions,
      losses: '无',
      lessons: sample.lessons,
      followUps: [{ task: sample.followUp, ownerId: (await safety()).personId, dueDate: due }],
    });
  });
}

/** The safety officer drafts a written stage, the head signs it off a quarter of an hour later, and it is sent. */
async function sendReport(
  p: HistoryPlan,
  unit: DemoUnit,
  incidentId: string,
  stage: 'first' | 'final',
  content: ReportContent,
  from: number,
): Promise<void> {
  const safety = await p.line.actor(`${unit.code}.safety`);
  const person = await peopleRepo.findById(p.c.db, safety.personId);
  const signed = { ...content, reporterName: person?.name ?? '', reporterPhone: person?.phone ?? '' };
  const reportId = await p.c.incidentReports.service.start(safety, incidentId, stage, signed);
  p.line.at(new Date(from + 15 * MINUTE), async () => {
    await p.c.incidentReports.service.signOff(await p.line.actor(`${unit.code}.head`), reportId);
    await p.c.incidentReports.service.send(safety, reportId);
  });
}

/** Each active notification step is acknowledged by the first person it was addressed to, from the app. */
async function acknowledgeSteps(p: HistoryPlan, incidentId: string): Promise<void> {
  const system = { kind: 'system', label: 'demo' } as const;
  const bundle = await p.c.incidents.bundle(system, incidentId);
  if (bundle.incident.status === 'closed') return;
  for (const step of bundle.steps.filter((s) => s.state === 'active' && s.kind === 'notify')) {
    const recipient = bundle.recipients.find((r) => r.step_id === step.id && actsOnStep(r.reason));
    if (!recipient) continue;
    await p.c.incidents.completeStep(await p.line.actorOf(recipient.person_id), incidentId, step.id, 'notify', null);
  }
}
