import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { PageQuery } from '../../../common/schemas/shared.js';
import { transactionWithHooks, type AfterCommit, type Db, type Executor } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { invalidFields, notFound, type FieldProblem } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { actorLabel, engineActor, type Actor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import { canSee } from '../units/units.policy.js';
import type { PhotoService } from '../photos/photos.service.js';
import type { UnitService } from '../units/units.service.js';
import * as repo from './checklists.repository.js';
import { itemsOf } from './checklists.service.js';
import type { ChecklistItem, RunBody } from '../../../common/schemas/inspections.js';
import type { RectificationService } from './rectification.service.js';

const DAY = 86_400_000;

/**
 * An inspection run: pass, fail or not applicable for every item of a checklist, with notes and
 * photos. Submitting is one transaction: the run, its results, a rectification task for each
 * failure and the photos' attachment land together, or — on any bad answer — nothing does.
 */
export class InspectionService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly units: UnitService,
    private readonly rectification: RectificationService,
    private readonly dataDir: string,
    private readonly photos: PhotoService,
  ) {}

  async submit(actor: Actor, input: RunBody): Promise<string> {
    return transactionWithHooks(this.db, async (tx, afterCommit) => {
      const checklist = await repo.findChecklist(tx, input.checklistId);
      if (!checklist) throw notFound();
      const unit = await this.units.requireVisible(actor, checklist.unit_id, tx);
      const items = new Map(itemsOf(checklist).map((i) => [i.code, i]));
      await this.check(tx, actor, unit.id, items, input);

      const now = this.clock.now();
      const inspectionId = newId();
      const results: repo.InspectionResultRow[] = [];
      for (const [position, answer] of input.answers.entries()) {
        const item = items.get(answer.itemCode)!;
        const taskId =
          answer.result !== 'fail'
            ? null
            : await this.rectification.createInTx(tx, afterCommit, actor, {
                unit,
                title: item.text,
                risk: answer.task?.risk ?? item.risk,
                ownerPersonId: answer.task?.ownerPersonId ?? (actor.kind === 'account' ? actor.personId : ''),
                dueAt: answer.task?.dueAt ? new Date(answer.task.dueAt) : new Date(now.getTime() + item.fixDays * DAY),
                source: {
                  kind: 'inspection',
                  id: inspectionId,
                  label: checklist.name,
                  itemCode: item.code,
                  detail: answer.note || null,
                },
                foundAt: now,
              });
        results.push({
          id: newId(),
          inspection_id: inspectionId,
          position,
          item_code: item.code,
          item_text: item.text,
          result: answer.result,
          note: answer.note,
          task_id: taskId,
        });
      }
      const count = (r: string) => results.filter((x) => x.result === r).length;
      await repo.insertInspection(
        tx,
        {
          id: inspectionId,
          unit_id: unit.id,
          checklist_id: checklist.id,
          checklist_name: checklist.name,
          inspector_person_id: actor.kind === 'account' ? actor.personId : null,
          inspector_label: actorLabel(actor),
          submitted_at: now.toISOString(),
          note: input.note,
          pass_count: count('pass'),
          fail_count: count('fail'),
          na_count: count('na'),
        },
        results,
      );
      for (const [i, answer] of input.answers.entries())
        await repo.attachPhotos(tx, answer.photoIds, 'result', results[i]!.id);
      await this.audit.record(tx, actor, {
        action: 'inspection.submit',
        entity: 'inspection',
        entityId: inspectionId,
        unitId: unit.id,
        after: {
          checklistId: checklist.id,
          pass: count('pass'),
          fail: count('fail'),
          na: count('na'),
          tasks: results.filter((r) => r.task_id).map((r) => r.task_id),
        },
      });
      return inspectionId;
    });
  }

  /** Every answer checked before anything is written; all the problems at once, each by its field. */
  private async check(
    tx: Executor,
    actor: Actor,
    unitId: string,
    items: Map<string, ChecklistItem>,
    input: RunBody,
  ): Promise<void> {
    const problems: FieldProblem[] = [];
    const answered = new Set<string>();
    const photos = new Set<string>();
    for (const [i, answer] of input.answers.entries()) {
      const at = `answers.${i}`;
      if (!items.has(answer.itemCode))
        problems.push({ field: `${at}.itemCode`, key: 'inspection.unknownItem', params: { code: answer.itemCode } });
      else if (answered.has(answer.itemCode))
        problems.push({ field: `${at}.itemCode`, key: 'inspection.itemTwice', params: { code: answer.itemCode } });
      answered.add(answer.itemCode);
      if (answer.task && answer.result !== 'fail')
        problems.push({ field: `${at}.task`, key: 'inspection.taskOnlyForFail' });
      if (answer.result === 'fail') {
        const owner = answer.task?.ownerPersonId ?? (actor.kind === 'account' ? actor.personId : undefined);
        if (!owner) problems.push({ field: `${at}.task.ownerPersonId`, key: 'field.required' });
        const due = answer.task?.dueAt ? new Date(answer.task.dueAt) : undefined;
        problems.push(...(await this.rectification.checkOwnerAndDue(tx, unitId, owner, due, `${at}.task.`)));
      }
      const unique = [...new Set(answer.photoIds)];
      const usable = await repo.attachablePhotos(tx, unitId, unique);
      if (usable.length !== answer.photoIds.length || answer.photoIds.some((p) => photos.has(p)))
        problems.push({ field: `${at}.photoIds`, key: 'inspection.photoUnknown' });
      answer.photoIds.forEach((p) => photos.add(p));
    }
    const missing = [...items.keys()].filter((code) => !answered.has(code));
    if (missing.length)
      problems.push({ field: 'answers', key: 'inspection.itemsMissing', params: { codes: missing.join(', ') } });
    if (problems.length) throw invalidFields(problems);
  }

  async get(actor: Actor, id: string) {
    const run = await repo.findInspection(this.db, id);
    if (!run || !canSee(actor, run.unit_path)) throw notFound();
    const results = await repo.resultsOf(this.db, id);
    const photos = await repo.photosOf(
      this.db,
      'result',
      results.map((r) => r.id),
    );
    return { run, results, photos };
  }

  async list(actor: Actor, unitId: string, page: PageQuery) {
    await this.units.requireVisible(actor, unitId);
    return repo.listInspections(this.db, unitId, (page.page - 1) * page.pageSize, page.pageSize);
  }

  /** A photo, checked by its content to be an image, kept for the unit until a run or a task step uses it. */
  addPhoto(actor: Actor, unitId: string, bytes: Buffer) {
    return this.photos.add(actor, 'inspection', unitId, bytes);
  }

  /**
   * A photo still not attached a day after it was taken (the run was abandoned, the page closed)
   * is removed: its record now, its file once that has committed.
   */
  async onUnusedPhoto(tx: Executor, afterCommit: AfterCommit, id: string): Promise<void> {
    const photo = await repo.findPhoto(tx, id);
    if (!photo || photo.attached_id) return;
    await repo.deletePhoto(tx, id);
    await this.audit.record(tx, engineActor, {
      action: 'inspection.photo-unused',
      entity: 'inspection_photo',
      entityId: id,
      unitId: photo.unit_id,
      before: { mime: photo.mime, size: photo.size, createdAt: photo.created_at },
    });
    afterCommit(() => void rm(join(this.dataDir, photo.path), { force: true }).catch(() => undefined));
  }

  photoFile(actor: Actor, id: string): Promise<{ path: string; mime: string }> {
    return this.photos.fileById(actor, 'inspection', id);
  }
}
