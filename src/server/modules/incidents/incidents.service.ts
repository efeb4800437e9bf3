import { DateTime } from 'luxon';
import type { AfterActionReport, IncidentStatus, ReportIncidentBody } from '../../../common/schemas/incidents.js';
import { INCIDENT_STATUSES } from '../../../common/schemas/incidents.js';
import type { PageQuery } from '../../../common/schemas/shared.js';
import { transactionWithHooks, type AfterCommit, type Db, type Executor } from '../../db/database.js';
import type { IncidentFlagRow, IncidentRow } from './incidents.table.js';
import type { DeadlineEngine } from '../../engine/engine.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, conflict, invalid, invalidFields, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { translate } from '../../lib/messages.js';
import { actorLabel, type Actor, type SystemActor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import type { PlanRules } from '../plans/rules-in-force.js';
import { canSee, requireManage, scopeRoots } from '../units/units.policy.js';
import * as unitsPort from '../units/units.read-port.js';
import type { UnitService } from '../units/units.service.js';
import {
  activate,
  actsOnStep,
  advance,
  buildSteps,
  complete,
  FALLBACK_CHAIN,
  onStepDue,
  recordEvent,
  withFirstActive,
  type AckVia,
  type ActingHeads,
  type ChainContext,
} from './incident-chain.js';
import type { FollowUpTasks } from './follow-up-tasks.js';
import { IncidentHooks } from './incident-hooks.js';
import type { IncidentNotifier } from './incident-notifier.js';
import type { IncidentBundle } from './incidents.presenter.js';
import { reachedAbout } from '../../notify/deliveries.read-port.js';
import * as peoplePort from '../people/people.read-port.js';
import { photosOf } from '../photos/photos.read-port.js';
import * as repo from './incidents.repository.js';

/** A report this long after the incident's own time is flagged as possibly concealed. */
export const CONCEALED_AFTER_MINUTES = 60;
export const STEP_DEADLINE = 'incidents.step';

/** What a report wrote that its answer shows: the incident, its flag, the names of the units above it. */
interface Filed {
  incident: repo.IncidentWithUnit;
  flags: IncidentFlagRow[];
  unitNames: Map<string, string>;
}

export class IncidentService {
  /** Moments other modules act on (a report, a status change) and what the board shows of them. */
  readonly hooks = new IncidentHooks();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly units: UnitService,
    private readonly rules: PlanRules,
    private readonly engine: DeadlineEngine,
    private readonly notifier: IncidentNotifier,
    private readonly heads?: ActingHeads,
    private readonly followUpTasks?: FollowUpTasks,
  ) {}

  private context(
    tx: Executor,
    incident: repo.IncidentWithUnit,
    actor: Actor,
    afterCommit: AfterCommit,
    now = this.clock.now(),
  ): ChainContext {
    return {
      tx,
      now,
      incident,
      notifier: this.notifier,
      rules: this.rules,
      afterCommit,
      heads: this.heads,
      actor: { personId: actor.kind === 'account' ? actor.personId : null, label: actorLabel(actor) },
    };
  }

  async get(actor: Actor, id: string, db: Executor = this.db): Promise<repo.IncidentWithUnit> {
    const incident = await repo.findIncident(db, id);
    if (!incident || !canSee(actor, incident.unit_path)) throw notFound();
    return incident;
  }

  /** Everything the incident page shows, read in one go. */
  async bundle(actor: Actor, id: string): Promise<IncidentBundle> {
    const incident = await this.get(actor, id);
    const [steps, events, flags, afterAction, photos] = await Promise.all([
      repo.stepsOf(this.db, [id]),
      repo.eventsOf(this.db, id),
      repo.flagsOf(this.db, [id]),
      repo.afterActionOf(this.db, id),
      photosOf(this.db, 'incident', id),
    ]);
    const filed = afterAction
      ? (JSON.parse(afterAction.content_json) as NonNullable<IncidentBundle['afterAction']>)
      : null;
    return this.assemble(incident, { steps, events, flags, afterAction: filed, photos });
  }

  /**
   * The page of an incident reported a moment ago. What the report itself wrote is known — the
   * incident, its flag, the units its chain names — and it has no photos, notes or after-action
   * report yet; only what the chain's steps and messages wrote is read back (five reads, not ten).
   */
  private async bundleOfNew(filed: Filed): Promise<IncidentBundle> {
    const { incident } = filed;
    const [steps, events] = await Promise.all([
      repo.stepsOf(this.db, [incident.id]),
      repo.eventsOf(this.db, incident.id),
    ]);
    return this.assemble(incident, {
      steps,
      events,
      flags: filed.flags,
      afterAction: null,
      photos: [],
      notes: [],
      unitNames: filed.unitNames,
    });
  }

  /** The rest of the page: who each step told and whether it reached them, and the names it shows. */
  private async assemble(
    incident: repo.IncidentWithUnit,
    parts: Pick<IncidentBundle, 'steps' | 'events' | 'flags' | 'afterAction' | 'photos'> &
      Partial<Pick<IncidentBundle, 'notes' | 'unitNames'>>,
  ): Promise<IncidentBundle> {
    const { steps, events, flags, afterAction } = parts;
    const [recipients, notes, units, reached] = await Promise.all([
      repo.recipientsOf(
        this.db,
        steps.map((s) => s.id),
      ),
      parts.notes ??
        repo.flagNotesOf(
          this.db,
          flags.map((f) => f.id),
        ),
      parts.unitNames ? [] : unitsPort.findByIds(this.db, [...new Set(steps.map((s) => s.target_unit_id))]),
      reachedAbout(this.db, incident.id),
    ]);
    const personIds = [
      incident.reporter_person_id,
      ...steps.map((s) => s.done_by_person_id),
      ...events.map((e) => e.person_id),
      ...flags.flatMap((f) => JSON.parse(f.person_ids_json) as string[]),
      ...(afterAction?.followUps.map((f) => f.ownerId) ?? []),
    ];
    const names = await repo.personNames(this.db, [...new Set(personIds.filter((x): x is string => Boolean(x)))]);
    return {
      ...parts,
      incident,
      recipients,
      notes,
      reached,
      unitNames: parts.unitNames ?? new Map(units.map((u) => [u.id, u.name])),
      names: new Map(names.map((p) => [p.id, p.name])),
    };
  }

  /**
   * The response principles of the plan in force for a unit, one per line, for whoever reports or
   * responds there; empty when the unit has no plan or its plan leaves them blank.
   */
  async principles(
    actor: Actor,
    unitId: string,
  ): Promise<{ unitId: string; planTitle: string | null; principles: string[] }> {
    const unit = await this.units.requireVisible(actor, unitId);
    const { rules, standing } = await this.rules.forUnit(unit.id, this.clock.now());
    const lines = rules.principles
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    return { unitId: unit.id, planTitle: standing?.title ?? null, principles: lines };
  }

  /** The class the latest staged report names, for the CAP export; null before any report is sent. */
  async reportedClass(id: string): Promise<string | null> {
    return (await this.hooks.reportingOf(this.db, [id])).get(id)?.latest?.classCode ?? null;
  }

  /** The supervisor's board: incidents across the subtree, with every pending deadline of each chain. */
  async list(actor: Actor, options: PageQuery & { unitId?: string; open?: boolean }) {
    // A unit filter means that unit and everything below it: a central school sees its schools.
    const within = options.unitId ? [(await this.units.requireVisible(actor, options.unitId)).path] : scopeRoots(actor);
    const { rows, total } = await repo.listIncidents(
      this.db,
      within,
      { open: options.open },
      (options.page - 1) * options.pageSize,
      options.pageSize,
    );
    const ids = rows.map((r) => r.id);
    const [steps, flags] = await Promise.all([repo.stepsOf(this.db, ids), repo.flagsOf(this.db, ids)]);
    const units = await unitsPort.findByIds(this.db, [...new Set(steps.map((s) => s.target_unit_id))]);
    const unitNames = new Map(units.map((u) => [u.id, u.name]));
    const reporting = await this.hooks.reportingOf(this.db, ids);
    const items = rows.map((incident) => ({
      incident,
      steps: steps.filter((s) => s.incident_id === incident.id),
      flags: flags.filter((f) => f.incident_id === incident.id),
      reporting: reporting.get(incident.id) ?? null,
    }));
    return { items, unitNames, page: options.page, pageSize: options.pageSize, total };
  }

  /**
   * Anyone on staff reports; the plan in force gives the chain; the first step's people are told
   * at once, and every step's deadline is scheduled, counted from this moment.
   */
  async report(actor: Actor, input: ReportIncidentBody): Promise<repo.IncidentWithUnit> {
    return (await this.file(actor, input)).incident;
  }

  /** Reports, and answers with the incident's page as a read would show it. */
  async reportAndShow(actor: Actor, input: ReportIncidentBody): Promise<IncidentBundle> {
    return this.bundleOfNew(await this.file(actor, input));
  }

  private async file(actor: Actor, input: ReportIncidentBody): Promise<Filed> {
    const now = this.clock.now();
    const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
    if (occurredAt.getTime() > now.getTime() + 60_000) throw invalid('occurredAt', 'incident.occurredInFuture');
    return transactionWithHooks(this.db, async (tx, afterCommit) => {
      // This transaction publishes no plan: the chain and the staged reports share one read of the rules.
      this.rules.keepFor(tx);
      const unit = await this.units.requireVisible(actor, input.unitId, tx);
      const { rules, standing } = await this.rules.forUnit(unit.id, now, tx, unit);
      const row: IncidentRow = {
        id: newId(),
        unit_id: unit.id,
        type: input.type,
        severity: input.severity,
        place: input.place,
        description: input.description,
        occurred_at: occurredAt.toISOString(),
        reported_at: now.toISOString(),
        reporter_person_id: actor.kind === 'account' ? actor.personId : null,
        status: 'reported',
        drill: input.drill ? 1 : 0,
        plan_id: standing?.planId ?? null,
        plan_version: standing?.version ?? null,
        closed_at: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      };
      await repo.insertIncident(tx, row);
      const incident: repo.IncidentWithUnit = {
        ...row,
        unit_name: unit.name,
        unit_path: unit.path,
        unit_parent_id: unit.parent_id,
        unit_locale: unit.locale,
        unit_time_zone: unit.time_zone,
      };
      const ctx = this.context(tx, incident, actor, afterCommit, now);
      await recordEvent(ctx, 'reported', input.description, {
        type: input.type,
        severity: input.severity,
        place: input.place,
        drill: input.drill,
      });
      const flag = await this.flagIfConcealed(ctx, occurredAt, now);
      const lineage = await unitsPort.lineage(tx, incident.unit_path);
      const chain = rules.reportingChain.length ? rules.reportingChain : FALLBACK_CHAIN;
      const steps = withFirstActive(ctx, buildSteps(incident, chain, lineage));
      await repo.insertSteps(tx, steps);
      await this.engine.scheduleAll(
        tx,
        steps.map((step) => ({
          kind: STEP_DEADLINE,
          refId: step.id,
          unitId: incident.unit_id,
          dueAt: new Date(step.due_at),
        })),
      );
      if (steps[0] && (await activate(ctx, steps[0], true)) === 'practised') await advance(ctx, steps[0]);
      await this.audit.record(tx, actor, {
        action: 'incident.report',
        entity: 'incident',
        entityId: row.id,
        unitId: unit.id,
        after: { type: row.type, severity: row.severity, drill: input.drill },
      });
      await this.hooks.fireReported(tx, afterCommit, incident, now);
      this.notifier.changed(ctx);
      return { incident, flags: flag ? [flag] : [], unitNames: new Map(lineage.map((u) => [u.id, u.name])) };
    });
  }

  private async flagIfConcealed(ctx: ChainContext, occurredAt: Date, now: Date): Promise<IncidentFlagRow | null> {
    const minutes = Math.floor((now.getTime() - occurredAt.getTime()) / 60_000);
    if (minutes < CONCEALED_AFTER_MINUTES) return null;
    const flag: IncidentFlagRow = {
      id: newId(),
      incident_id: ctx.incident.id,
      step_id: null,
      kind: 'concealed',
      unit_id: ctx.incident.unit_id,
      person_ids_json: JSON.stringify(ctx.actor.personId ? [ctx.actor.personId] : []),
      set_at: now.toISOString(),
      detail_json: JSON.stringify({ minutesAfterOccurrence: minutes, occurredAt: occurredAt.toISOString() }),
    };
    await repo.raiseFlag(ctx.tx, flag);
    await recordEvent(ctx, 'flag.concealed', null, { minutes }, true);
    return flag;
  }

  /** Acknowledge a notification, or file the formal report upward: only the people the step told. */
  async completeStep(
    actor: Actor,
    incidentId: string,
    stepId: string,
    kind: 'notify' | 'report',
    text: string | null,
  ): Promise<void> {
    await this.act(actor, incidentId, async (ctx) => {
      const step = await this.stepToComplete(ctx, incidentId, stepId, kind);
      await complete(ctx, step, text);
      if (kind === 'notify' && ctx.incident.status === 'reported') await this.setStatus(ctx, 'acknowledged');
      return {
        action: kind === 'notify' ? 'incident.acknowledge' : 'incident.file-report',
        data: { stepId, position: step.position },
      };
    });
  }

  private async stepToComplete(ctx: ChainContext, incidentId: string, stepId: string, kind: 'notify' | 'report') {
    const step = await repo.findStep(ctx.tx, stepId);
    if (!step || step.incident_id !== incidentId) throw notFound();
    if (step.kind !== kind) throw new AppError(409, 'conflict', 'incident.wrongStepKind');
    if (step.state === 'done' || step.state === 'waiting')
      throw new AppError(409, 'conflict', 'incident.stepNotActive');
    // The parent unit, told of an overdue report, is told only: the report is the unit's own to file.
    const recipients = await repo.recipientsOf(ctx.tx, [step.id]);
    if (!recipients.some((r) => r.person_id === ctx.actor.personId && actsOnStep(r.reason)))
      throw new AppError(403, 'forbidden', 'incident.notYourStep');
    return step;
  }

  /** A step in a few words for the acknowledge page (no session, so no access check: the link is the right). */
  stepSummary(db: Executor, stepId: string) {
    return repo.stepSummary(db, stepId);
  }

  /**
   * An acknowledgement without a session: the acknowledge link or a reply proves who it is, and
   * the link's holder may acknowledge only the step it was issued for, inside the caller's
   * transaction. The audit and the timeline name the person and how it came.
   */
  async acknowledgeAs(
    tx: Executor,
    afterCommit: AfterCommit,
    personId: string,
    stepId: string,
    via: Exclude<AckVia, 'app'>,
  ): Promise<void> {
    const step = await repo.findStep(tx, stepId);
    const incident = step ? await repo.findIncident(tx, step.incident_id) : undefined;
    if (!step || !incident) throw notFound();
    if (incident.status === 'closed') throw new AppError(409, 'conflict', 'incident.notFinished');
    const [person] = await repo.personNames(tx, [personId]);
    const actor: SystemActor = { kind: 'system', label: `ack-${via}` };
    const ctx = {
      ...this.context(tx, incident, actor, afterCommit),
      actor: { personId, label: `${person?.name ?? personId} (${via})` },
    };
    const found = await this.stepToComplete(ctx, incident.id, stepId, 'notify');
    await complete(ctx, found, null, via);
    if (incident.status === 'reported') await this.setStatus(ctx, 'acknowledged');
    await this.audit.record(tx, actor, {
      action: 'incident.acknowledge',
      entity: 'incident',
      entityId: incident.id,
      unitId: incident.unit_id,
      after: { stepId, position: found.position, personId, via },
    });
    this.notifier.changed(ctx);
  }

  async addEvent(actor: Actor, incidentId: string, kind: 'comment' | 'update', text: string): Promise<void> {
    await this.act(actor, incidentId, async (ctx) => {
      await recordEvent(ctx, kind, text);
      return null;
    });
  }

  /** Status moves forward only; closing needs the after-action report (see close). */
  async changeStatus(
    actor: Actor,
    incidentId: string,
    status: Exclude<IncidentStatus, 'reported' | 'acknowledged' | 'closed'>,
  ): Promise<void> {
    await this.act(actor, incidentId, async (ctx) => {
      requireManage(actor, ctx.incident.unit_path);
      if (INCIDENT_STATUSES.indexOf(status) <= INCIDENT_STATUSES.indexOf(ctx.incident.status)) {
        throw conflict('incident.statusBackwards', {}, 'status');
      }
      await this.setStatus(ctx, status);
      return { action: 'incident.status', data: { status } };
    });
  }

  private async setStatus(ctx: ChainContext, status: IncidentStatus): Promise<void> {
    await repo.updateIncident(ctx.tx, ctx.incident.id, { status, updated_at: ctx.now.toISOString() });
    await recordEvent(ctx, 'status', null, { from: ctx.incident.status, to: status });
    await this.hooks.fireStatusChanged(ctx.tx, ctx.afterCommit, { ...ctx.incident, status }, ctx.now);
  }

  /** An explanation appended to a flag; the flag itself stays. */
  async explainFlag(actor: Actor, incidentId: string, flagId: string, text: string): Promise<void> {
    await this.act(
      actor,
      incidentId,
      async (ctx) => {
        const flag = await repo.findFlag(ctx.tx, flagId);
        if (!flag || flag.incident_id !== incidentId) throw notFound();
        await repo.addFlagNote(ctx.tx, {
          id: newId(),
          flag_id: flagId,
          person_id: ctx.actor.personId,
          actor_label: ctx.actor.label,
          text,
          at: ctx.now.toISOString(),
        });
        await recordEvent(ctx, 'flag.explained', text, { flagId, kind: flag.kind });
        return { action: 'incident.explain-flag', data: { flagId } };
      },
      true,
    );
  }

  /**
   * Closes with the written after-action report, filed with the parent unit. Steps never done
   * become missing reports on the record.
   */
  async close(actor: Actor, incidentId: string, report: AfterActionReport): Promise<void> {
    await this.act(actor, incidentId, async (ctx) => {
      requireManage(actor, ctx.incident.unit_path);
      const owners = new Set(
        (
          await repo.personNames(
            ctx.tx,
            report.followUps.map((f) => f.ownerId),
          )
        ).map((p) => p.id),
      );
      const unknown = report.followUps.findIndex((f) => !owners.has(f.ownerId));
      if (unknown >= 0) throw invalid(`report.followUps.${unknown}.ownerId`, 'plan.personUnknown');
      const taskIds = await this.trackFollowUps(ctx, actor, report);
      const steps = await repo.stepsOf(ctx.tx, [incidentId]);
      for (const step of steps.filter((s) => s.state !== 'done')) {
        await repo.raiseFlag(ctx.tx, {
          id: newId(),
          incident_id: incidentId,
          step_id: step.id,
          kind: 'missing',
          unit_id: ctx.incident.unit_id,
          person_ids_json: JSON.stringify((await repo.recipientsOf(ctx.tx, [step.id])).map((r) => r.person_id)),
          set_at: ctx.now.toISOString(),
          detail_json: JSON.stringify({ position: step.position }),
        });
        await this.engine.cancel(ctx.tx, STEP_DEADLINE, step.id);
      }
      const filed = { ...report, followUps: report.followUps.map((f, i) => ({ ...f, taskId: taskIds[i] ?? null })) };
      await repo.insertAfterAction(ctx.tx, {
        incident_id: incidentId,
        content_json: JSON.stringify(filed),
        filed_by_person_id: ctx.actor.personId,
        filed_at: ctx.now.toISOString(),
      });
      await repo.updateIncident(ctx.tx, incidentId, {
        status: 'closed',
        closed_at: ctx.now.toISOString(),
        updated_at: ctx.now.toISOString(),
      });
      await recordEvent(ctx, 'closed', null, { missing: steps.filter((s) => s.state !== 'done').length });
      const closed = { ...ctx.incident, status: 'closed' as const, closed_at: ctx.now.toISOString() };
      await this.hooks.fireStatusChanged(ctx.tx, ctx.afterCommit, closed, ctx.now);
      if (ctx.incident.unit_parent_id && !ctx.incident.drill)
        await this.notifier.closed(
          ctx,
          await peoplePort.personIdsWithRole(ctx.tx, ctx.incident.unit_parent_id, 'supervisor'),
        );
      return { action: 'incident.close', data: { missing: steps.filter((s) => s.state !== 'done').length } };
    });
  }

  /**
   * Each follow-up of the report becomes a rectification task of the unit, due at the end of its
   * day in the unit's zone, so that it is chased like any hazard; all are checked before any is made.
   */
  private async trackFollowUps(ctx: ChainContext, actor: Actor, report: AfterActionReport): Promise<string[]> {
    const tasks = this.followUpTasks;
    if (!tasks || report.followUps.length === 0) return [];
    const { incident } = ctx;
    const dueAt = (date: string) => DateTime.fromISO(date, { zone: incident.unit_time_zone }).endOf('day').toJSDate();
    const problems = [];
    for (const [i, f] of report.followUps.entries())
      problems.push(
        ...(await tasks.check(ctx.tx, incident.unit_id, f.ownerId, dueAt(f.dueDate), `report.followUps.${i}.`)),
      );
    if (problems.length) throw invalidFields(problems);
    const unit = await this.units.requireManageable(actor, incident.unit_id, ctx.tx);
    const local = DateTime.fromISO(incident.occurred_at, { zone: incident.unit_time_zone }).toFormat('yyyy-MM-dd');
    const drillMark = incident.drill
      ? translate(incident.unit_locale === 'en' ? 'en' : 'zh-CN', 'incident.drillMark')
      : '';
    const label = `${drillMark}${local} ${incident.place}`;
    const ids: string[] = [];
    for (const f of report.followUps) {
      ids.push(
        await tasks.create(ctx.tx, ctx.afterCommit, actor, {
          unit,
          incidentId: incident.id,
          label,
          detail: incident.description,
          title: f.task,
          ownerPersonId: f.ownerId,
          dueAt: dueAt(f.dueDate),
        }),
      );
    }
    return ids;
  }

  /** One action on an open incident: one transaction, its audit entry, and a live update after. */
  private async act(
    actor: Actor,
    incidentId: string,
    work: (ctx: ChainContext) => Promise<{ action: string; data: Record<string, unknown> } | null>,
    allowClosed = false,
  ): Promise<void> {
    await transactionWithHooks(this.db, async (tx, afterCommit) => {
      const incident = await this.get(actor, incidentId, tx);
      if (incident.status === 'closed' && !allowClosed) throw new AppError(409, 'conflict', 'incident.notFinished');
      const ctx = this.context(tx, incident, actor, afterCommit);
      const audit = await work(ctx);
      if (audit)
        await this.audit.record(tx, actor, {
          action: audit.action,
          entity: 'incident',
          entityId: incidentId,
          unitId: incident.unit_id,
          after: audit.data,
        });
      this.notifier.changed(ctx);
    });
  }

  /**
   * A verbal report, recorded by the staged-reports module in its own transaction, completes the
   * chain's first report step not yet done; its id, or null when the chain has none open.
   */
  async completeReportStepIn(
    tx: Executor,
    afterCommit: AfterCommit,
    actor: Actor,
    incidentId: string,
    text: string,
  ): Promise<string | null> {
    const incident = await this.get(actor, incidentId, tx);
    const step = (await repo.stepsOf(tx, [incidentId])).find((s) => s.kind === 'report' && s.state !== 'done');
    if (!step || incident.status === 'closed') return null;
    const ctx = this.context(tx, incident, actor, afterCommit);
    await complete(ctx, step, text);
    this.notifier.changed(ctx);
    return step.id;
  }

  /** The engine's handler: a chain step's deadline has come. */
  async onStepDeadline(tx: Executor, stepId: string, now: Date, afterCommit: AfterCommit): Promise<void> {
    const step = await repo.findStep(tx, stepId);
    if (!step) return;
    const incident = (await repo.findIncident(tx, step.incident_id))!;
    const ctx: ChainContext = {
      tx,
      now,
      incident,
      notifier: this.notifier,
      rules: this.rules,
      afterCommit,
      heads: this.heads,
      actor: { personId: null, label: 'system:engine' },
    };
    await onStepDue(ctx, step);
    this.notifier.changed(ctx);
  }
}
