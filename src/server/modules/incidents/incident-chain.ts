import type { ChainStep } from '../../../common/schemas/plan-content.js';
import type { AfterCommit, Executor } from '../../db/database.js';
import type { IncidentStepRow } from './incidents.table.js';
import { newId } from '../../lib/ids.js';
import { chainTargetUnit, type LineageUnit } from '../plans/chain-target.js';
import type { PlanRules } from '../plans/rules-in-force.js';
import type { IncidentNotifier, RecipientReason, TellReason } from './incident-notifier.js';
import * as peoplePort from '../people/people.read-port.js';
import * as repo from './incidents.repository.js';
import type { IncidentWithUnit } from './incidents.repository.js';
import type { Role } from '../../../common/org.js';

/** Without a published plan, the domain's default: the accountable head within ten minutes. */
export const FALLBACK_CHAIN: ChainStep[] = [
  { kind: 'notify', target: 'unit', role: 'accountable_head', deadlineMinutes: 10, note: '' },
];

/** Who is acting and where: every chain change happens inside one transaction. */
export interface ChainContext {
  tx: Executor;
  now: Date;
  incident: IncidentWithUnit;
  actor: { personId: string | null; label: string };
  notifier: IncidentNotifier;
  rules: PlanRules;
  afterCommit: AfterCommit;
  /** Who acts for a head away on leave; without it, the role's holders themselves. */
  heads?: ActingHeads;
}

/** The deputy acting for an away head of a unit (leave.actingHeadFor). */
export interface ActingHeads {
  actingHeadFor(
    unitId: string,
    at: Date,
    tx: Executor,
  ): Promise<{ headPersonId: string; deputyPersonId: string } | null>;
}

/**
 * The people holding a role in a unit; a head away on leave gives way to the deputy for those dates.
 * `acting` names that deputy, so the chain can say why they are told (代行负责人, not 责任人).
 */
async function holdersWithActing(
  ctx: ChainContext,
  unitId: string,
  role: Role,
): Promise<{ people: string[]; acting: string | null }> {
  const holders = await peoplePort.personIdsWithRole(ctx.tx, unitId, role);
  const acting =
    role === 'accountable_head' && ctx.heads ? await ctx.heads.actingHeadFor(unitId, ctx.now, ctx.tx) : null;
  if (!acting || !holders.includes(acting.headPersonId)) return { people: holders, acting: null };
  return {
    people: [...new Set(holders.map((id) => (id === acting.headPersonId ? acting.deputyPersonId : id)))],
    acting: acting.deputyPersonId,
  };
}

async function holdersOf(ctx: ChainContext, unitId: string, role: Role): Promise<string[]> {
  return (await holdersWithActing(ctx, unitId, role)).people;
}

/**
 * The plan's chain as rows: each deadline counted from the report, each step's unit found in the
 * incident unit's lineage (`[unit, parent, …]`: the parent, the nearest unit of a type, a chosen
 * unit above); a step naming no unit above (a unit moved since the plan was published) is dropped.
 */
export function buildSteps(
  incident: IncidentWithUnit,
  chain: ChainStep[],
  lineage: readonly LineageUnit[],
): IncidentStepRow[] {
  const reported = Date.parse(incident.reported_at);
  return chain
    .map((step) => ({ step, target: chainTargetUnit(step, lineage) }))
    .filter((s): s is { step: ChainStep; target: LineageUnit } => s.target !== null)
    .map(({ step, target }, position) => ({
      id: newId(),
      incident_id: incident.id,
      position,
      kind: step.kind,
      target_unit_id: target.id,
      role: step.role,
      deadline_minutes: step.deadlineMinutes,
      due_at: new Date(reported + step.deadlineMinutes * 60_000).toISOString(),
      state: 'waiting',
      late: 0,
      simulated: incident.drill && target.id !== incident.unit_id ? 1 : 0,
      activated_at: null,
      done_at: null,
      done_by_person_id: null,
      report_text: null,
    }));
}

export async function recordEvent(
  ctx: ChainContext,
  kind: string,
  text: string | null,
  data: Record<string, unknown> | null = null,
  asEngine = false,
): Promise<void> {
  await repo.addEvent(ctx.tx, {
    id: newId(),
    incident_id: ctx.incident.id,
    at: ctx.now.toISOString(),
    person_id: asEngine ? null : ctx.actor.personId,
    actor_label: asEngine ? 'system:engine' : ctx.actor.label,
    kind,
    text,
    data_json: data ? JSON.stringify(data) : null,
  });
}

/** May this recipient acknowledge or file the step? The parent unit, told of a missed report, may not. */
export const actsOnStep = (reason: string): boolean =>
  reason === 'holder' || reason === 'acting' || reason === 'deputy';

/**
 * A drill never alarms anyone outside the incident's own unit: a step addressed to the parent unit
 * tells nobody there, whether on activation, by escalation or when the report is overdue.
 */
const reachesParent = (ctx: ChainContext, step: IncidentStepRow) =>
  step.kind === 'notify' && step.target_unit_id !== ctx.incident.unit_id;
const silenced = (ctx: ChainContext, step: IncidentStepRow, reason: TellReason) =>
  (ctx.incident.drill === 1 || step.simulated === 1) && (reason === 'parent' || reachesParent(ctx, step));

/**
 * A new chain's steps as first written: the first one already active when `activate` will make it
 * so (not a drill's step passed as practised), which saves the report an UPDATE of the row it just
 * inserted.
 */
export function withFirstActive(ctx: ChainContext, steps: IncidentStepRow[]): IncidentStepRow[] {
  const [first, ...rest] = steps;
  if (!first || (first.kind === 'notify' && silenced(ctx, first, 'holder'))) return steps;
  return [{ ...first, state: 'active', activated_at: ctx.now.toISOString() }, ...rest];
}

/**
 * Makes a step the current one and tells its people: for a notification, those who hold the role
 * where the step points, and, for the unit's own accountable head, the deputies the plan names;
 * for a formal report, the incident unit's accountable head, who must file it (in a drill too: the
 * head practises the report, which goes no further than the unit).
 */
export async function activate(
  ctx: ChainContext,
  step: IncidentStepRow,
  fresh = false,
): Promise<'active' | 'practised'> {
  if (step.kind === 'notify' && silenced(ctx, step, 'holder')) return practise(ctx, step);
  const holders =
    step.kind === 'notify'
      ? await holdersWithActing(ctx, step.target_unit_id, step.role)
      : await holdersWithActing(ctx, ctx.incident.unit_id, 'accountable_head');
  const people = silenced(ctx, step, 'holder') ? [] : holders.people;
  // A step written in this very transaction (`fresh`) has told nobody yet; a later one may have (an escalation).
  const before = fresh ? [] : await repo.recipientsOf(ctx.tx, [step.id]);
  const told = new Set([...people, ...before.map((r) => r.person_id)]);
  const copies = (await namedDeputiesOf(ctx, step)).filter((id) => !told.has(id));
  // A fresh step written already active (withFirstActive) needs no second write.
  if (!(fresh && step.state === 'active'))
    await repo.updateStep(ctx.tx, step.id, { state: 'active', activated_at: ctx.now.toISOString() });
  await tell(
    ctx,
    step,
    people.filter((id) => id !== holders.acting),
    'holder',
  );
  await tell(
    ctx,
    step,
    people.filter((id) => id === holders.acting),
    'acting',
  );
  await tell(ctx, step, copies, 'copy');
  await recordEvent(
    ctx,
    'step.activated',
    null,
    {
      stepId: step.id,
      position: step.position,
      people: people.length + copies.length,
      simulated: step.simulated === 1,
    },
    true,
  );
  return 'active';
}

/**
 * In a drill, a step that would tell the parent unit is passed as practised the moment it comes up:
 * nobody there is told, so nobody could acknowledge it, and waiting out its deadline would only
 * leave a late mark on an exercise. The timeline says it was skipped; the chain goes on.
 */
async function practise(ctx: ChainContext, step: IncidentStepRow): Promise<'practised'> {
  const at = ctx.now.toISOString();
  await repo.updateStep(ctx.tx, step.id, { state: 'done', activated_at: at, done_at: at, done_by_person_id: null });
  await recordEvent(ctx, 'step.practised', null, { stepId: step.id, position: step.position }, true);
  return 'practised';
}

async function tell(ctx: ChainContext, step: IncidentStepRow, people: string[], reason: TellReason): Promise<void> {
  if (people.length === 0 || silenced(ctx, step, reason)) return;
  const at = ctx.now.toISOString();
  const recorded: RecipientReason = reason === 'copy' ? 'deputy' : reason;
  await repo.addRecipients(
    ctx.tx,
    people.map((person_id) => ({ id: newId(), step_id: step.id, person_id, reason: recorded, notified_at: at })),
  );
  await ctx.notifier.chainStep(ctx, step, people, reason);
}

/**
 * The step the chain has reached: the last one that is no longer waiting. Only its completion or
 * escalation moves the chain on; a late step acknowledged after the chain moved past it does not.
 */
async function isFrontier(ctx: ChainContext, step: IncidentStepRow): Promise<boolean> {
  const steps = await repo.stepsOf(ctx.tx, [ctx.incident.id]);
  return !steps.some((s) => s.position > step.position && s.state !== 'waiting');
}

/** The next waiting step, if any, becomes current. */
export async function advance(ctx: ChainContext, after: IncidentStepRow): Promise<void> {
  const steps = await repo.stepsOf(ctx.tx, [ctx.incident.id]);
  const next = steps.find((s) => s.position > after.position && s.state === 'waiting');
  if (next && (await activate(ctx, next)) === 'practised') await advance(ctx, next);
}

/**
 * How an acknowledgement came: in Steady itself, by the one-tap link, by an SMS reply, or by a
 * reply in a work app. The timeline says which.
 */
export type AckVia = 'app' | 'link' | 'sms' | 'wecom_app';

/** A step is done: acknowledged, or its report filed. A late step stays marked late; its acknowledge links close. */
export async function complete(
  ctx: ChainContext,
  step: IncidentStepRow,
  reportText: string | null,
  via: AckVia = 'app',
): Promise<void> {
  await repo.updateStep(ctx.tx, step.id, {
    state: 'done',
    done_at: ctx.now.toISOString(),
    done_by_person_id: ctx.actor.personId,
    report_text: reportText,
  });
  await recordEvent(ctx, step.kind === 'notify' ? 'step.acknowledged' : 'step.report_filed', reportText, {
    stepId: step.id,
    position: step.position,
    late: step.late === 1,
    via,
  });
  await ctx.notifier.stepDone(ctx, step);
  if (step.kind === 'report' && !step.simulated && !ctx.incident.drill) {
    await ctx.notifier.reportFiled(
      ctx,
      { ...step, report_text: reportText },
      await holdersOf(ctx, step.target_unit_id, step.role),
    );
  }
  if (step.state === 'active' && (await isFrontier(ctx, step))) await advance(ctx, step);
}

/**
 * The deadline passed with the step not done: it is marked late and flagged for the people who
 * should have acted; a notification escalates to the deputies named by the plan, a report goes to
 * the parent unit directly (never in a drill); then the chain moves on, if this step is where it was.
 */
export async function onStepDue(ctx: ChainContext, step: IncidentStepRow): Promise<void> {
  if (step.state === 'done' || ctx.incident.status === 'closed') return;
  const recipients = await repo.recipientsOf(ctx.tx, [step.id]);
  await repo.updateStep(ctx.tx, step.id, { late: 1 });
  await repo.raiseFlag(ctx.tx, {
    id: newId(),
    incident_id: ctx.incident.id,
    step_id: step.id,
    kind: 'late',
    unit_id: step.kind === 'notify' ? step.target_unit_id : ctx.incident.unit_id,
    person_ids_json: JSON.stringify(recipients.map((r) => r.person_id)),
    set_at: ctx.now.toISOString(),
    detail_json: JSON.stringify({
      position: step.position,
      deadlineMinutes: step.deadline_minutes,
      dueAt: step.due_at,
    }),
  });
  await recordEvent(ctx, 'step.late', null, { stepId: step.id, position: step.position }, true);
  if (step.kind === 'notify') {
    // Deputies told up front are told again, now that the head has not answered; the holders who missed it are not.
    const missed = recipients.filter((r) => r.reason === 'holder' || r.reason === 'acting').map((r) => r.person_id);
    const deputies = silenced(ctx, step, 'deputy')
      ? []
      : (await deputiesOf(ctx, step)).filter((id) => !missed.includes(id));
    await tell(ctx, step, deputies, 'deputy');
    await recordEvent(ctx, 'step.escalated', null, { stepId: step.id, people: deputies.length }, true);
  } else if (!silenced(ctx, step, 'parent')) {
    await tell(ctx, step, await holdersOf(ctx, step.target_unit_id, step.role), 'parent');
  }
  if (step.state === 'waiting') await activate(ctx, step);
  if (step.state === 'waiting' || (await isFrontier(ctx, step))) await advance(ctx, step);
}

/** The deputies the plan itself names for the unit's accountable head: told with the head, from the start. */
async function namedDeputiesOf(ctx: ChainContext, step: IncidentStepRow): Promise<string[]> {
  if (step.kind !== 'notify' || step.target_unit_id !== ctx.incident.unit_id || step.role !== 'accountable_head')
    return [];
  const { rules } = await ctx.rules.forUnit(ctx.incident.unit_id, ctx.now, ctx.tx);
  return [...new Set(rules.leadership.deputyIds)];
}

/** The plan's deputy leaders; without any, the leadership group's office contact. */
async function deputiesOf(ctx: ChainContext, step: IncidentStepRow): Promise<string[]> {
  if (step.target_unit_id !== ctx.incident.unit_id)
    return peoplePort.personIdsWithRole(ctx.tx, step.target_unit_id, 'safety_officer');
  const { rules } = await ctx.rules.forUnit(ctx.incident.unit_id, ctx.now, ctx.tx);
  const named = rules.leadership.deputyIds.length
    ? rules.leadership.deputyIds
    : [rules.leadership.officeContactId].filter((x): x is string => Boolean(x));
  return named.length ? named : peoplePort.personIdsWithRole(ctx.tx, ctx.incident.unit_id, 'safety_officer');
}
