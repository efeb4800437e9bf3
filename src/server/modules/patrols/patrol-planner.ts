import { DateTime } from 'luxon';
import { PATROL_TIME_LIMIT_MINUTES } from '../../../common/schemas/patrols.js';
import type { PatrolKind } from '../../../common/schemas/patrol-limits.js';
import { localDate, localToUtc, nextDay } from '../../../common/time.js';
import type { AfterCommit, Executor } from '../../db/database.js';
import type { UnitRow } from '../units/units.table.js';
import type { DeadlineEngine } from '../../engine/engine.js';
import { newId } from '../../lib/ids.js';
import { inEach, say } from '../../lib/wording.js';
import type { Notifier } from '../../notify/notifier.js';
import { engineActor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import * as peoplePort from '../people/people.read-port.js';
import type { PlanRules } from '../plans/rules-in-force.js';
import * as unitsPort from '../units/units.read-port.js';
import { nightWindow, patrolCounts, scheduledTimes, unannouncedTimes, type NightWindow } from './patrol-times.js';
import * as repo from './patrols.repository.js';

/** Plans one night of one unit; ref `<unitId>@<night date>`, due at that date's local midnight. */
export const PLAN_NIGHT_DEADLINE = 'patrols.plan-night';
/** Tells the duty staff a patrol is due; ref the patrol. */
export const PROMPT_DEADLINE = 'patrols.prompt';
/** The patrol's time is up; ref the patrol. */
export const OVERDUE_DEADLINE = 'patrols.overdue';

export const TIME_LIMIT_MS = PATROL_TIME_LIMIT_MINUTES * 60_000;

/**
 * Who is on duty in a unit at a moment, when the duty rosters can say: duty staff (and the gate)
 * to prompt, duty leaders to escalate to. Null (or no lookup) falls back to the role holders.
 */
export type OnDutyLookup = (
  unitId: string,
  at: Date,
  tx: Executor,
) => Promise<{ staff: string[]; leaders: string[] } | null>;

const localeOf = (unit: UnitRow) => (unit.locale === 'en' ? 'en' : 'zh-CN');
const hhmm = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toFormat('HH:mm');

/**
 * The engine's side of patrols. Each night is planned at its local midnight by a deadline that
 * also schedules the next night's, so the chain survives restarts and each night reads the plan
 * in force that day. The chain runs while the unit has active checkpoints; adding or re-activating
 * one starts it again.
 */
export class PatrolPlanner {
  constructor(
    private readonly audit: AuditTrail,
    private readonly rules: PlanRules,
    private readonly engine: DeadlineEngine,
    private readonly notifier: Notifier,
    private readonly onDuty?: OnDutyLookup,
  ) {}

  /** Tonight planned (if it is not yet) and tomorrow's planner waiting: called when a checkpoint appears. */
  async ensurePlanned(tx: Executor, unit: UnitRow, now: Date): Promise<void> {
    const today = localDate(now, unit.time_zone);
    await this.planNight(tx, unit, today, now);
    await this.schedulePlanner(tx, unit, nextDay(today));
  }

  private async schedulePlanner(tx: Executor, unit: UnitRow, nightDate: string): Promise<void> {
    await this.engine.schedule(tx, {
      kind: PLAN_NIGHT_DEADLINE,
      refId: `${unit.id}@${nightDate}`,
      unitId: unit.id,
      dueAt: localToUtc(nightDate, '00:00', unit.time_zone),
    });
  }

  async onPlanNight(tx: Executor, ref: string, now: Date): Promise<void> {
    const [unitId = '', nightDate = ''] = ref.split('@');
    const unit = await unitsPort.findById(tx, unitId);
    if (!unit || (await repo.countCheckpoints(tx, unitId, true)) === 0) return;
    await this.planNight(tx, unit, nightDate, now);
    await this.schedulePlanner(tx, unit, nextDay(nightDate));
  }

  /**
   * The night's patrols from the plan in force: fixed times from the window's start, unannounced
   * times drawn at random. A night already under way (planned late) keeps only what is still ahead.
   * Unannounced rows go in after the fixed ones, so not even their ids' order gives their times away.
   */
  async planNight(tx: Executor, unit: UnitRow, nightDate: string, now: Date): Promise<number> {
    if (await repo.nightPlanned(tx, unit.id, nightDate)) return 0;
    const { rules } = await this.rules.forUnit(unit.id, now, tx);
    if (!rules.duty.patrolWindow) return 0;
    const w = nightWindow(nightDate, rules.duty.patrolWindow, unit.time_zone);
    if (w.end <= now) return 0;
    return this.drawNight(tx, unit, w, patrolCounts(rules.duty), now, 'patrol.plan-night');
  }

  /**
   * Draws what is still ahead of a night's window: the fixed times from the window's start that
   * are not past, and `counts.unannounced` random times between now (or the start) and the end.
   */
  async drawNight(
    tx: Executor,
    unit: UnitRow,
    w: NightWindow,
    counts: { scheduled: number; unannounced: number },
    now: Date,
    action: string,
  ): Promise<number> {
    const nightDate = w.nightDate;
    const ahead = { ...w, start: w.start > now ? w.start : now };
    const times: [PatrolKind, Date][] = [
      ...scheduledTimes(w, counts.scheduled)
        .filter((t) => t >= now)
        .map((t): [PatrolKind, Date] => ['scheduled', t]),
      ...unannouncedTimes(ahead, counts.unannounced).map((t): [PatrolKind, Date] => ['unannounced', t]),
    ];
    const created = now.toISOString();
    const rows = times.map(([kind, at]): repo.PatrolRow => ({
      id: newId(),
      unit_id: unit.id,
      night_date: nightDate,
      kind,
      state: 'planned',
      due_at: at.toISOString(),
      opened_at: null,
      deadline_at: null,
      done_at: null,
      started_by_person_id: null,
      created_at: created,
    }));
    await repo.insertPatrols(tx, rows);
    for (const row of rows)
      await this.engine.schedule(tx, {
        kind: PROMPT_DEADLINE,
        refId: row.id,
        unitId: unit.id,
        dueAt: new Date(row.due_at),
      });
    // The trail says how many, never when: it is readable by more people than the duty staff.
    await this.audit.record(tx, engineActor, {
      action,
      entity: 'unit',
      entityId: unit.id,
      unitId: unit.id,
      after: {
        nightDate,
        scheduled: rows.filter((r) => r.kind === 'scheduled').length,
        unannounced: rows.filter((r) => r.kind === 'unannounced').length,
      },
    });
    return rows.length;
  }

  /** A patrol opens: the duty staff are told, and its time limit starts. */
  async onPrompt(tx: Executor, patrolId: string, now: Date, afterCommit: AfterCommit): Promise<void> {
    const patrol = await repo.findPatrol(tx, patrolId);
    if (!patrol || patrol.state !== 'planned') return;
    const unit = (await unitsPort.findById(tx, patrol.unit_id))!;
    const points = await repo.countCheckpoints(tx, unit.id, true);
    const { rules } = await this.rules.forUnit(unit.id, now, tx);
    // Steady was down past the whole time limit, or the plan or the points are gone: nobody is asked.
    const reason =
      points === 0
        ? 'no-checkpoints'
        : !rules.duty.patrolWindow
          ? 'no-window'
          : now.getTime() - Date.parse(patrol.due_at) > TIME_LIMIT_MS
            ? 'late'
            : null;
    if (reason) {
      await repo.updatePatrol(tx, patrol.id, { state: 'cancelled' });
      await this.audit.record(tx, engineActor, {
        action: 'patrol.cancel',
        entity: 'patrol',
        entityId: patrol.id,
        unitId: unit.id,
        after: { reason },
      });
      return;
    }
    const deadline = new Date(now.getTime() + TIME_LIMIT_MS);
    await repo.updatePatrol(tx, patrol.id, {
      state: 'open',
      opened_at: now.toISOString(),
      deadline_at: deadline.toISOString(),
    });
    await this.engine.schedule(tx, { kind: OVERDUE_DEADLINE, refId: patrol.id, unitId: unit.id, dueAt: deadline });
    const locale = localeOf(unit);
    await this.notifier.tell(
      tx,
      afterCommit,
      await this.staffOf(tx, unit.id, now),
      {
        // A prompt is due now and a missed round escalates: neither may wait behind routine messages.
        kind: 'patrols.prompt',
        locale,
        link: `/patrols?unit=${unit.id}`,
        priority: 'urgent',
        title: say(patrol.kind === 'unannounced' ? 'patrol.promptUnannouncedTitle' : 'patrol.promptTitle', {
          unit: unit.name,
        }),
        body: say('patrol.promptBody', {
          points,
          minutes: PATROL_TIME_LIMIT_MINUTES,
          until: hhmm(deadline, unit.time_zone),
        }),
      },
      now,
    );
    await this.audit.record(tx, engineActor, {
      action: 'patrol.open',
      entity: 'patrol',
      entityId: patrol.id,
      unitId: unit.id,
      after: { kind: patrol.kind, deadlineAt: deadline.toISOString() },
    });
  }

  /** Time is up: done if every active point was reached, else missed and the duty leader told. */
  async onOverdue(tx: Executor, patrolId: string, now: Date, afterCommit: AfterCommit): Promise<void> {
    const patrol = await repo.findPatrol(tx, patrolId);
    if (!patrol || patrol.state !== 'open') return;
    const unit = (await unitsPort.findById(tx, patrol.unit_id))!;
    const active = await repo.checkpointsOf(tx, unit.id, true);
    const reached = await repo.checkedPointIds(tx, patrol.id);
    const missing = active.filter((c) => !reached.has(c.id));
    if (missing.length === 0) {
      await repo.updatePatrol(tx, patrol.id, { state: 'done', done_at: now.toISOString() });
      await this.audit.record(tx, engineActor, {
        action: 'patrol.done',
        entity: 'patrol',
        entityId: patrol.id,
        unitId: unit.id,
      });
      return;
    }
    await repo.updatePatrol(tx, patrol.id, { state: 'missed' });
    await this.audit.record(tx, engineActor, {
      action: 'patrol.missed',
      entity: 'patrol',
      entityId: patrol.id,
      unitId: unit.id,
      after: { checked: active.length - missing.length, of: active.length },
    });
    const locale = localeOf(unit);
    await this.notifier.tell(
      tx,
      afterCommit,
      await this.leadersOf(tx, unit.id, now),
      {
        kind: 'patrols.missed',
        locale,
        link: `/patrols?unit=${unit.id}`,
        priority: 'urgent',
        title: say('patrol.missedTitle', { unit: unit.name, time: hhmm(new Date(patrol.due_at), unit.time_zone) }),
        body: say('patrol.missedBody', {
          checked: active.length - missing.length,
          of: active.length,
          missing: inEach((l) => missing.map((c) => c.name).join(l === 'en' ? ', ' : '、')),
        }),
      },
      now,
    );
  }

  /**
   * Who the duty roster has on duty now, or null when no shift is on: the one fact that the unit page's
   * gate card and the duty screens' 当前值班 both read, so they cannot disagree (issue #13).
   */
  async rosteredNow(tx: Executor, unitId: string, at: Date): Promise<{ staff: string[]; leaders: string[] } | null> {
    return (await this.onDuty?.(unitId, at, tx)) ?? null;
  }

  /** Whom a prompt goes to: the duty staff on the roster now (else everyone holding duty_staff), and the gate. */
  async staffOf(tx: Executor, unitId: string, at: Date): Promise<string[]> {
    const rostered = await this.onDuty?.(unitId, at, tx);
    const staff =
      rostered && rostered.staff.length ? rostered.staff : await peoplePort.personIdsWithRole(tx, unitId, 'duty_staff');
    return [...new Set([...staff, ...(await peoplePort.personIdsWithRole(tx, unitId, 'gatekeeper'))])];
  }

  /** Whom a missed patrol goes to: the duty leader; a unit with none names its safety officer instead. */
  private async leadersOf(tx: Executor, unitId: string, at: Date): Promise<string[]> {
    const rostered = await this.onDuty?.(unitId, at, tx);
    if (rostered && rostered.leaders.length) return rostered.leaders;
    const leaders = await peoplePort.personIdsWithRole(tx, unitId, 'duty_leader');
    return leaders.length ? leaders : peoplePort.personIdsWithRole(tx, unitId, 'safety_officer');
  }
}
