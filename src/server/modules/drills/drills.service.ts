import type { z } from 'zod';
import type { DrillType } from '../../../common/org.js';
import { EVACUATION_TARGET_SECONDS, type RecordDrillBody, type ScheduleDrillBody } from '../../../common/schemas/drills.js';
import type { PageQuery } from '../../../common/schemas/shared.js';
import type { Db } from '../../db/database.js';
import type { DrillRow } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Actor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import type { PlanRules } from '../plans/rules-in-force.js';
import { canSee, requireManage, scopeRoots } from '../units/units.policy.js';
import type { UnitService } from '../units/units.service.js';
import { typeCompliance, worst } from './compliance.js';

const snapshot = (d: DrillRow) => ({ type: d.type, status: d.status, plannedDate: d.planned_date, participants: d.participants, evacuationSeconds: d.evacuation_seconds });

export class DrillService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly units: UnitService,
    private readonly rules: PlanRules,
  ) {}

  async schedule(actor: Actor, input: z.infer<typeof ScheduleDrillBody>): Promise<DrillRow> {
    return this.db.transaction().execute(async (tx) => {
      const unit = await this.units.requireManageable(actor, input.unitId, tx);
      const now = this.clock.now().toISOString();
      const row: DrillRow = {
        id: newId(), unit_id: unit.id, type: input.type, title: input.title, planned_date: input.plannedDate, status: 'planned',
        started_at: null, ended_at: null, participants: null, evacuation_seconds: null, evaluation: null, problems_json: '[]', created_at: now, updated_at: now,
      };
      await tx.insertInto('drills').values(row).execute();
      await this.audit.record(tx, actor, { action: 'drill.schedule', entity: 'drill', entityId: row.id, unitId: unit.id, after: snapshot(row) });
      return row;
    });
  }

  /** Records how a drill went; the times must make sense and not lie in the future. */
  async record(actor: Actor, id: string, input: z.infer<typeof RecordDrillBody>): Promise<DrillRow> {
    const started = new Date(input.startedAt);
    const ended = new Date(input.endedAt);
    if (ended <= started) throw invalid('endedAt', 'drill.endBeforeStart');
    if (ended.getTime() > this.clock.now().getTime() + 60_000) throw invalid('endedAt', 'drill.inFuture');
    return this.db.transaction().execute(async (tx) => {
      const before = await tx.selectFrom('drills').selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) throw notFound();
      const unit = await this.units.requireVisible(actor, before.unit_id, tx);
      requireManage(actor, unit.path);
      if (before.status === 'done') throw new AppError(409, 'conflict', 'drill.alreadyRecorded');
      const changes = {
        status: 'done', started_at: started.toISOString(), ended_at: ended.toISOString(), participants: input.participants,
        evacuation_seconds: input.evacuationSeconds ?? null, evaluation: input.evaluation, problems_json: JSON.stringify(input.problems),
        updated_at: this.clock.now().toISOString(),
      };
      await tx.updateTable('drills').set(changes).where('id', '=', id).execute();
      const after = { ...before, ...changes };
      await this.audit.record(tx, actor, { action: 'drill.record', entity: 'drill', entityId: id, unitId: before.unit_id, before: snapshot(before), after: snapshot(after) });
      return after;
    });
  }

  /** One drill the actor can see (its unit is in their subtree), or undefined. */
  async find(actor: Actor, id: string): Promise<(DrillRow & { unit_path: string; unit_name: string }) | undefined> {
    const row = await this.db.selectFrom('drills').innerJoin('units', 'units.id', 'drills.unit_id').selectAll('drills').select(['units.path as unit_path', 'units.name as unit_name']).where('drills.id', '=', id).executeTakeFirst();
    return row && canSee(actor, row.unit_path) ? row : undefined;
  }

  async list(actor: Actor, options: PageQuery & { unitId?: string }) {
    let within = scopeRoots(actor);
    if (options.unitId) within = [(await this.units.requireVisible(actor, options.unitId)).path];
    if (within?.length === 0) return { rows: [], total: 0 };
    const base = this.db.selectFrom('drills').innerJoin('units', 'units.id', 'drills.unit_id')
      .$if(within !== null, (q) => q.where((eb) => eb.or(within!.map((p) => eb('units.path', 'like', `${p}%`)))));
    const [rows, count] = await Promise.all([
      base.selectAll('drills').select('units.name as unit_name').orderBy('drills.created_at', 'desc').offset((options.page - 1) * options.pageSize).limit(options.pageSize).execute(),
      base.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  }

  /** Per unit below the actor (or below `unitId`): on schedule, due soon or overdue, by drill type. */
  async compliance(actor: Actor, unitId?: string) {
    let within = scopeRoots(actor);
    if (unitId) within = [(await this.units.requireVisible(actor, unitId)).path];
    if (within?.length === 0) return [];
    const units = await this.db.selectFrom('units').select(['id', 'name', 'path', 'created_at'])
      .$if(within !== null, (q) => q.where((eb) => eb.or(within!.map((p) => eb('path', 'like', `${p}%`))))).orderBy('path').execute();
    const done = await this.db.selectFrom('drills').select(['unit_id', 'type']).select((e) => e.fn.max('ended_at').as('last'))
      .where('status', '=', 'done').where('unit_id', 'in', units.length ? units.map((u) => u.id) : ['']).groupBy(['unit_id', 'type']).execute();
    const now = this.clock.now();
    const result = [];
    for (const unit of units.filter((u) => canSee(actor, u.path))) {
      const { rules } = await this.rules.forUnit(unit.id, now);
      const types = rules.drills.map((req) => {
        const last = done.find((d) => d.unit_id === unit.id && d.type === req.type)?.last as string | undefined;
        return typeCompliance(req.type as DrillType, req.perTerm, last ? new Date(last) : null, new Date(unit.created_at), now);
      });
      result.push({ unitId: unit.id, unitName: unit.name, state: worst(types.map((t) => t.state)), types });
    }
    return result;
  }
}

export const evacuationOnTarget = (seconds: number | null) => (seconds === null ? null : seconds <= EVACUATION_TARGET_SECONDS);
