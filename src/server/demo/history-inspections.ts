import type { ChecklistItem } from '../../common/schemas/inspections.js';
import { campuses, hhmm, type DemoUnit, type HistoryPlan } from './history-plan.js';

/** A real 1×1 PNG: the photo a fix is reported and verified with (photo checks read the bytes). */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const DAY_MS = 86_400_000;
const NOTES = ['位置：一楼走廊', '位置：食堂操作间', '位置：学生宿舍楼', '位置：教学楼三楼', '位置：门卫室'];

/**
 * On the second day each school and kindergarten's safety officer copies the fire-safety checklist
 * (and the canteen one for a school) from the templates; then every two weeks one of them is run.
 * A failed item becomes a rectification task for a member of staff: most are fixed within their
 * fix days, with a photo, and verified by the head the next morning; some are left, and go overdue
 * and up the tree as the rules say; the latest ones are still open today.
 */
export async function planInspections(p: HistoryPlan): Promise<void> {
  for (const unit of campuses(p.units)) {
    const offset = p.between(2, 6);
    const templates = unit.type === 'school' ? (['fire', 'canteen'] as const) : (['fire'] as const);
    p.line.at(p.at(p.days[1]!, '09:00'), async () => {
      const safety = await p.line.actor(`${unit.code}.safety`);
      const checklists = [];
      for (const templateId of templates)
        checklists.push(await p.c.inspections.checklists.copyTemplate(safety, { unitId: unit.row.id, templateId }));
      for (let day = offset, run = 0; day < p.days.length; day += 14, run++) {
        const checklist = checklists[run % checklists.length]!;
        planRun(p, unit, checklist.id, JSON.parse(checklist.items_json) as ChecklistItem[], p.days[day]!);
      }
    });
  }
}

function planRun(p: HistoryPlan, unit: DemoUnit, checklistId: string, items: ChecklistItem[], day: string): void {
  const failures = new Set(Array.from({ length: p.between(0, 2) }, () => p.pick(items).code));
  const owner = p.pick(['teacher1', 'gate', 'safety']);
  const fixes = items.map(() => ({ fixed: p.random() < 0.75, afterDays: p.random() }));
  const note = p.pick(NOTES);
  p.line.at(p.at(day, hhmm(p.between(9, 15), p.between(0, 59))), async () => {
    const safety = await p.line.actor(`${unit.code}.safety`);
    const ownerId = await p.line.personId(`${unit.code}.${owner}`);
    const answers = items.map((item) =>
      failures.has(item.code)
        ? { itemCode: item.code, result: 'fail' as const, note, photoIds: [], task: { ownerPersonId: ownerId } }
        : { itemCode: item.code, result: 'pass' as const, note: '', photoIds: [] },
    );
    const id = await p.c.inspections.inspections.submit(safety, { checklistId, note: '', answers });
    p.counts.inspections += 1;
    const { results } = await p.c.inspections.inspections.get(safety, id);
    for (const [i, result] of results.entries()) {
      if (!result.task_id) continue;
      p.counts.tasks += 1;
      const item = items.find((x) => x.code === result.item_code)!;
      if (fixes[i]!.fixed)
        planFix(
          p,
          unit,
          result.task_id,
          owner,
          p.line.clockNow().getTime() + Math.max(1, Math.ceil(fixes[i]!.afterDays * item.fixDays)) * DAY_MS,
        );
    }
  });
}

/** The owner reports the fix with a photo; the head checks it the next morning and closes it. */
function planFix(p: HistoryPlan, unit: DemoUnit, taskId: string, owner: string, fixedAt: number): void {
  p.line.at(new Date(fixedAt), async () => {
    const actor = await p.line.actor(`${unit.code}.${owner}`);
    const photo = await p.c.inspections.inspections.addPhoto(actor, unit.row.id, PHOTO);
    await p.c.inspections.rectification.reportFixed(actor, taskId, {
      note: '已整改完毕，附整改后照片。',
      photoIds: [photo.id],
    });
    p.line.at(new Date(fixedAt + 20 * 3_600_000), async () => {
      const head = await p.line.actor(`${unit.code}.head`);
      const after = await p.c.inspections.inspections.addPhoto(head, unit.row.id, PHOTO);
      await p.c.inspections.rectification.verify(head, taskId, {
        decision: 'accept',
        note: '复查合格，同意销号。',
        photoIds: [after.id],
      });
    });
  });
}
