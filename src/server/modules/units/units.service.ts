import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE } from '../../../common/locale.js';
import { UNIT_DEPTH_MAX } from '../../../common/limits.js';
import type { CreateUnitBody, UnitToday, UpdateUnitBody } from '../../../common/schemas/units.js';
import { localDate } from '../../../common/time.js';
import type { Page, PageQuery } from '../../../common/schemas/shared.js';
import type { Db, Executor } from '../../db/database.js';
import type { UnitRow } from './units.table.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Actor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import * as repo from './units.repository.js';
import type { UnitWithCount } from './units.repository.js';
import { canSee, requireAdmin, requireManage, requireSee, scopeRoots } from './units.policy.js';

export interface UnitListOptions extends PageQuery {
  parentId?: string;
  roots?: boolean;
  q?: string;
}

const snapshot = (u: UnitRow) => ({
  name: u.name,
  type: u.type,
  timeZone: u.time_zone,
  locale: u.locale,
  parentId: u.parent_id,
  enrolment: u.enrolment,
});

export class UnitService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  /** A unit the actor may see, or 404. */
  async get(actor: Actor, id: string, db: Executor = this.db): Promise<UnitWithCount> {
    const unit = await repo.findById(db, id);
    if (!unit || !canSee(actor, unit.path)) throw notFound();
    return unit;
  }

  /** The unit's calendar day now, in its own zone: the one "today" every screen starts from. */
  async today(actor: Actor, id: string): Promise<UnitToday> {
    const unit = await this.get(actor, id);
    const now = this.clock.now();
    return { unitId: unit.id, timeZone: unit.time_zone, today: localDate(now, unit.time_zone), now: now.toISOString() };
  }

  async list(actor: Actor, options: UnitListOptions): Promise<Page<UnitWithCount>> {
    const roots = scopeRoots(actor);
    const filter: repo.UnitFilter = { within: roots, nameContains: options.q };
    if (options.parentId) {
      await this.get(actor, options.parentId);
      filter.parentId = options.parentId;
    } else if (options.roots) {
      if (roots) filter.paths = roots;
      else filter.topLevel = true;
    }
    const { page, pageSize } = options;
    const { rows, total } = await repo.list(this.db, filter, (page - 1) * pageSize, pageSize);
    return { items: rows, page, pageSize, total };
  }

  /** Creates a top unit; only Steady itself (setup, CLI, demo) may, never an account. */
  async createRoot(tx: Executor, actor: Actor, input: Omit<CreateUnitBody, 'parentId'>): Promise<UnitRow> {
    if (actor.kind !== 'system') throw new AppError(403, 'forbidden', 'unit.rootExists');
    const id = newId();
    return this.insert(tx, actor, { id, parent: null, input });
  }

  async create(actor: Actor, input: CreateUnitBody): Promise<UnitWithCount> {
    return this.db.transaction().execute(async (tx) => {
      const parent = await this.requireManageable(actor, input.parentId, tx);
      if (parent.depth + 1 >= UNIT_DEPTH_MAX) throw invalid('parentId', 'unit.tooDeep', { max: UNIT_DEPTH_MAX });
      const row = await this.insert(tx, actor, { id: newId(), parent, input });
      // Not read back: the row is as written, and a unit not yet committed can have no children.
      return { ...row, child_count: 0 };
    });
  }

  private async insert(
    tx: Executor,
    actor: Actor,
    { id, parent, input }: { id: string; parent: UnitRow | null; input: Omit<CreateUnitBody, 'parentId'> },
  ): Promise<UnitRow> {
    const now = this.clock.now().toISOString();
    const row: UnitRow = {
      id,
      parent_id: parent?.id ?? null,
      name: input.name,
      type: input.type,
      time_zone: input.timeZone ?? parent?.time_zone ?? DEFAULT_TIME_ZONE,
      locale: input.locale ?? parent?.locale ?? DEFAULT_LOCALE,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: (parent?.depth ?? -1) + 1,
      enrolment: input.enrolment ?? null,
      created_at: now,
      updated_at: now,
    };
    await repo.insert(tx, row);
    await this.audit.record(tx, actor, {
      action: 'unit.create',
      entity: 'unit',
      entityId: id,
      unitId: id,
      after: snapshot(row),
    });
    return row;
  }

  async update(actor: Actor, id: string, input: UpdateUnitBody): Promise<UnitWithCount> {
    return this.db.transaction().execute(async (tx) => {
      const before = await this.get(actor, id, tx);
      requireManage(actor, before.path);
      const changes = {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.type !== undefined && { type: input.type }),
        ...(input.timeZone !== undefined && { time_zone: input.timeZone }),
        ...(input.locale !== undefined && { locale: input.locale }),
        ...(input.enrolment !== undefined && { enrolment: input.enrolment }),
      };
      if (Object.keys(changes).length === 0) return before;
      await repo.update(tx, id, { ...changes, updated_at: this.clock.now().toISOString() });
      const after = (await repo.findById(tx, id))!;
      await this.audit.record(tx, actor, {
        action: 'unit.update',
        entity: 'unit',
        entityId: id,
        unitId: id,
        before: snapshot(before),
        after: snapshot(after),
      });
      return after;
    });
  }

  /**
   * Moves a unit and everything below it under a new parent. The actor must manage the unit's
   * current parent (a unit cannot lift itself out of its supervisor's sight) and the new parent.
   */
  async move(actor: Actor, id: string, newParentId: string): Promise<UnitWithCount> {
    return this.db.transaction().execute(async (tx) => {
      const unit = await this.get(actor, id, tx);
      requireManage(actor, unit.path);
      if (!unit.parent_id) throw new AppError(403, 'forbidden', 'unit.moveScopeRoot');
      const oldParent = await repo.findById(tx, unit.parent_id);
      if (!oldParent || !canSee(actor, oldParent.path)) throw new AppError(403, 'forbidden', 'unit.moveScopeRoot');
      requireManage(actor, oldParent.path);
      const target = await this.get(actor, newParentId, tx);
      requireManage(actor, target.path);
      if (target.path.startsWith(unit.path)) throw invalid('parentId', 'unit.cycle');
      if (target.id === unit.parent_id) return unit;
      const depthDelta = target.depth + 1 - unit.depth;
      if ((await repo.maxDepthUnder(tx, unit.path)) + depthDelta >= UNIT_DEPTH_MAX) {
        throw invalid('parentId', 'unit.tooDeep', { max: UNIT_DEPTH_MAX });
      }
      const now = this.clock.now().toISOString();
      await repo.reparentSubtree(tx, unit.path, `${target.path}${unit.id}/`, depthDelta, now);
      await repo.update(tx, id, { parent_id: target.id, updated_at: now });
      const after = (await repo.findById(tx, id))!;
      await this.audit.record(tx, actor, {
        action: 'unit.move',
        entity: 'unit',
        entityId: id,
        unitId: id,
        before: { parentId: unit.parent_id },
        after: { parentId: target.id },
      });
      return after;
    });
  }

  /** The units' own rows, for modules that check access on a unit id they were given. */
  async requireVisible(actor: Actor, id: string, db: Executor = this.db): Promise<UnitRow> {
    // Without the child count: a bureau's count grows with every unit it has, and no caller uses it.
    const unit = await repo.findRow(db, id);
    if (!unit) throw notFound();
    requireSee(actor, unit.path);
    return unit;
  }

  async requireManageable(actor: Actor, id: string, db: Executor = this.db): Promise<UnitRow> {
    const unit = await this.requireVisible(actor, id, db);
    requireManage(actor, unit.path);
    return unit;
  }

  async requireAdministered(actor: Actor, id: string, db: Executor = this.db): Promise<UnitRow> {
    const unit = await this.requireVisible(actor, id, db);
    requireAdmin(actor, unit.path);
    return unit;
  }
}
