import type { z } from 'zod';
import { transactionWithHooks, type AfterCommit, type Db, type Executor } from '../../db/database.js';
import type { UnitRow } from '../units/units.table.js';
import type { DeadlineEngine } from '../../engine/engine.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, invalid, invalidFields, notFound, type FieldProblem } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { actorLabel, engineActor, type Actor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import { canSee } from '../units/units.policy.js';
import type { UnitService } from '../units/units.service.js';
import * as photosRepo from './checklists.repository.js';
import type {
  CreateTaskBody,
  ReportFixedBody,
  SuperviseBody,
  TaskRisk,
  TaskSourceKind,
  UpdateTaskBody,
  VerifyBody,
} from '../../../common/schemas/inspections.js';
import type { TaskNotices } from './rectification.notices.js';
import {
  canEdit,
  canReportFixed,
  canVerify,
  requireEdit,
  requireReportFixed,
  requireSupervisingScope,
  requireVerify,
  supervisingScope,
} from './rectification.policy.js';
import * as repo from './rectification.repository.js';

export const OVERDUE_DEADLINE = 'inspections.rectification-overdue';
export const ESCALATE_DEADLINE = 'inspections.rectification-escalate';
/** Still open this long after its deadline, a task is reported to the parent unit. */
export const ESCALATE_AFTER_DAYS = 3;
const DAY = 86_400_000;

/** How this module learns of a drill: read-only, through the drills module's service. */
export interface DrillLookup {
  /** The drill when it is the unit's own (and the actor may see it). */
  find(actor: Actor, unitId: string, drillId: string): Promise<{ title: string } | undefined>;
}

export interface NewTask {
  unit: UnitRow;
  title: string;
  risk: TaskRisk;
  ownerPersonId: string;
  dueAt: Date;
  source: { kind: TaskSourceKind; id: string | null; label: string; itemCode: string | null; detail: string | null };
  /** When the hazard was found, if not now: the run's own time, so "fix within N days" counts from it. */
  foundAt?: Date;
}

const deadlineRef = (task: { id: string; due_at: string }) => `${task.id}@${task.due_at}`;
const personOf = (actor: Actor) => (actor.kind === 'account' ? actor.personId : null);

/**
 * Rectification (整改): a hazard found becomes a task with an owner, a deadline and a risk level.
 * The owner reports it fixed with an after photo; someone else verifies it (复查) and closes it,
 * or reopens it. Past the deadline it is marked overdue and escalates; a parent unit may put it
 * under supervision (挂牌督办), after which only that unit closes it. Every step is an event on
 * the task and an entry in the audit trail, in the same transaction.
 */
export class RectificationService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly units: UnitService,
    private readonly engine: DeadlineEngine,
    private readonly notices: TaskNotices,
    private readonly drills: DrillLookup,
  ) {}

  /** Owner and deadline checks shared by every way a task is made or changed; problems named by field. */
  async checkOwnerAndDue(
    tx: Executor,
    unitId: string,
    owner: string | undefined,
    due: Date | undefined,
    prefix = '',
  ): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    if (owner && !(await photosRepo.isPersonOf(tx, owner, unitId)))
      problems.push({ field: `${prefix}ownerPersonId`, key: 'rectification.ownerNotOfUnit' });
    if (due && due.getTime() <= this.clock.now().getTime())
      problems.push({ field: `${prefix}dueAt`, key: 'rectification.dueInPast' });
    return problems;
  }

  /** Inside the caller's transaction (an inspection run makes its tasks this way); checks are the caller's. */
  async createInTx(tx: Executor, afterCommit: AfterCommit, actor: Actor, input: NewTask): Promise<string> {
    const now = input.foundAt ?? this.clock.now();
    const row: repo.RectificationTaskRow = {
      id: newId(),
      unit_id: input.unit.id,
      title: input.title,
      risk: input.risk,
      source_kind: input.source.kind,
      source_id: input.source.id,
      source_label: input.source.label,
      source_item_code: input.source.itemCode,
      source_detail: input.source.detail,
      owner_person_id: input.ownerPersonId,
      due_at: input.dueAt.toISOString(),
      state: 'open',
      overdue_at: null,
      escalated_at: null,
      reported_fixed_at: null,
      closed_at: null,
      verified_by_person_id: null,
      supervising_unit_id: null,
      supervised_at: null,
      supervised_by_person_id: null,
      supervision_note: null,
      created_by_person_id: personOf(actor),
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await repo.insertTask(tx, row);
    await this.engine.schedule(tx, {
      kind: OVERDUE_DEADLINE,
      refId: deadlineRef(row),
      unitId: row.unit_id,
      dueAt: input.dueAt,
    });
    await this.event(tx, actor, row, 'created', null, [], {
      after: {
        title: row.title,
        risk: row.risk,
        ownerPersonId: row.owner_person_id,
        dueAt: row.due_at,
        source: input.source,
      },
    });
    await this.notices.assigned(tx, afterCommit, (await repo.findTask(tx, row.id))!, actor, now);
    return row.id;
  }

  /** A task from another source, such as a problem a drill found; the drill must be the unit's own. */
  async create(actor: Actor, input: z.infer<typeof CreateTaskBody>): Promise<string> {
    await this.units.requireManageable(actor, input.unitId);
    // Asked before the transaction: the drills module reads through its own connection.
    const drill = await this.drills.find(actor, input.unitId, input.source.drillId);
    return transactionWithHooks(this.db, async (tx, afterCommit) => {
      const unit = await this.units.requireManageable(actor, input.unitId, tx);
      const problems = await this.checkOwnerAndDue(tx, unit.id, input.ownerPersonId, new Date(input.dueAt));
      if (!drill) problems.push({ field: 'source.drillId', key: 'rectification.drillNotOfUnit' });
      if (problems.length || !drill) throw invalidFields(problems);
      return this.createInTx(tx, afterCommit, actor, {
        unit,
        title: input.title,
        risk: input.risk,
        ownerPersonId: input.ownerPersonId,
        dueAt: new Date(input.dueAt),
        source: {
          kind: 'drill',
          id: input.source.drillId,
          label: drill.title,
          itemCode: null,
          detail: input.source.problem,
        },
      });
    });
  }

  async get(actor: Actor, id: string, db: Executor = this.db): Promise<repo.TaskWithNames> {
    const task = await repo.findTask(db, id);
    if (!task || !canSee(actor, task.unit_path)) throw notFound();
    return task;
  }

  /** The task, its history with photos, and what the actor may do with it now. */
  async view(actor: Actor, id: string) {
    const task = await this.get(actor, id);
    const events = await repo.eventsOf(this.db, id);
    const photos = await photosRepo.photosOf(
      this.db,
      'event',
      events.map((e) => e.id),
    );
    const can = {
      reportFixed: canReportFixed(actor, task),
      verify: canVerify(actor, task),
      edit: canEdit(actor, task),
      supervise:
        task.state !== 'closed' && !task.supervising_unit_id && supervisingScope(actor, task.unit_path) !== null,
    };
    return { task, events, photos, can, now: this.clock.now() };
  }

  async reportFixed(actor: Actor, id: string, input: z.infer<typeof ReportFixedBody>): Promise<void> {
    await this.change(actor, id, async (tx, task, now, afterCommit) => {
      requireReportFixed(actor, task);
      if (task.state !== 'open' && task.state !== 'reopened')
        throw new AppError(409, 'conflict', 'rectification.notOpen');
      await this.requirePhotos(tx, task.unit_id, input.photoIds, true);
      await repo.updateTask(tx, id, {
        state: 'awaiting_verification',
        reported_fixed_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
      await this.event(tx, actor, task, 'reported_fixed', input.note, input.photoIds, {
        before: { state: task.state },
        after: { state: 'awaiting_verification' },
      });
      await this.notices.fixed(tx, afterCommit, task, now);
    });
  }

  /** 复查: accepted with an after photo closes the task; rejected reopens it, perhaps with a new deadline. */
  async verify(actor: Actor, id: string, input: z.infer<typeof VerifyBody>): Promise<void> {
    await this.change(actor, id, async (tx, task, now, afterCommit) => {
      requireVerify(actor, task);
      if (task.state !== 'awaiting_verification') throw new AppError(409, 'conflict', 'rectification.notAwaiting');
      if (input.decision === 'accept') {
        await this.requirePhotos(tx, task.unit_id, input.photoIds, true);
        await repo.updateTask(tx, id, {
          state: 'closed',
          closed_at: now.toISOString(),
          verified_by_person_id: personOf(actor),
          updated_at: now.toISOString(),
        });
        await this.engine.cancel(tx, OVERDUE_DEADLINE, deadlineRef(task));
        await this.engine.cancel(tx, ESCALATE_DEADLINE, deadlineRef(task));
        await this.event(tx, actor, task, 'verified', input.note, input.photoIds, {
          before: { state: task.state },
          after: { state: 'closed' },
        });
        return;
      }
      const due = input.dueAt ? new Date(input.dueAt) : undefined;
      const problems = await this.checkOwnerAndDue(tx, task.unit_id, undefined, due);
      if (problems.length) throw invalidFields(problems);
      await this.requirePhotos(tx, task.unit_id, input.photoIds, false);
      await repo.updateTask(tx, id, { state: 'reopened', updated_at: now.toISOString() });
      await this.event(tx, actor, task, 'rejected', input.note, input.photoIds, {
        before: { state: task.state },
        after: { state: 'reopened', dueAt: due?.toISOString() },
      });
      if (due) await this.moveDeadline(tx, task, due);
      const reopened = (await repo.findTask(tx, id))!;
      await this.notices.rejected(tx, afterCommit, reopened, input.note, now);
      if (!due && Date.parse(task.due_at) <= now.getTime()) await this.markOverdue(tx, reopened, now, afterCommit);
    });
  }

  /** 挂牌督办 by a managing person of a unit above; from then on only that unit closes or changes it. */
  async supervise(actor: Actor, id: string, input: z.infer<typeof SuperviseBody>): Promise<void> {
    await this.change(actor, id, async (tx, task, now, afterCommit) => {
      const scope = requireSupervisingScope(actor, task.unit_path);
      if (task.supervising_unit_id) throw new AppError(409, 'conflict', 'rectification.alreadySupervised');
      await repo.updateTask(tx, id, {
        supervising_unit_id: scope.unitId,
        supervised_at: now.toISOString(),
        supervised_by_person_id: personOf(actor),
        supervision_note: input.note,
        updated_at: now.toISOString(),
      });
      await this.event(tx, actor, task, 'supervised', input.note, [], { after: { supervisingUnitId: scope.unitId } });
      await this.notices.supervised(tx, afterCommit, (await repo.findTask(tx, id))!, now);
    });
  }

  async update(actor: Actor, id: string, input: z.infer<typeof UpdateTaskBody>): Promise<void> {
    await this.change(actor, id, async (tx, task, now, afterCommit) => {
      requireEdit(actor, task);
      const due = input.dueAt ? new Date(input.dueAt) : undefined;
      const problems = await this.checkOwnerAndDue(tx, task.unit_id, input.ownerPersonId, due);
      if (problems.length) throw invalidFields(problems);
      const changes = {
        ...(input.title && { title: input.title }),
        ...(input.risk && { risk: input.risk }),
        ...(input.ownerPersonId && { owner_person_id: input.ownerPersonId }),
      };
      await repo.updateTask(tx, id, { ...changes, updated_at: now.toISOString() });
      if (due && due.toISOString() !== task.due_at) await this.moveDeadline(tx, task, due);
      await this.event(tx, actor, task, 'updated', null, [], {
        before: { title: task.title, risk: task.risk, ownerPersonId: task.owner_person_id, dueAt: task.due_at },
        after: { ...changes, ...(due && { dueAt: due.toISOString() }) },
      });
      if (input.ownerPersonId && input.ownerPersonId !== task.owner_person_id)
        await this.notices.assigned(tx, afterCommit, (await repo.findTask(tx, id))!, actor, now);
    });
  }

  /** A new deadline: the old timers go, a new one is set, and the task is no longer overdue. */
  private async moveDeadline(tx: Executor, task: repo.TaskWithNames, due: Date): Promise<void> {
    await this.engine.cancel(tx, OVERDUE_DEADLINE, deadlineRef(task));
    await this.engine.cancel(tx, ESCALATE_DEADLINE, deadlineRef(task));
    await repo.updateTask(tx, task.id, { due_at: due.toISOString(), overdue_at: null, escalated_at: null });
    await this.engine.schedule(tx, {
      kind: OVERDUE_DEADLINE,
      refId: deadlineRef({ id: task.id, due_at: due.toISOString() }),
      unitId: task.unit_id,
      dueAt: due,
    });
  }

  /** Photos uploaded to this unit and not used yet; an after photo is required to report or accept a fix. */
  async requirePhotos(
    tx: Executor,
    unitId: string,
    ids: string[],
    required: boolean,
    field = 'photoIds',
  ): Promise<void> {
    if (required && ids.length === 0) throw invalid(field, 'rectification.afterPhotoMissing');
    const unique = [...new Set(ids)];
    const usable = await photosRepo.attachablePhotos(tx, unitId, unique);
    if (usable.length !== unique.length || unique.length !== ids.length)
      throw invalid(field, 'inspection.photoUnknown');
  }

  private async change(
    actor: Actor,
    id: string,
    work: (tx: Executor, task: repo.TaskWithNames, now: Date, afterCommit: AfterCommit) => Promise<void>,
  ): Promise<void> {
    await transactionWithHooks(this.db, async (tx, afterCommit) => {
      const task = await this.get(actor, id, tx);
      if (task.state === 'closed') throw new AppError(409, 'conflict', 'rectification.closed');
      await work(tx, task, this.clock.now(), afterCommit);
    });
  }

  private async event(
    tx: Executor,
    actor: Actor,
    task: { id: string; unit_id: string },
    kind: string,
    note: string | null,
    photoIds: string[],
    change: { before?: unknown; after?: unknown },
  ): Promise<void> {
    const id = newId();
    await repo.insertEvent(tx, {
      id,
      task_id: task.id,
      at: this.clock.now().toISOString(),
      person_id: personOf(actor),
      actor_label: actorLabel(actor),
      kind,
      note: note || null,
      data_json: null,
    });
    await photosRepo.attachPhotos(tx, photoIds, 'event', id);
    await this.audit.record(tx, actor, {
      action: `rectification.${kind}`,
      entity: 'rectification_task',
      entityId: task.id,
      unitId: task.unit_id,
      ...change,
      ...(photoIds.length ? { after: { ...(change.after as object), photoIds } } : {}),
    });
  }

  private async markOverdue(
    tx: Executor,
    task: repo.TaskWithNames,
    now: Date,
    afterCommit: AfterCommit,
  ): Promise<void> {
    if (task.overdue_at) return;
    await repo.updateTask(tx, task.id, { overdue_at: now.toISOString(), updated_at: now.toISOString() });
    await this.event(tx, engineActor, task, 'overdue', null, [], { after: { dueAt: task.due_at } });
    await this.notices.overdue(tx, afterCommit, task, now);
    await this.engine.schedule(tx, {
      kind: ESCALATE_DEADLINE,
      refId: deadlineRef(task),
      unitId: task.unit_id,
      dueAt: new Date(now.getTime() + ESCALATE_AFTER_DAYS * DAY),
    });
  }

  /** Engine: the deadline has come and the fix is not reported. */
  async onOverdue(tx: Executor, ref: string, now: Date, afterCommit: AfterCommit): Promise<void> {
    const task = await repo.findTask(tx, ref.split('@')[0]!);
    if (!task || deadlineRef(task) !== ref || (task.state !== 'open' && task.state !== 'reopened')) return;
    await this.markOverdue(tx, task, now, afterCommit);
  }

  /** Engine: still not closed some days after the deadline; the parent unit is told. */
  async onEscalate(tx: Executor, ref: string, now: Date, afterCommit: AfterCommit): Promise<void> {
    const task = await repo.findTask(tx, ref.split('@')[0]!);
    if (!task || deadlineRef(task) !== ref || task.state === 'closed' || !task.unit_parent_id) return;
    await repo.updateTask(tx, task.id, { escalated_at: now.toISOString(), updated_at: now.toISOString() });
    await this.event(tx, engineActor, task, 'escalated', null, [], { after: { toUnitId: task.unit_parent_id } });
    await this.notices.escalated(tx, afterCommit, task, task.unit_parent_id, ESCALATE_AFTER_DAYS, now);
  }
}
