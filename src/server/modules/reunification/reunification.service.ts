import type {
  AbsentBody,
  ReleaseBody,
  ReleaseCheck,
  ReunificationBody,
  ReunificationCounts,
} from '../../../common/schemas/reunification.js';
import { normaliseMobile } from '../../../common/phone.js';
import { checkValue } from '../../../common/release-check.js';
import { transactionWithHooks, type AfterCommit, type Db, type Executor } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../lib/errors.js';
import { newId, newSecret } from '../../lib/ids.js';
import type { LiveBus } from '../../notify/live-bus.js';
import type { Notifier } from '../../notify/notifier.js';
import type { Actor } from '../auth/actor.js';
import { logAccess } from '../audit/access-log.js';
import type { AuditTrail } from '../audit/audit.service.js';
import { incidentBrief } from '../incidents/incidents.read-port.js';
import * as peoplePort from '../people/people.read-port.js';
import { keepsRosters, releasesChildren } from '../rosters/rosters.policy.js';
import * as rosterRepo from '../rosters/rosters.read-port.js';
import type { UnitService } from '../units/units.service.js';
import * as unitsPort from '../units/units.read-port.js';
import { checkAdult } from './reunification.check.js';
import { ReunificationNotices } from './reunification.notices.js';
import * as repo from './reunification.repository.js';

const SCHOOL_TYPES = new Set(['school', 'central_school', 'kindergarten']);
/** How far ahead of the server's clock a phone's time may be (as for the gate's visitors). */
const CLOCK_SKEW_MS = 2 * 60_000;

export interface ReunificationView {
  r: repo.ReunificationRow;
  timeZone: string;
  staff: { id: string; name: string }[];
  counts: ReunificationCounts;
  keeper: boolean;
  outcomes: Awaited<ReturnType<typeof repo.outcomesOf>> | null;
  refusals: Awaited<ReturnType<typeof repo.refusalsOf>> | null;
}

interface Access {
  r: repo.ReunificationRow;
  staff: { id: string; name: string }[];
  keeper: boolean;
}

/**
 * Reunification after a real evacuation. The head or safety officer of the school opens it with a
 * point and release staff; guardians are sent the point by SMS; staff release each child to an adult
 * on the child's list (name, mobile, ID last four) or refuse, and a refusal alerts the head at once.
 * Staff see the children only while it is open; every look at names is logged.
 */
export class ReunificationService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly units: UnitService,
    notifier: Notifier,
    private readonly bus: LiveBus,
  ) {
    this.notices = new ReunificationNotices(notifier);
  }

  private readonly notices: ReunificationNotices;

  async open(actor: Actor, body: ReunificationBody): Promise<ReunificationView> {
    const id = await transactionWithHooks(this.db, async (tx, afterCommit) => {
      const unit = await this.units.requireVisible(actor, body.unitId, tx);
      if (!SCHOOL_TYPES.has(unit.type)) throw invalid('unitId', 'roster.notSchool');
      if (!keepsRosters(actor, unit.id) || actor.kind !== 'account') throw forbidden();
      const incident = await incidentBrief(tx, body.incidentId);
      if (!incident || incident.unit_id !== unit.id) throw invalid('incidentId', 'reunification.incidentElsewhere');
      if (incident.drill === 1) throw invalid('incidentId', 'reunification.incidentDrill');
      const members = new Set((await peoplePort.holdersIn(tx, unit.id)).map((m) => m.id));
      const staff = [...new Set(body.staffPersonIds)];
      if (staff.some((p) => !members.has(p))) throw invalid('staffPersonIds', 'reunification.notStaff');
      if (await repo.openOfUnit(tx, unit.id)) throw conflict('reunification.alreadyOpen');
      const now = this.clock.now();
      const row: repo.ReunificationRow = {
        id: newId(),
        unit_id: unit.id,
        incident_id: incident.id,
        point: body.point,
        status: 'open',
        opened_by_person_id: actor.personId,
        opened_at: now.toISOString(),
        closed_by_person_id: null,
        closed_at: null,
        check_secret: newSecret(),
      };
      await repo.insert(tx, row, staff);
      const told = await this.notices.opened(tx, afterCommit, { unit, row, staff, sender: actor.personId, now });
      await this.audit.record(tx, actor, {
        action: 'reunification.open',
        entity: 'reunification',
        entityId: row.id,
        unitId: unit.id,
        after: { incidentId: incident.id, point: body.point, staff, guardiansTold: told },
      });
      this.published(afterCommit, row.id, unit.path);
      return row.id;
    });
    return this.get(actor, id);
  }

  /** The reunification with its counts; the head and safety officer also get the lists (logged). */
  async get(actor: Actor, id: string): Promise<ReunificationView> {
    const { r, staff, keeper } = await this.access(actor, id, this.db);
    const counts = await repo.counts(this.db, r);
    const timeZone = (await unitsPort.findById(this.db, r.unit_id))!.time_zone;
    if (!keeper) return { r, timeZone, staff, counts, keeper, outcomes: null, refusals: null };
    const outcomes = await repo.outcomesOf(this.db, id);
    const refusals = await repo.refusalsOf(this.db, id);
    await logAccess(this.db, actor, this.clock.now(), {
      entity: 'reunification',
      unitId: r.unit_id,
      detail: { reunificationId: id, released: outcomes.length, refused: refusals.length },
    });
    return { r, timeZone, staff, counts, keeper, outcomes, refusals };
  }

  /** A school's reunifications (no names): for its head and safety officer, and open ones for their staff. */
  async ofUnit(actor: Actor, unitId: string): Promise<repo.ReunificationRow[]> {
    await this.units.requireVisible(actor, unitId);
    const all = await repo.ofUnit(this.db, unitId);
    if (keepsRosters(actor, unitId)) return all;
    const out = [];
    for (const r of all.filter((x) => x.status === 'open'))
      if (
        releasesChildren(
          actor,
          r,
          (await repo.staffOf(this.db, r.id)).map((s) => s.id),
        )
      )
        out.push(r);
    return out;
  }

  /**
   * Children by name or class (or all of them, for the phone to keep offline), with who may collect
   * them: names, relations and check values, never mobiles or ID digits; the look is logged.
   */
  async search(actor: Actor, id: string, q: string | undefined, classId: string | undefined, all = false) {
    const { r } = await this.access(actor, id, this.db, 'open');
    const pupils = await repo.searchPupils(this.db, r, q, classId, all ? repo.SCHOOL_MAX : repo.SEARCH_MAX);
    const adults = await rosterRepo.adultsOf(
      this.db,
      pupils.map((p) => p.id),
    );
    await logAccess(this.db, actor, this.clock.now(), {
      entity: 'reunification',
      unitId: r.unit_id,
      detail: { reunificationId: id, search: true, all, classId: classId ?? null, pupils: pupils.length },
    });
    const secret = r.check_secret;
    return Promise.all(
      pupils.map(async (p) => ({
        ...p,
        collectors: await Promise.all(
          (adults.get(p.id) ?? [])
            .filter((a) => a.may_collect === 1)
            .map(async (a) => ({
              name: a.name,
              relation: a.relation,
              check:
                secret && a.id_last4
                  ? await checkValue(secret, { name: a.name, mobile: a.mobile, idLast4: a.id_last4 })
                  : null,
            })),
        ),
      })),
    );
  }

  /**
   * An adult asks for a child: released when they match an adult who may collect, else refused. Both
   * are recorded (with the staff and the time) and logged; a refusal tells the head at once and
   * answers 422 naming the checks that failed, after the refusal has been stored.
   */
  async release(actor: Actor, id: string, body: ReleaseBody) {
    if (actor.kind !== 'account') throw forbidden();
    const key = body.clientKey;
    const stored = key ? await this.replayRelease(actor, id, key) : undefined;
    if (stored) return stored;
    try {
      return await this.releaseOnce(actor, id, body);
    } catch (error) {
      // The same key at once: the other send stored it (here a unique key, or the child already out).
      const raced = key && sameKeyRace(error) ? await this.replayRelease(actor, id, key) : undefined;
      if (raced) return raced;
      throw error;
    }
  }

  /**
   * What a key already stored answers: the release (as it was answered then) or the refusal (422
   * again); nothing is written, so no second row, alert or audit entry.
   */
  private async replayRelease(actor: Actor, id: string, key: string) {
    const { r } = await this.access(actor, id, this.db);
    const outcome = await repo.outcomeByKey(this.db, key);
    if (outcome) {
      if (outcome.reunification_id !== id || outcome.state !== 'released')
        throw invalid('clientKey', 'reunification.keyReused');
      return {
        outcome: 'released' as const,
        pupilId: outcome.pupil_id,
        adultName: outcome.adult_name ?? '',
        adultRelation: outcome.adult_relation ?? '',
        at: outcome.at,
        counts: await repo.counts(this.db, r),
      };
    }
    const refusal = await repo.refusalByKey(this.db, key);
    if (!refusal) return undefined;
    if (refusal.reunification_id !== id) throw invalid('clientKey', 'reunification.keyReused');
    throw refusedError(JSON.parse(refusal.failed_json) as ReleaseCheck[]);
  }

  /** The phone's time for a record made offline: not ahead of the server, not before the reunification. */
  private when(r: repo.ReunificationRow, given: string | undefined, field: string): Date {
    const now = this.clock.now();
    if (!given) return now;
    const at = new Date(given);
    if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw invalid(field, 'reunification.inFuture');
    if (at.toISOString() < r.opened_at) throw invalid(field, 'reunification.beforeOpened');
    return at.getTime() > now.getTime() ? now : at;
  }

  private async releaseOnce(actor: Actor & { kind: 'account' }, id: string, body: ReleaseBody) {
    const result = await transactionWithHooks(this.db, async (tx, afterCommit) => {
      const { r } = await this.access(actor, id, tx, 'open');
      const pupil = await repo.pupilOf(tx, r.unit_id, body.pupilId);
      if (!pupil) throw invalid('pupilId', 'reunification.pupilElsewhere');
      if (await repo.outcomeOf(tx, id, pupil.id)) throw conflict('reunification.alreadyOut', {}, 'pupilId');
      const listed = ((await rosterRepo.adultsOf(tx, [pupil.id])).get(pupil.id) ?? []).filter(
        (a) => a.may_collect === 1,
      );
      const { adult, failed } = checkAdult(listed, body.adult);
      const now = this.when(r, body.releasedAt, 'releasedAt');
      const staffId = actor.personId;
      await logAccess(tx, actor, now, {
        entity: 'reunification',
        unitId: r.unit_id,
        detail: { reunificationId: id, pupilId: pupil.id, check: adult ? 'released' : 'refused' },
      });
      const unit = (await unitsPort.findById(tx, r.unit_id))!;
      this.published(afterCommit, id, unit.path);
      if (adult) {
        await repo.insertOutcome(tx, {
          id: newId(),
          reunification_id: id,
          pupil_id: pupil.id,
          state: 'released',
          adult_name: adult.name,
          adult_relation: adult.relation,
          staff_person_id: staffId,
          at: now.toISOString(),
          client_key: body.clientKey ?? null,
        });
        await this.audit.record(tx, actor, {
          action: 'reunification.release',
          entity: 'pupil',
          entityId: pupil.id,
          unitId: r.unit_id,
          after: { reunificationId: id },
        });
        return {
          outcome: 'released' as const,
          pupilId: pupil.id,
          adultName: adult.name,
          adultRelation: adult.relation,
          at: now.toISOString(),
          counts: await repo.counts(tx, r),
        };
      }
      await repo.insertRefusal(tx, {
        id: newId(),
        reunification_id: id,
        pupil_id: pupil.id,
        name_given: body.adult.name,
        mobile_given: normaliseMobile(body.adult.mobile) ?? body.adult.mobile,
        failed_json: JSON.stringify(failed),
        staff_person_id: staffId,
        at: now.toISOString(),
        client_key: body.clientKey ?? null,
      });
      await this.audit.record(tx, actor, {
        action: 'reunification.refuse',
        entity: 'pupil',
        entityId: pupil.id,
        unitId: r.unit_id,
        after: { reunificationId: id, failed },
      });
      await this.notices.refused(tx, afterCommit, { r, unit, className: pupil.class_name, staffId, now });
      return { outcome: 'refused' as const, failed };
    });
    if (result.outcome === 'refused') throw refusedError(result.failed);
    return result;
  }

  /** A child not at school that day: not waited for. */
  async markAbsent(actor: Actor, id: string, body: AbsentBody): Promise<ReunificationCounts> {
    if (actor.kind !== 'account') throw forbidden();
    const key = body.clientKey;
    const stored = key ? await this.replayAbsent(actor, id, key) : undefined;
    if (stored) return stored;
    try {
      return await this.markAbsentOnce(actor, id, body);
    } catch (error) {
      const raced = key && sameKeyRace(error) ? await this.replayAbsent(actor, id, key) : undefined;
      if (raced) return raced;
      throw error;
    }
  }

  private async replayAbsent(actor: Actor, id: string, key: string): Promise<ReunificationCounts | undefined> {
    const { r } = await this.access(actor, id, this.db);
    const outcome = await repo.outcomeByKey(this.db, key);
    if (!outcome) return undefined;
    if (outcome.reunification_id !== id || outcome.state !== 'absent')
      throw invalid('clientKey', 'reunification.keyReused');
    return repo.counts(this.db, r);
  }

  private async markAbsentOnce(actor: Actor & { kind: 'account' }, id: string, body: AbsentBody) {
    return transactionWithHooks(this.db, async (tx, afterCommit) => {
      const { r } = await this.access(actor, id, tx, 'open');
      const pupil = await repo.pupilOf(tx, r.unit_id, body.pupilId);
      if (!pupil) throw invalid('pupilId', 'reunification.pupilElsewhere');
      if (await repo.outcomeOf(tx, id, pupil.id)) throw conflict('reunification.alreadyOut', {}, 'pupilId');
      const now = this.when(r, body.markedAt, 'markedAt').toISOString();
      await repo.insertOutcome(tx, {
        id: newId(),
        reunification_id: id,
        pupil_id: pupil.id,
        state: 'absent',
        adult_name: null,
        adult_relation: null,
        staff_person_id: actor.personId,
        at: now,
        client_key: body.clientKey ?? null,
      });
      await this.audit.record(tx, actor, {
        action: 'reunification.absent',
        entity: 'pupil',
        entityId: pupil.id,
        unitId: r.unit_id,
        after: { reunificationId: id },
      });
      this.published(afterCommit, id, (await unitsPort.findById(tx, r.unit_id))!.path);
      return repo.counts(tx, r);
    });
  }

  /** Closing ends release staff's access; only the head or safety officer closes. */
  async close(actor: Actor, id: string): Promise<void> {
    await transactionWithHooks(this.db, async (tx, afterCommit) => {
      const { r, keeper } = await this.access(actor, id, tx);
      if (!keeper) throw forbidden();
      if (r.status !== 'open') throw conflict('reunification.closed');
      const now = this.clock.now().toISOString();
      await repo.close(tx, id, actor.kind === 'account' ? actor.personId : null, now);
      const counts = await repo.counts(tx, r);
      await this.audit.record(tx, actor, {
        action: 'reunification.close',
        entity: 'reunification',
        entityId: id,
        unitId: r.unit_id,
        after: { released: counts.released, absent: counts.absent, waiting: counts.waiting, refused: counts.refused },
      });
      this.published(afterCommit, id, (await unitsPort.findById(tx, r.unit_id))!.path);
    });
  }

  /**
   * Who may look: the school's head and safety officer always; release staff while it is open.
   * Anyone else — a teacher not releasing, a unit above — is not told it exists.
   */
  private async access(actor: Actor, id: string, db: Executor, need?: 'open'): Promise<Access> {
    const r = await repo.find(db, id);
    if (!r) throw notFound();
    await this.units.requireVisible(actor, r.unit_id, db);
    const staff = await repo.staffOf(db, id);
    const keeper = keepsRosters(actor, r.unit_id);
    const releaser = releasesChildren(
      actor,
      r,
      staff.map((s) => s.id),
    );
    if (!keeper && !releaser) throw notFound();
    if (need === 'open' && r.status !== 'open') throw conflict('reunification.closed');
    return { r, staff, keeper };
  }

  private published(afterCommit: AfterCommit, id: string, unitPath: string): void {
    afterCommit(() => this.bus.publish({ kind: 'reunification', reunificationId: id, unitPath }));
  }
}

const sameKeyRace = (error: unknown) =>
  repo.isUniqueViolation(error) || (error instanceof AppError && error.status === 409);

function refusedError(failed: ReleaseCheck[]): AppError {
  return new AppError(
    422,
    'release-refused',
    'reunification.refused',
    {},
    failed.map((check) => ({ field: `adult.${check}`, key: 'reunification.doesNotMatch' })),
  );
}
