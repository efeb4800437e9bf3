import type { z } from 'zod';
import type { RecordDrillBody, ScheduleDrillBody } from '../../../common/schemas/drills.js';
import type { PageQuery } from '../../../common/schemas/shared.js';
import { localDate } from '../../../common/time.js';
import type { Db, Executor } from '../../db/database.js';
import type { DrillRow } from './drills.table.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Actor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import type { PlanRules } from '../plans/rules-in-force.js';
import { canSee, requireManage, scopeRoots } from '../units/units.policy.js';
import type { UnitService } from '../units/units.service.js';
import * as repo from './drills.repository.js';
import { periodFor, typeCompliance, worst, type ComplianceState, type TypeCompliance } from './compliance.js';

/** How far back compliance reads drills: the longest period (a term) and the one before it. */
const HISTORY_DAYS = 400;

/** One unit's drill compliance: by type, and as behind as its most behind type. */
export interface UnitCompliance {
  unitId: string;
  unitName: string;
  state: ComplianceState;
  types: TypeCompliance[];
}

const snapshot = (d: DrillRow) => ({
  type: d.type,
  status: d.status,
  plannedDate: d.planned_date,
  participants: d.participants,
  evacuationSeconds: d.evacuation_seconds,
});

export class DrillService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly units: UnitService,
    private readonly rules: PlanRules,
  ) {}

  async schedule(actor: Actor, input: z.infer<typeof ScheduleDrillBody>): Promise<repo.DrillWithUnit> {
    return this.db.transaction().execute(async (tx) => {
      const unit = await this.units.requireManageable(actor, input.unitId, tx);
      const now = this.clock.now().toISOString();
      const row: DrillRow = {
        id: newId(),
        unit_id: unit.id,
        type: input.type,
        title: input.title,
        planned_date: input.plannedDate,
        status: 'planned',
        started_at: null,
        ended_at: null,
        participants: null,
        evacuation_seconds: null,
        evaluation: null,
        problems_json: '[]',
        created_at: now,
        updated_at: now,
      };
      await repo.insertDrill(tx, row);
      await this.audit.record(tx, actor, {
        action: 'drill.schedule',
        entity: 'drill',
        entityId: row.id,
        unitId: unit.id,
        after: snapshot(row),
      });
      return { ...row, unit_name: unit.name };
    });
  }

  /** Records how a drill went; the times must make sense and not lie in the future. */
  async record(actor: Actor, id: string, input: z.infer<typeof RecordDrillBody>): Promise<repo.DrillWithUnit> {
    const started = new Date(input.startedAt);
    const ended = new Date(input.endedAt);
    if (ended <= started) throw invalid('endedAt', 'drill.endBeforeStart');
    if (ended.getTime() > this.clock.now().getTime() + 60_000) throw invalid('endedAt', 'drill.inFuture');
    return this.db.transaction().execute(async (tx) => {
      const before = await repo.findDrill(tx, id);
      if (!before) throw notFound();
      const unit = await this.units.requireVisible(actor, before.unit_id, tx);
      requireManage(actor, unit.path);
      if (before.status === 'done') throw new AppError(409, 'conflict', 'drill.alreadyRecorded');
      const changes = {
        status: 'done' as const,
        started_at: started.toISOString(),
        ended_at: ended.toISOString(),
        participants: input.participants,
        // A time measured by the roll call stays unless another is given.
        evacuation_seconds: input.evacuationSeconds ?? before.evacuation_seconds,
        evaluation: input.evaluation,
        problems_json: JSON.stringify(input.problems),
        updated_at: this.clock.now().toISOString(),
      };
      await repo.updateDrill(tx, id, changes);
      const after = { ...before, ...changes };
      await this.audit.record(tx, actor, {
        action: 'drill.record',
        entity: 'drill',
        entityId: id,
        unitId: before.unit_id,
        before: snapshot(before),
        after: snapshot(after),
      });
      return { ...after, unit_name: unit.name };
    });
  }

  /**
   * The evacuation time measured by the drill's roll call (when its last group reported): written by
   * the server, never typed. Called inside the roll call's transaction; the actor made the last mark.
   */
  async evacuationMeasured(tx: Executor, actor: Actor, drillId: string, seconds: number): Promise<void> {
    const before = await repo.findDrill(tx, drillId);
    if (!before || before.evacuation_seconds === seconds) return;
    const changes = { evacuation_seconds: seconds, updated_at: this.clock.now().toISOString() };
    await repo.updateDrill(tx, drillId, changes);
    await this.audit.record(tx, actor, {
      action: 'drill.evacuation-measured',
      entity: 'drill',
      entityId: drillId,
      unitId: before.unit_id,
      before: snapshot(before),
      after: snapshot({ ...before, ...changes }),
    });
  }

  /** One drill the actor can see (its unit is in their subtree), or undefined. */
  async find(actor: Actor, id: string): Promise<(DrillRow & { unit_path: string; unit_name: string }) | undefined> {
    const row = await repo.findWithUnit(this.db, id);
    return row && canSee(actor, row.unit_path) ? row : undefined;
  }

  /** One drill the actor can see; any other is not found. */
  async get(actor: Actor, id: string): Promise<repo.DrillWithUnit> {
    const found = await this.find(actor, id);
    if (!found) throw notFound();
    return found;
  }

  async list(actor: Actor, options: PageQuery & { unitId?: string }) {
    let within = scopeRoots(actor);
    if (options.unitId) within = [(await this.units.requireVisible(actor, options.unitId)).path];
    if (within?.length === 0) return { rows: [], total: 0 };
    return repo.list(this.db, within, (options.page - 1) * options.pageSize, options.pageSize);
  }

  /**
   * Per unit below the actor (or below `unitId`), by drill type: held this calendar month, quarter
   * or term (in the unit's zone) as its plans require — on schedule, due soon or overdue (see
   * `compliance.ts`). `at` defaults to now; other modules (assessment) may ask about another moment.
   */
  async compliance(actor: Actor, unitId?: string, at: Date = this.clock.now()): Promise<UnitCompliance[]> {
    let within = scopeRoots(actor);
    if (unitId) within = [(await this.units.requireVisible(actor, unitId)).path];
    if (within?.length === 0) return [];
    const units = (await repo.unitsWithin(this.db, within)).filter((u) => canSee(actor, u.path));
    // Two terms back is as far as any period (and the one before it) reaches.
    const since = new Date(at.getTime() - HISTORY_DAYS * 86_400_000).toISOString();
    const done = await repo.doneSince(
      this.db,
      units.map((u) => u.id),
      since,
      at.toISOString(),
    );
    const result: UnitCompliance[] = [];
    for (const unit of units) {
      const { rules } = await this.rules.forUnit(unit.id, at);
      const today = localDate(at, unit.time_zone);
      const types = rules.drills.map((req) => {
        const mine = done.filter((d) => d.unit_id === unit.id && d.type === req.type && d.started_at);
        const lastDone =
          mine
            .map((d) => d.ended_at ?? d.started_at!)
            .sort()
            .at(-1) ?? null;
        const heldOn = mine.map((d) => localDate(new Date(d.started_at!), unit.time_zone));
        return typeCompliance({
          type: req.type,
          perTerm: req.perTerm,
          every: periodFor(req, unit.type),
          heldOn,
          lastDone,
          today,
        });
      });
      result.push({ unitId: unit.id, unitName: unit.name, state: worst(types.map((t) => t.state)), types });
    }
    return result;
  }
}
