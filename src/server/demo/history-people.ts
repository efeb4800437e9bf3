import type { DrillType } from '../../common/org.js';
import { campuses, hhmm, isWeekday, type DemoUnit, type HistoryPlan } from './history-plan.js';

const DRILLS: { type: DrillType; title: string; problems: string[] }[] = [
  { type: 'fire_evacuation', title: '消防疏散演练', problems: ['三楼西侧楼梯口疏散时一度拥堵'] },
  { type: 'earthquake', title: '防震避险演练', problems: [] },
  { type: 'lockdown', title: '防暴封控演练', problems: ['门卫室报警按钮响应偏慢'] },
];

/**
 * Each school and kindergarten holds two drills in the two months, scheduled a week ahead and
 * recorded on the day by the safety officer, and has the next one scheduled for after today.
 */
export function planDrills(p: HistoryPlan): void {
  for (const unit of campuses(p.units)) {
    for (const index of [p.between(10, 20), p.between(38, 50)]) {
      const drill = p.pick(DRILLS);
      const day = p.days[index]!;
      const participants = unit.type === 'school' ? p.between(300, 900) : p.between(80, 200);
      const seconds = p.between(100, 230);
      let id = '';
      p.line.at(p.at(p.days[index - 7]!, '16:30'), async () => {
        id = (
          await p.c.drills.schedule(await p.line.actor(`${unit.code}.safety`), {
            unitId: unit.row.id,
            type: drill.type,
            plannedDate: day,
            title: drill.title,
          })
        ).id;
        p.counts.drills += 1;
      });
      p.line.at(p.at(day, '10:40'), async () => {
        await p.c.drills.record(await p.line.actor(`${unit.code}.safety`), id, {
          startedAt: p.at(day, '10:00').toISOString(),
          endedAt: p.at(day, '10:25').toISOString(),
          participants,
          evacuationSeconds: seconds,
          evaluation: '全体师生按预定路线有序疏散，各岗位职责明确，达到预期目标。',
          problems: drill.problems,
        });
      });
    }
    const next = p.pick(DRILLS);
    p.line.at(p.at(p.days.at(-3)!, '16:00'), async () => {
      const planned = new Date(p.line.end.getTime() + 12 * 86_400_000).toISOString().slice(0, 10);
      await p.c.drills.schedule(await p.line.actor(`${unit.code}.safety`), {
        unitId: unit.row.id,
        type: next.type,
        plannedDate: planned,
        title: next.title,
      });
      p.counts.drills += 1;
    });
  }
}

const VISITORS = ['刘建国', '张海燕', '陈志明', '王丽华', '李德胜', '赵春梅', '孙立新', '周晓红'];
const PURPOSES = ['家长接孩子就医', '送教学设备', '维修饮水机', '县卫生院体检', '家访后回访', '送学生作业'];

/**
 * On school days the gatekeeper signs in a few visitors and signs them out an hour or so later;
 * now and then one stays past closing time, the closing reminder goes out, and the visitor is
 * signed out in the evening.
 */
export function planVisitors(p: HistoryPlan): void {
  for (const day of p.days.filter(isWeekday)) {
    for (const unit of campuses(p.units)) {
      for (let n = p.between(0, 2); n > 0; n--) planVisit(p, unit, day);
    }
  }
}

function planVisit(p: HistoryPlan, unit: DemoUnit, day: string): void {
  const name = p.pick(VISITORS);
  const purpose = p.pick(PURPOSES);
  const inAt = p.at(day, hhmm(p.between(8, 15), p.between(0, 59)));
  const late = p.random() < 0.05;
  const outAt = late ? p.at(day, hhmm(18, p.between(20, 50))) : new Date(inAt.getTime() + p.between(20, 110) * 60_000);
  const idNumber = String(p.between(1000, 9999));
  let id = '';
  p.line.at(inAt, async () => {
    const gate = await p.line.actor(`${unit.code}.gate`);
    id = (
      await p.c.visitors.checkIn(gate, {
        unitId: unit.row.id,
        name,
        idKind: 'id_card',
        idNumber,
        purpose,
        hostName: '',
        vehiclePlate: '',
      })
    ).id;
    p.counts.visitors += 1;
  });
  p.line.at(outAt, async () => void (await p.c.visitors.checkOut(await p.line.actor(`${unit.code}.gate`), id)));
}

/**
 * Three communities' mediation (矛盾纠纷) cases: one resolved with an agreement and closed, one
 * without agreement, followed up on its date and closed, one still being mediated today.
 */
export function planCases(p: HistoryPlan): void {
  const communities = p.units.filter((u) => u.type === 'community');
  const n = p.days.length;
  const cases = [
    {
      unit: communities[0]!,
      open: 8,
      category: 'neighbour' as const,
      issue: '楼上住户装修噪音扰民，双方多次争执。',
      steps: [10, 13, 20],
      agreement: true,
    },
    {
      unit: communities[1]!,
      open: 30,
      category: 'wages' as const,
      issue: '小区物业保洁员反映被拖欠两个月工资。',
      steps: [33, 36, 46],
      agreement: false,
    },
    {
      unit: communities[2]!,
      open: n - 6,
      category: 'housing_repair' as const,
      issue: '老旧楼栋外墙渗水，楼上楼下对维修费用分摊有争议。',
      steps: [n - 4],
      agreement: true,
    },
  ];
  for (const kase of cases) {
    let id = '';
    const safety = `${kase.unit.code}.safety`;
    p.line.at(p.at(p.days[kase.open]!, '10:00'), async () => {
      const ownerId = await p.line.personId(`${kase.unit.code}.staff`);
      id = (
        await p.c.cases.open(await p.line.actor(safety), {
          unitId: kase.unit.row.id,
          category: kase.category,
          issue: kase.issue,
          ownerId,
          parties: [
            { name: p.pick(VISITORS), contact: '', raisedIt: true },
            { name: p.pick(VISITORS), contact: '', raisedIt: false },
          ],
        })
      ).row.id;
      p.counts.cases += 1;
    });
    const [session, outcome, close] = kase.steps;
    p.line.at(p.at(p.days[session!]!, '15:00'), async () =>
      p.c.cases.addSession(await p.line.actor(safety), id, '社区调解员分别听取双方意见，组织面对面协商。'),
    );
    if (outcome !== undefined) {
      p.line.at(p.at(p.days[outcome]!, '16:00'), async () =>
        p.c.cases.recordOutcome(
          await p.line.actor(safety),
          id,
          kase.agreement
            ? { outcome: 'agreement', agreementText: '双方签订调解协议，约定施工时间为工作日 9:00–18:00。' }
            : {
                outcome: 'no_agreement',
                reason: '双方对欠款数额有分歧，已告知可申请劳动仲裁。',
                followUpDate: p.days[close! - 1]!,
              },
        ),
      );
    }
    if (close !== undefined)
      p.line.at(p.at(p.days[close]!, '11:00'), async () => p.c.cases.close(await p.line.actor(safety), id));
  }
}
