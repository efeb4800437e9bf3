import { DateTime } from 'luxon';
import { EVACUATION_TARGET_SECONDS } from '../../../common/schemas/drills.js';
import {
  MARK_STATUSES,
  type GroupKind,
  type MarkItem,
  type MarkStatus,
  type RollCallListQuery,
  type StartRollCallBody,
} from '../../../common/schemas/roll-calls.js';
import type { Db, DialectName, Executor } from '../../db/database.js';
import { transactionWithHooks, type AfterCommit } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import {
  AppError,
  conflict,
  forbidden,
  invalid,
  invalidFields,
  notFound,
  type FieldProblem,
} from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { say, type Wording } from '../../lib/wording.js';
import type { LiveBus } from '../../notify/live-bus.js';
import type { Notifier } from '../../notify/notifier.js';
import type { Actor } from '../auth/actor.js';
import { logAccess } from '../audit/access-log.js';
import type { AuditTrail } from '../audit/audit.service.js';
import { ruleBook } from '../compliance/rules-data.js';
import * as drillsPort from '../drills/drills.read-port.js';
import * as incidentsPort from '../incidents/incidents.read-port.js';
import * as peoplePort from '../people/people.read-port.js';
import * as rostersPort from '../rosters/rosters.read-port.js';
import { canSee, scopeRoots } from '../units/units.policy.js';
import type { UnitService } from '../units/units.service.js';
import * as visitorsPort from '../visitors/visitors.read-port.js';
import { mayClose, mayOpenGroup, mayStart, type GroupRef } from './roll-calls.policy.js';
import * as repo from './roll-calls.repository.js';

/** Units with pupils to account for. */
const SCHOOL_TYPES = new Set(['school', 'central_school', 'kindergarten']);

/** What the roll call asks of other modules, wired by the container. */
export interface RollCallPorts {
  /** Ids of the staff and duty leaders on duty at the unit now (duty roster), or null when no shift is on. */
  onDuty(unitId: string, at: Date, tx: Executor): Promise<{ staff: string[]; leaders: string[] } | null>;
  /** The deputy acting for an away head, or null. */
  actingHead(unitId: string, at: Date, tx: Executor): Promise<string | null>;
  /** Writes the drill's measured evacuation time (drills module). */
  evacuationMeasured(tx: Executor, actor: Actor, drillId: string, seconds: number): Promise<void>;
}

export type Tally = Record<MarkStatus | 'unreported', number>;
export const emptyTally = (): Tally => ({ present: 0, missing: 0, injured: 0, absent: 0, unreported: 0 });

export interface GroupView {
  key: string;
  kind: GroupKind;
  name: string | null;
  teacherName: string | null;
  tally: Tally;
  /** When everyone in it had been marked; null until then. */
  reportedAt: string | null;
  mayOpen: boolean;
}

export interface RollCallView {
  row: repo.RollCallWithUnit;
  tally: Tally;
  groups: GroupView[];
  alerts: Awaited<ReturnType<typeof repo.alertsOf>>;
  mayClose: boolean;
  now: Date;
}

export interface SubjectView {
  subject: repo.RollCallSubjectRow;
  name: string;
  marks: Awaited<ReturnType<typeof repo.marksOf>>;
}

export interface MarkOutcome {
  stored: number;
  repeated: number;
}

/** The target for a unit's type from the evacuation rule (templates/rules/drills.json). */
export function evacuationTarget(unitType: string): number {
  const rule = ruleBook().drills.rules.find((r) => (r.unitTypes as string[]).includes(unitType));
  return rule?.evacuationTargetSeconds ?? EVACUATION_TARGET_SECONDS;
}

const groupKindOf = (key: string): GroupKind => (key === 'staff' ? 'staff' : key === 'visitors' ? 'visitors' : 'class');

/** A unique index refused the row (PostgreSQL 23505, SQLite's constraint error). */
const isUniqueViolation = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
};

/** How far a phone's clock may be off either way before its time is not believed. */
const SKEW_MS = 60_000;

const seconds = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 1000);

/**
 * Evacuation roll call (issue 17). The list is made once, at the start, from the class rosters, the
 * duty roster and the gate log, by reference only; names are read when a group is opened, each look
 * logged. Marks come in batches from phones that may have been offline: each is stored once (its
 * idempotency key), kept in the history, and the latest by the time it was made is the subject's
 * status. Someone marked missing alerts the head and the incident's handler at once; marked found,
 * the alert closes and they are told. When nobody is left unmarked the roll call is complete at the
 * time the last group was fully reported, and a drill's evacuation time is written from it.
 */
export class RollCallService {
  constructor(
    private readonly db: Db,
    private readonly dialect: DialectName,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly units: UnitService,
    private readonly notifier: Notifier,
    private readonly bus: LiveBus,
    private readonly ports: RollCallPorts,
  ) {}

  async start(actor: Actor, body: StartRollCallBody): Promise<string> {
    const now = this.clock.now();
    const at = now.toISOString();
    return transactionWithHooks(this.db, async (tx, afterCommit) => {
      const unit = await this.units.requireVisible(actor, body.unitId, tx);
      if (!SCHOOL_TYPES.has(unit.type)) throw invalid('unitId', 'rollCall.notSchool');
      const incident = body.incidentId ? await incidentsPort.forRollCall(tx, body.incidentId) : undefined;
      const handlers = incident?.unitId === unit.id ? incident.handlerIds : [];
      if (!mayStart(actor, unit.id, handlers)) throw forbidden();
      if (body.drillId && body.incidentId) throw invalid('incidentId', 'rollCall.drillOrIncident');
      let drill = false;
      if (body.drillId) {
        const found = await drillsPort.forRollCall(tx, body.drillId);
        if (!found || found.unitId !== unit.id) throw invalid('drillId', 'rollCall.otherUnit');
        if (found.status === 'done') throw invalid('drillId', 'rollCall.drillDone');
        if ((await repo.list(tx, null, { drillId: body.drillId }, 0, 1)).total > 0)
          throw conflict('rollCall.drillHasOne', {}, 'drillId');
        drill = true;
      }
      if (body.incidentId) {
        if (!incident || incident.unitId !== unit.id) throw invalid('incidentId', 'rollCall.otherUnit');
        if (incident.closed) throw invalid('incidentId', 'rollCall.incidentClosed');
        drill = incident.drill;
      }
      if (await repo.openRollCallOf(tx, unit.id)) throw conflict('rollCall.alreadyOpen', {}, 'unitId');

      const id = newId();
      const subjects: repo.RollCallSubjectRow[] = [];
      const add = (group_key: string, kind: repo.RollCallSubjectRow['kind'], ref: Partial<repo.RollCallSubjectRow>) =>
        subjects.push({
          id: newId(),
          roll_call_id: id,
          position: subjects.length,
          group_key,
          kind,
          pupil_id: null,
          person_id: null,
          visitor_id: null,
          status: null,
          first_marked_at: null,
          status_marked_at: null,
          status_mark_id: null,
          ...ref,
        });
      const classes = await rostersPort.classesWithPupils(tx, unit.id);
      for (const cls of classes) for (const pupilId of cls.pupilIds) add(cls.id, 'pupil', { pupil_id: pupilId });
      const onDuty = await this.ports.onDuty(unit.id, now, tx);
      for (const personId of new Set([...(onDuty?.leaders ?? []), ...(onDuty?.staff ?? [])]))
        add('staff', 'staff', { person_id: personId });
      const visitors = await visitorsPort.insideIds(tx, unit.id, at);
      for (const visitorId of visitors) add('visitors', 'visitor', { visitor_id: visitorId });
      if (subjects.length === 0) throw invalid('unitId', 'rollCall.nobody');

      const row: repo.RollCallRow = {
        id,
        unit_id: unit.id,
        drill_id: body.drillId ?? null,
        incident_id: body.incidentId ?? null,
        drill: drill ? 1 : 0,
        started_by_person_id: actor.kind === 'account' ? actor.personId : null,
        started_by_label: actor.kind === 'account' ? actor.username : `system:${actor.label}`,
        started_at: at,
        target_seconds: body.targetSeconds ?? evacuationTarget(unit.type),
        completed_at: null,
        closed_at: null,
        closed_by_person_id: null,
        state: 'open',
      };
      try {
        await repo.insertRollCall(tx, row);
      } catch (error) {
        // Two starts at the same moment: the one-open-per-unit index lets only one through.
        if (isUniqueViolation(error)) throw conflict('rollCall.alreadyOpen', {}, 'unitId');
        throw error;
      }
      await repo.insertSubjects(tx, subjects);
      await this.audit.record(tx, actor, {
        action: 'roll-call.start',
        entity: 'roll_call',
        entityId: id,
        unitId: unit.id,
        after: {
          drillId: row.drill_id,
          incidentId: row.incident_id,
          targetSeconds: row.target_seconds,
          pupils: subjects.filter((s) => s.kind === 'pupil').length,
          staff: subjects.filter((s) => s.kind === 'staff').length,
          visitors: visitors.length,
        },
      });
      // Each class's teacher and the gate are told at once: their list is waiting on their phone.
      const markers = [
        ...classes.filter((c) => c.pupilIds.length > 0).flatMap((c) => (c.teacherPersonId ? [c.teacherPersonId] : [])),
        ...(visitors.length ? await peoplePort.personIdsWithRole(tx, unit.id, 'gatekeeper') : []),
      ].filter((p) => actor.kind !== 'account' || p !== actor.personId);
      await this.notifier.tell(
        tx,
        afterCommit,
        markers,
        {
          kind: 'roll-call.started',
          title: say('rollCall.startedTitle', { drill: drill ? say('incident.drillMark') : '', unit: unit.name }),
          body: say('rollCall.startedBody', { target: Math.round(row.target_seconds / 60) }),
          link: `/roll-calls/${id}`,
          incidentId: row.incident_id,
          drill,
          locale: unit.locale,
          priority: 'urgent',
        },
        now,
      );
      this.changed(afterCommit, id, unit.path);
      return id;
    });
  }

  /** Roll calls of units the actor sees, newest first, each with its counts (no names). */
  async list(actor: Actor, query: RollCallListQuery): Promise<{ views: RollCallView[]; total: number }> {
    let within = scopeRoots(actor);
    if (query.unitId) within = [(await this.units.requireVisible(actor, query.unitId)).path];
    if (within?.length === 0) return { views: [], total: 0 };
    const page = await repo.list(
      this.db,
      within,
      { drillId: query.drillId, incidentId: query.incidentId, state: query.state },
      (query.page - 1) * query.pageSize,
      query.pageSize,
    );
    const views: RollCallView[] = [];
    for (const row of page.rows) if (canSee(actor, row.unit_path)) views.push(await this.view(actor, row));
    return { views, total: page.total };
  }

  /** A roll call with its counts per group: names are not in it, so anyone who sees the unit may read it. */
  async get(actor: Actor, id: string): Promise<RollCallView> {
    return this.view(actor, await this.visible(actor, id, this.db));
  }

  private async view(actor: Actor, row: repo.RollCallWithUnit, db: Executor = this.db): Promise<RollCallView> {
    const id = row.id;
    const byGroup = new Map<string, { tally: Tally; last: string | null }>();
    const tally = emptyTally();
    for (const t of await repo.tallies(db, [id])) {
      const g = byGroup.get(t.group_key) ?? { tally: emptyTally(), last: null };
      g.tally[t.status ?? 'unreported'] += t.n;
      tally[t.status ?? 'unreported'] += t.n;
      if (t.last && (!g.last || t.last > g.last)) g.last = t.last;
      byGroup.set(t.group_key, g);
    }
    const keys = await repo.groupKeys(db, id);
    const classes = await rostersPort.classesById(
      db,
      keys.filter((k) => groupKindOf(k.group_key) === 'class').map((k) => k.group_key),
    );
    const groups = keys.map(({ group_key: key }): GroupView => {
      const kind = groupKindOf(key);
      const cls = classes.get(key) ?? null;
      const g = byGroup.get(key) ?? { tally: emptyTally(), last: null };
      return {
        key,
        kind,
        name: kind === 'class' ? (cls?.name ?? null) : null,
        teacherName: cls?.teacherName ?? null,
        tally: g.tally,
        reportedAt: g.tally.unreported === 0 ? g.last : null,
        mayOpen: mayOpenGroup(actor, this.groupRef(row, key, cls)),
      };
    });
    const alerts = await repo.alertsOf(db, id);
    return {
      row,
      tally,
      groups,
      alerts,
      mayClose: row.state === 'open' && mayClose(actor, row),
      now: this.clock.now(),
    };
  }

  /**
   * One group's names and marks: a class for its own teacher, every group for the school's head and
   * safety officer, staff and visitors also for the gate and duty roles there; a supervisor above sees
   * counts only. Each look is a row of the access log, without the names.
   */
  async group(
    actor: Actor,
    id: string,
    key: string,
  ): Promise<{ view: GroupView; row: repo.RollCallWithUnit; subjects: SubjectView[] }> {
    const row = await this.visible(actor, id, this.db);
    const subjects = await repo.subjectsOf(this.db, id, key);
    if (subjects.length === 0) throw notFound();
    const kind = groupKindOf(key);
    const cls = kind === 'class' ? ((await rostersPort.classesById(this.db, [key])).get(key) ?? null) : null;
    // Someone who may not open the names is not told more than the counts they already see.
    if (!mayOpenGroup(actor, this.groupRef(row, key, cls))) throw notFound();
    const names = await this.namesOf(subjects);
    const marks = await repo.marksOf(
      this.db,
      subjects.map((s) => s.id),
    );
    const tally = emptyTally();
    let last: string | null = null;
    const listed: SubjectView[] = [];
    for (const s of subjects) {
      const name = names.get(s.id);
      if (name === undefined) continue;
      tally[s.status ?? 'unreported'] += 1;
      if (s.first_marked_at && (!last || s.first_marked_at > last)) last = s.first_marked_at;
      listed.push({ subject: s, name, marks: marks.filter((m) => m.subject_id === s.id) });
    }
    await logAccess(this.db, actor, this.clock.now(), {
      entity: kind === 'visitors' ? 'visitors' : 'roll-call',
      unitId: row.unit_id,
      detail: { rollCallId: id, group: key, people: listed.length },
    });
    return {
      row,
      view: {
        key,
        kind,
        name: cls?.name ?? null,
        teacherName: cls?.teacherName ?? null,
        tally,
        reportedAt: tally.unreported === 0 ? last : null,
        mayOpen: true,
      },
      subjects: listed,
    };
  }

  /**
   * A batch of marks from one phone. Marks already stored (the same key) are counted as repeated and
   * change nothing, even after the roll call closed; new marks on a closed roll call are refused, each
   * named. A tap's time is kept when it lies between a minute before the start and a minute ahead of
   * the server, else the time it arrives is taken.
   */
  async mark(actor: Actor, id: string, items: MarkItem[]): Promise<MarkOutcome> {
    const now = this.clock.now();
    const received = now.toISOString();
    return transactionWithHooks(this.db, async (tx, afterCommit) => {
      // On PostgreSQL the roll call's row is locked: batches of one roll call take turns, so the
      // one that marks the last person sees every other's marks and completes it.
      const rc = await repo.findRollCall(tx, id, this.dialect);
      if (!rc || !canSee(actor, rc.unit_path)) throw notFound();
      const subjects = new Map(
        (await repo.subjectsByIds(tx, [...new Set(items.map((m) => m.subjectId))])).map((s) => [s.id, s]),
      );
      const notOnList: FieldProblem[] = [];
      items.forEach((item, i) => {
        if (subjects.get(item.subjectId)?.roll_call_id !== id)
          notOnList.push({ field: `marks.${i}.subjectId`, key: 'rollCall.notOnList' });
      });
      if (notOnList.length) throw invalidFields(notOnList);
      // Whoever marks a group may open it: its teacher, the keepers, the gate and duty roles for staff and visitors.
      const keysTouched = new Set(items.map((m) => subjects.get(m.subjectId)!.group_key));
      const classes = await rostersPort.classesById(
        tx,
        [...keysTouched].filter((k) => groupKindOf(k) === 'class'),
      );
      for (const key of keysTouched)
        if (!mayOpenGroup(actor, this.groupRef(rc, key, classes.get(key) ?? null))) throw forbidden();

      const stored = new Map(
        (
          await repo.marksByKeys(
            tx,
            id,
            items.map((m) => m.key),
          )
        ).map((m) => [m.idempotency_key, m]),
      );
      const reused: FieldProblem[] = [];
      const closed: FieldProblem[] = [];
      const inBatch = new Map<string, MarkItem>();
      items.forEach((item, i) => {
        const before = stored.get(item.key) ?? inBatch.get(item.key);
        const beforeSubject = before && ('subject_id' in before ? before.subject_id : before.subjectId);
        if (before && (beforeSubject !== item.subjectId || before.status !== item.status))
          reused.push({ field: `marks.${i}.key`, key: 'rollCall.keyReused' });
        if (rc.state === 'closed' && !before) {
          const at = DateTime.fromISO(rc.closed_at!).setZone(rc.unit_time_zone).toFormat('HH:mm');
          closed.push({ field: `marks.${i}`, key: 'rollCall.closedMark', params: { at } });
        }
        inBatch.set(item.key, item);
      });
      if (reused.length) throw new AppError(409, 'conflict', 'rollCall.keyReusedTitle', {}, reused);
      if (closed.length) throw new AppError(409, 'conflict', 'rollCall.closed', {}, closed);

      const earliest = Date.parse(rc.started_at) - SKEW_MS;
      const latest = now.getTime() + SKEW_MS;
      const tapTime = (at: string) => {
        const ms = Date.parse(at);
        return ms >= earliest && ms <= latest ? new Date(ms).toISOString() : received;
      };
      const person = actor.kind === 'account' ? actor.personId : null;
      const label = actor.kind === 'account' ? actor.username : `system:${actor.label}`;
      const newMarks: repo.RollCallMarkRow[] = [];
      const taken = new Set(stored.keys());
      for (const item of items) {
        if (taken.has(item.key)) continue;
        taken.add(item.key);
        newMarks.push({
          id: newId(),
          roll_call_id: id,
          subject_id: item.subjectId,
          status: item.status,
          marked_at: tapTime(item.markedAt),
          received_at: received,
          marked_by_person_id: person,
          marked_by_label: label,
          idempotency_key: item.key,
        });
      }
      await repo.insertMarks(tx, newMarks);
      const changed = new Set<string>();
      for (const m of newMarks) {
        await repo.firstMarked(tx, m);
        if (await repo.applyLatest(tx, m)) changed.add(m.subject_id);
      }
      if (newMarks.length) {
        await this.alerts(tx, afterCommit, actor, rc, [...changed], now);
        await this.completion(tx, actor, rc);
        await this.audit.record(tx, actor, {
          action: 'roll-call.mark',
          entity: 'roll_call',
          entityId: id,
          unitId: rc.unit_id,
          after: {
            groups: [...keysTouched],
            ...Object.fromEntries(
              MARK_STATUSES.map((status) => [status, newMarks.filter((m) => m.status === status).length]),
            ),
          },
        });
        this.changed(afterCommit, id, rc.unit_path);
      }
      return { stored: newMarks.length, repeated: items.length - newMarks.length };
    });
  }

  /** Closes the roll call: no further mark is taken; open alerts stay on the record as they are. */
  async close(actor: Actor, id: string): Promise<void> {
    const now = this.clock.now();
    await transactionWithHooks(this.db, async (tx, afterCommit) => {
      const rc = await repo.findRollCall(tx, id, this.dialect);
      if (!rc || !canSee(actor, rc.unit_path)) throw notFound();
      if (!mayClose(actor, rc)) throw forbidden();
      if (rc.state === 'closed') throw conflict('rollCall.alreadyClosed');
      await repo.updateRollCall(tx, id, {
        state: 'closed',
        closed_at: now.toISOString(),
        closed_by_person_id: actor.kind === 'account' ? actor.personId : null,
      });
      const tally = emptyTally();
      for (const t of await repo.tallies(tx, [id])) tally[t.status ?? 'unreported'] += t.n;
      // The trail keeps the counts for ever; the subjects go with a purged pupil.
      await this.audit.record(tx, actor, {
        action: 'roll-call.close',
        entity: 'roll_call',
        entityId: id,
        unitId: rc.unit_id,
        after: { ...tally, completedAt: rc.completed_at },
      });
      this.changed(afterCommit, id, rc.unit_path);
    });
  }

  /** Missing: an alert opens and the head and handler are told at once; found: it closes and they are told. */
  private async alerts(
    tx: Executor,
    afterCommit: AfterCommit,
    actor: Actor,
    rc: repo.RollCallWithUnit,
    subjectIds: string[],
    now: Date,
  ): Promise<void> {
    if (subjectIds.length === 0) return;
    const opened = new Map<string, number>();
    const found = new Map<string, number>();
    for (const subject of await repo.subjectsByIds(tx, subjectIds)) {
      const alert = await repo.openAlertOf(tx, subject.id);
      if (subject.status === 'missing' && !alert) {
        await repo.insertAlert(tx, {
          id: newId(),
          roll_call_id: rc.id,
          subject_id: subject.id,
          opened_at: now.toISOString(),
          closed_at: null,
        });
        opened.set(subject.group_key, (opened.get(subject.group_key) ?? 0) + 1);
      } else if (subject.status !== 'missing' && alert) {
        await repo.closeAlert(tx, alert.id, now.toISOString());
        found.set(subject.group_key, (found.get(subject.group_key) ?? 0) + 1);
      }
    }
    if (opened.size === 0 && found.size === 0) return;
    const people = await this.alertees(tx, rc, now);
    const classes = await rostersPort.classesById(tx, [...opened.keys(), ...found.keys()]);
    const groupName = (key: string): Wording =>
      groupKindOf(key) === 'class'
        ? (classes.get(key)?.name ?? say('rollCall.group.class'))
        : say(`rollCall.group.${groupKindOf(key) as 'staff' | 'visitors'}`);
    const time = DateTime.fromJSDate(now).setZone(rc.unit_time_zone).toFormat('HH:mm');
    const drill = rc.drill ? say('incident.drillMark') : '';
    for (const [events, kind, titleKey, bodyKey] of [
      [opened, 'roll-call.missing', 'rollCall.missingTitle', 'rollCall.missingBody'],
      [found, 'roll-call.found', 'rollCall.foundTitle', 'rollCall.foundBody'],
    ] as const)
      for (const [key, count] of events)
        await this.notifier.tell(
          tx,
          afterCommit,
          people,
          {
            kind,
            title: say(titleKey, { drill, unit: rc.unit_name, group: groupName(key), count }),
            body: say(bodyKey, { time, by: actor.kind === 'account' ? actor.username : '' }),
            link: `/roll-calls/${rc.id}`,
            incidentId: rc.incident_id,
            drill: rc.drill === 1,
            locale: rc.unit_locale,
            priority: 'urgent',
          },
          now,
        );
  }

  /** The head (and an acting head), and the incident's handlers, else whoever started the roll call. */
  private async alertees(tx: Executor, rc: repo.RollCallRow, now: Date): Promise<string[]> {
    const people = await peoplePort.personIdsWithRole(tx, rc.unit_id, 'accountable_head');
    const acting = await this.ports.actingHead(rc.unit_id, now, tx);
    if (acting) people.push(acting);
    const incident = rc.incident_id ? await incidentsPort.forRollCall(tx, rc.incident_id) : undefined;
    if (incident?.handlerIds.length) people.push(...incident.handlerIds);
    else if (rc.started_by_person_id) people.push(rc.started_by_person_id);
    return [...new Set(people)];
  }

  /**
   * Complete once nobody is left unmarked (a child marked missing is reported: the alert runs on its
   * own), at the latest of everyone's first mark — when the last group was fully reported. Set once;
   * a drill's evacuation time is written from it.
   */
  private async completion(tx: Executor, actor: Actor, rc: repo.RollCallRow): Promise<void> {
    if (rc.state !== 'open' || rc.completed_at) return;
    const { open, last } = await repo.completion(tx, rc.id);
    if (open > 0 || !last) return;
    await repo.updateRollCall(tx, rc.id, { completed_at: last });
    if (rc.drill_id) await this.ports.evacuationMeasured(tx, actor, rc.drill_id, seconds(rc.started_at, last));
  }

  private async visible(actor: Actor, id: string, db: Executor): Promise<repo.RollCallWithUnit> {
    const row = await repo.findRollCall(db, id);
    if (!row || !canSee(actor, row.unit_path)) throw notFound();
    return row;
  }

  private groupRef(rc: repo.RollCallRow, key: string, cls: rostersPort.ClassForRollCall | null): GroupRef {
    return {
      kind: groupKindOf(key),
      unitId: rc.unit_id,
      cls: cls ? { unit_id: cls.unitId, teacher_person_id: cls.teacherPersonId } : null,
    };
  }

  /** Names read now, by kind: a pupil from the roster, staff from people, a visitor from the gate log. */
  private async namesOf(subjects: repo.RollCallSubjectRow[]): Promise<Map<string, string>> {
    const ids = (kind: string, pick: (s: repo.RollCallSubjectRow) => string | null) =>
      subjects.filter((s) => s.kind === kind).map((s) => pick(s)!);
    const pupils = await rostersPort.pupilNames(
      this.db,
      ids('pupil', (s) => s.pupil_id),
    );
    const staff = await peoplePort.personNames(
      this.db,
      ids('staff', (s) => s.person_id),
    );
    const visitors = await visitorsPort.visitorLabels(
      this.db,
      ids('visitor', (s) => s.visitor_id),
    );
    const out = new Map<string, string>();
    for (const s of subjects) {
      const name =
        s.kind === 'pupil'
          ? pupils.get(s.pupil_id!)
          : s.kind === 'staff'
            ? staff.get(s.person_id!)
            : visitors.get(s.visitor_id!);
      if (name !== undefined) out.set(s.id, name);
    }
    return out;
  }

  private changed(afterCommit: AfterCommit, rollCallId: string, unitPath: string): void {
    afterCommit(() => this.bus.publish({ kind: 'roll-call', rollCallId, unitPath }));
  }
}
