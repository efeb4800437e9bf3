import type { DailyItem } from '../../common/schemas/daily-reports.js';
import { campuses, hhmm, type HistoryPlan } from './history-plan.js';

/** Things a school writes in a daily report when there is something to say. */
const ITEMS: DailyItem[] = [
  { kind: 'safety', text: '早晨入校时校门口车辆较多，已安排老师协助疏导。' },
  { kind: 'problems', text: '二楼东侧楼梯扶手松动，已报总务处维修。' },
  { kind: 'safety', text: '午餐食品留样已按规定完成，留样柜温度正常。' },
  { kind: 'requests', text: '请中心学校协调一批新的灭火器，现有部分即将到期。' },
  { kind: 'problems', text: '操场围栏一处破损，已临时设置警示带。' },
  { kind: 'safety', text: '今日降温，已提醒家长为学生添衣，放学时段加强巡查。' },
];

/**
 * Each school and kindergarten reports every day by 15:00: most days on time, some late, a few
 * not at all (the engine marks those days missing at midnight), now and then with something to say.
 * Today's report is sent only if its moment has already passed.
 */
export async function planDailyReports(p: HistoryPlan): Promise<void> {
  for (const day of p.days) {
    for (const unit of campuses(p.units)) {
      const roll = p.random();
      const reporter = p.pick(['teacher1', 'safety', 'head']);
      const withItem = p.random() < 0.25;
      const item = p.pick(ITEMS);
      if (roll < 0.06) continue; // missing
      const time = roll < 0.18 ? hhmm(p.between(15, 19), p.between(5, 55)) : hhmm(p.between(8, 14), p.between(0, 50));
      p.line.at(p.at(day, time), async () => {
        const actor = await p.line.actor(`${unit.code}.${reporter}`);
        if (withItem) await p.c.dailyReports.service.submitItems(actor, unit.row.id, [item]);
        else await p.c.dailyReports.service.submitZero(actor, unit.row.id);
        p.counts.dailyReports += 1;
      });
    }
  }
}
