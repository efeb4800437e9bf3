import {
  CHECKPOINTS_PER_UNIT_MAX,
  PATROL_TIME_LIMIT_MINUTES,
  type CheckpointBody,
  type CheckpointUpdate,
  type Patrol,
  type PatrolNight,
  type PatrolNow,
  type PatrolSummary,
} from '../../../common/schemas/patrols.js';
import type { Db, Executor } from '../../db/database.js';
import type { DeadlineEngine } from '../../engine/engine.js';
import type { Clock } from '../../lib/clock.js';
import { conflict, invalid, notFound } from '../../lib/errors.js';
import { newId, newSecret } from '../../lib/ids.js';
import type { Actor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import * as peoplePort from '../people/people.read-port.js';
import type { PlanRules } from '../plans/rules-in-force.js';
import { OVERDUE_DEADLINE, TIME_LIMIT_MS, type PatrolPlanner } from './patrol-planner.js';
import { nightAt } from './patrol-times.js';
import { canManage, canPatrol, requirePatrol } from './patrols.policy.js';
import { presentCheckpoint, presentPatrol } from './patrols.presenter.js';
import * as repo from './patrols.repository.js';
import type { UnitService } from '../units/units.service.js';

/** A point's code: 128 random bits, so nobody can check in without having stood at the QR code. */
export const newCheckpointCode = () => newSecret(16);

/** Checkpoints, the night's patrols as the screens show them, the unit page's facts, extra patrols. */
export class PatrolService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly units: UnitService,
    private readonly rules: PlanRules,
    private readonly engine: DeadlineEngine,
    private readonly planner: PatrolPlanner,
  ) {}

  async checkpoints(actor: Actor, unitId: string, baseUrl: string) {
    const unit = await this.units.requireVisible(actor, unitId);
    const rows = await repo.checkpointsOf(this.db, unit.id);
    const manage = canManage(actor, unit.path);
    return {
      unitId: unit.id,
      unitName: unit.name,
      canManage: manage,
      items: rows.map((c) => presentCheckpoint(c, manage ? baseUrl : null)),
    };
  }

  async createCheckpoint(actor: Actor, input: CheckpointBody, baseUrl: string) {
    return this.db.transaction().execute(async (tx) => {
      const unit = await this.units.requireManageable(actor, input.unitId, tx);
      if ((await repo.countCheckpoints(tx, unit.id)) >= CHECKPOINTS_PER_UNIT_MAX)
        throw invalid('unitId', 'patrol.tooManyCheckpoints', { max: CHECKPOINTS_PER_UNIT_MAX });
      const now = this.clock.now().toISOString();
      const row = {
        id: newId(),
        unit_id: unit.id,
        name: input.name,
        location_hint: input.locationHint,
        code: newCheckpointCode(),
        active: 1,
        created_at: now,
        updated_at: now,
      };
      await repo.insertCheckpoint(tx, row);
      await this.planner.ensurePlanned(tx, unit, this.clock.now());
      await this.audit.record(tx, actor, {
        action: 'patrol.checkpoint-create',
        entity: 'patrol_checkpoint',
        entityId: row.id,
        unitId: unit.id,
        after: { name: row.name, locationHint: row.location_hint },
      });
      return presentCheckpoint(row, baseUrl);
    });
  }

  async updateCheckpoint(actor: Actor, id: string, input: CheckpointUpdate & { renewCode?: boolean }, baseUrl: string) {
    return this.db.transaction().execute(async (tx) => {
      const before = await repo.findCheckpoint(tx, id);
      if (!before) throw notFound();
      const unit = await this.units.requireManageable(actor, before.unit_id, tx);
      const changes = {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.locationHint !== undefined && { location_hint: input.locationHint }),
        ...(input.active !== undefined && { active: input.active ? 1 : 0 }),
        ...(input.renewCode && { code: newCheckpointCode() }),
        updated_at: this.clock.now().toISOString(),
      };
      await repo.updateCheckpoint(tx, id, changes);
      if (input.active && before.active === 0) await this.planner.ensurePlanned(tx, unit, this.clock.now());
      const after = (await repo.findCheckpoint(tx, id))!;
      await this.audit.record(tx, actor, {
        action: input.renewCode ? 'patrol.checkpoint-new-code' : 'patrol.checkpoint-update',
        entity: 'patrol_checkpoint',
        entityId: id,
        unitId: unit.id,
        before: { name: before.name, locationHint: before.location_hint, active: before.active === 1 },
        after: { name: after.name, locationHint: after.location_hint, active: after.active === 1 },
      });
      return presentCheckpoint(after, baseUrl);
    });
  }

  /** The rows and codes for the printable sheet: for those who keep the checkpoints. */
  async sheet(actor: Actor, unitId: string) {
    const unit = await this.units.requireManageable(actor, unitId);
    return { unit, checkpoints: await repo.checkpointsOf(this.db, unit.id, true) };
  }

  /** One night's patrols; by default the night in progress, or the last one that began. */
  async night(actor: Actor, unitId: string, nightDate?: string): Promise<PatrolNight> {
    const unit = await this.units.requireVisible(actor, unitId);
    const now = this.clock.now();
    const { rules } = await this.rules.forUnit(unit.id, now);
    const date = nightDate ?? nightAt(now, rules.duty.patrolWindow, unit.time_zone);
    const rows = await repo.patrolsOfNight(this.db, unit.id, date);
    // Announced patrols in time order; the ones still secret after them, so no place in the list hints at their times.
    const patrols = (await this.present(this.db, unit.id, rows)).sort(
      (a, b) => (a.dueAt === null ? 1 : 0) - (b.dueAt === null ? 1 : 0),
    );
    return {
      unitId: unit.id,
      unitName: unit.name,
      timeZone: unit.time_zone,
      nightDate: date,
      window: rules.duty.patrolWindow,
      patrols,
    };
  }

  /** What the phone screen shows: the patrols open now and every active point. */
  async current(actor: Actor, unitId: string): Promise<PatrolNow> {
    const unit = await this.units.requireVisible(actor, unitId);
    const open = (await repo.openPatrols(this.db, unit.id)).filter(
      (p) => p.deadline_at && p.deadline_at > this.clock.now().toISOString(),
    );
    const points = await repo.checkpointsOf(this.db, unit.id, true);
    return {
      unitId: unit.id,
      unitName: unit.name,
      timeZone: unit.time_zone,
      timeLimitMinutes: PATROL_TIME_LIMIT_MINUTES,
      open: await this.present(this.db, unit.id, open),
      checkpoints: points.map((c) => presentCheckpoint(c, null)),
      canCheckIn: canPatrol(actor, unit.path),
    };
  }

  /**
   * The duty staff start a patrol themselves (after an alarm, or a daytime round); it counts and is timed like any
   * other.
   */
  async startExtra(actor: Actor, unitId: string): Promise<Patrol> {
    return this.db.transaction().execute(async (tx) => {
      const unit = await this.units.requireVisible(actor, unitId, tx);
      requirePatrol(actor, unit.path);
      const now = this.clock.now();
      if ((await repo.countCheckpoints(tx, unit.id, true)) === 0) throw invalid('unitId', 'patrol.noCheckpoints');
      if ((await repo.openPatrols(tx, unit.id)).some((p) => p.deadline_at && p.deadline_at > now.toISOString()))
        throw conflict('patrol.alreadyOpen');
      const { rules } = await this.rules.forUnit(unit.id, now, tx);
      const deadline = new Date(now.getTime() + TIME_LIMIT_MS);
      const row: repo.PatrolRow = {
        id: newId(),
        unit_id: unit.id,
        night_date: nightAt(now, rules.duty.patrolWindow, unit.time_zone),
        kind: 'extra',
        state: 'open',
        due_at: now.toISOString(),
        opened_at: now.toISOString(),
        deadline_at: deadline.toISOString(),
        done_at: null,
        started_by_person_id: actor.kind === 'account' ? actor.personId : null,
        created_at: now.toISOString(),
      };
      await repo.insertPatrols(tx, [row]);
      await this.engine.schedule(tx, { kind: OVERDUE_DEADLINE, refId: row.id, unitId: unit.id, dueAt: deadline });
      await this.audit.record(tx, actor, {
        action: 'patrol.start',
        entity: 'patrol',
        entityId: row.id,
        unitId: unit.id,
        after: { deadlineAt: row.deadline_at },
      });
      return (await this.present(tx, unit.id, [row]))[0]!;
    });
  }

  /** The unit page's facts: who staffs the gate, and the night's patrols done of those due. */
  async summary(actor: Actor, unitId: string): Promise<PatrolSummary> {
    const unit = await this.units.requireVisible(actor, unitId);
    const now = this.clock.now();
    const { rules } = await this.rules.forUnit(unit.id, now);
    const holders = await peoplePort.holdersIn(this.db, unit.id);
    const gatekeepers = new Set(holders.filter((h) => h.role === 'gatekeeper').map((h) => h.id)).size;
    // Staffed means a shift of the roster is on now: the same fact as 当前值班 (GET /duty/now), not merely
    // that someone holds the gate or duty role.
    const rostered = await this.planner.rosteredNow(this.db, unit.id, now);
    const dutyStaff = rostered ? new Set([...rostered.staff, ...rostered.leaders]).size : 0;
    const nightDate = nightAt(now, rules.duty.patrolWindow, unit.time_zone);
    const rows = (await repo.patrolsOfNight(this.db, unit.id, nightDate)).filter((p) => p.state !== 'cancelled');
    return {
      unitId: unit.id,
      gate: { required24h: rules.duty.gateStaffed24h, gatekeepers, dutyStaff, staffed: rostered !== null },
      patrols: {
        nightDate,
        window: rules.duty.patrolWindow,
        planned: rows.length,
        due: rows.filter((p) => p.state !== 'planned').length,
        done: rows.filter((p) => p.state === 'done').length,
        missed: rows.filter((p) => p.state === 'missed').length,
        checkpoints: await repo.countCheckpoints(this.db, unit.id, true),
      },
    };
  }

  async present(db: Executor, unitId: string, rows: repo.PatrolRow[]): Promise<Patrol[]> {
    const active = new Set((await repo.checkpointsOf(db, unitId, true)).map((c) => c.id));
    const checkIns = await repo.checkInsOf(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((p) =>
      presentPatrol(
        p,
        checkIns.filter((c) => c.patrol_id === p.id),
        active,
      ),
    );
  }
}
