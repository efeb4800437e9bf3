import type { Db, DialectName, Executor } from '../../db/database.js';
import type { UnitRow } from '../units/units.table.js';
import type { DeadlineEngine } from '../../engine/engine.js';
import type { Clock } from '../../lib/clock.js';
import { actorLabel, engineActor, type Actor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import type { IncidentReportingPort, Someone } from '../incidents/incident-reporting.port.js';
import type { PeopleDirectory } from '../people/people.directory.js';
import type { PlanRules } from '../plans/rules-in-force.js';
import type { UnitService } from '../units/units.service.js';
import type { ReportNotices } from './report-notices.js';

/** The deputy acting for a head away on leave (leave.actingHeadFor). */
export interface ActingHeads {
  actingHeadFor(
    unitId: string,
    at: Date,
    tx: Executor,
  ): Promise<{ headPersonId: string; deputyPersonId: string } | null>;
}

/** What the staged-reports module is built from; every part is another module's service or port. */
export interface ReportDeps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  audit: AuditTrail;
  engine: DeadlineEngine;
  incidents: IncidentReportingPort;
  units: UnitService;
  people: PeopleDirectory;
  heads: ActingHeads;
  rules: PlanRules;
  notices: ReportNotices;
}

export const personOf = (actor: Actor): string | null => (actor.kind === 'account' ? actor.personId : null);
export const someone = (actor: Actor): Someone => ({ personId: personOf(actor), label: actorLabel(actor) });

/** A unit's row, read without an access check (the caller has checked the report's). */
export const unitOf = (d: ReportDeps, tx: Executor, id: string): Promise<UnitRow> =>
  d.units.requireVisible(engineActor, id, tx);

/** Those who answer for a unit's reports: its head (or the deputy acting for an away head) and its safety officer. */
export async function responsibleFor(d: ReportDeps, tx: Executor, unitId: string, at: Date): Promise<string[]> {
  const heads = await d.people.holders(tx, unitId, ['accountable_head']);
  const acting = await d.heads.actingHeadFor(unitId, at, tx);
  const office = await d.people.holders(tx, unitId, ['safety_officer']);
  return [...new Set([...heads.map((id) => (id === acting?.headPersonId ? acting.deputyPersonId : id)), ...office])];
}

/** Who signs reports off in a unit now: its heads, and the deputy acting for an away head. */
export async function signersOf(d: ReportDeps, tx: Executor, unitId: string, at: Date): Promise<string[]> {
  const heads = await d.people.holders(tx, unitId, ['accountable_head']);
  const acting = await d.heads.actingHeadFor(unitId, at, tx);
  return [
    ...new Set([...heads.filter((id) => id !== acting?.headPersonId), ...(acting ? [acting.deputyPersonId] : [])]),
  ];
}

/** Who receives reports in the unit above: its supervisors, or its head where it names none. */
export async function receiversOf(d: ReportDeps, tx: Executor, unitId: string): Promise<string[]> {
  const supervisors = await d.people.holders(tx, unitId, ['supervisor']);
  return supervisors.length ? supervisors : d.people.holders(tx, unitId, ['accountable_head']);
}
