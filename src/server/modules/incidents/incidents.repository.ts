import type { Executor } from '../../db/database.js';
import type { IncidentEventRow, IncidentFlagRow, IncidentRow, IncidentStepRow } from './incidents.table.js';
import type { RecipientReason } from '../../../common/schemas/incidents.js';
import { inSubtrees } from '../../db/subtree.js';
import { precompiled, precompiledRows } from '../../db/precompiled.js';

export type IncidentWithUnit = IncidentRow & {
  unit_name: string;
  unit_path: string;
  unit_parent_id: string | null;
  unit_locale: string;
  unit_time_zone: string;
};

const withUnit = (db: Executor) =>
  db
    .selectFrom('incidents')
    .innerJoin('units', 'units.id', 'incidents.unit_id')
    .selectAll('incidents')
    .select([
      'units.name as unit_name',
      'units.path as unit_path',
      'units.parent_id as unit_parent_id',
      'units.locale as unit_locale',
      'units.time_zone as unit_time_zone',
    ]);

export const findIncident = (db: Executor, id: string): Promise<IncidentWithUnit | undefined> =>
  withUnit(db).where('incidents.id', '=', id).executeTakeFirst();

export async function listIncidents(
  db: Executor,
  within: string[] | null,
  filter: { unitId?: string; open?: boolean },
  offset: number,
  limit: number,
) {
  if (within?.length === 0) return { rows: [] as IncidentWithUnit[], total: 0 };
  const base = withUnit(db)
    .$if(within !== null, (q) => q.where((eb) => inSubtrees(eb, 'units.path', within!)))
    .$if(filter.unitId !== undefined, (q) => q.where('incidents.unit_id', '=', filter.unitId!))
    .$if(filter.open === true, (q) => q.where('incidents.status', '!=', 'closed'));
  const [rows, count] = await Promise.all([
    base.orderBy('incidents.reported_at', 'desc').offset(offset).limit(limit).execute(),
    base
      .clearSelect()
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function insertIncident(db: Executor, row: IncidentRow): Promise<void> {
  await insertIncidentRow.execute(db, row);
}

// The statements an incident report runs, compiled once (every column named; the type checks that none is left out).
const insertIncidentRow = precompiled(
  {
    id: true,
    unit_id: true,
    type: true,
    severity: true,
    place: true,
    description: true,
    occurred_at: true,
    reported_at: true,
    reporter_person_id: true,
    status: true,
    drill: true,
    plan_id: true,
    plan_version: true,
    closed_at: true,
    created_at: true,
    updated_at: true,
  },
  (db, row: IncidentRow) => db.insertInto('incidents').values(row),
);
const insertEventRow = precompiled(
  {
    id: true,
    incident_id: true,
    at: true,
    person_id: true,
    actor_label: true,
    kind: true,
    text: true,
    data_json: true,
  },
  (db, row: IncidentEventRow) => db.insertInto('incident_events').values(row),
);
const eventsOfOne = precompiled({ id: true }, (db, p: { id: string }) =>
  db.selectFrom('incident_events').selectAll().where('incident_id', '=', p.id).orderBy('at').orderBy('id'),
);
const stepsOfOne = precompiled({ id: true }, (db, p: { id: string }) =>
  db.selectFrom('incident_steps').selectAll().where('incident_id', '=', p.id).orderBy('position'),
);
const stepById = precompiled({ id: true }, (db, p: { id: string }) =>
  db.selectFrom('incident_steps').selectAll().where('id', '=', p.id),
);

export async function updateIncident(db: Executor, id: string, changes: Partial<IncidentRow>): Promise<void> {
  await db.updateTable('incidents').set(changes).where('id', '=', id).execute();
}

export async function insertSteps(db: Executor, rows: IncidentStepRow[]): Promise<void> {
  await insertStepRows.execute(db, rows);
}

const insertStepRows = precompiledRows(
  {
    id: true,
    incident_id: true,
    position: true,
    kind: true,
    target_unit_id: true,
    role: true,
    deadline_minutes: true,
    due_at: true,
    state: true,
    late: true,
    simulated: true,
    activated_at: true,
    done_at: true,
    done_by_person_id: true,
    report_text: true,
  },
  (db, rows: IncidentStepRow[]) => db.insertInto('incident_steps').values(rows),
);

export async function updateStep(db: Executor, id: string, changes: Partial<IncidentStepRow>): Promise<void> {
  await db.updateTable('incident_steps').set(changes).where('id', '=', id).execute();
}

export const stepsOf = (db: Executor, incidentIds: string[]): Promise<IncidentStepRow[]> =>
  incidentIds.length === 0
    ? Promise.resolve([])
    : incidentIds.length === 1
      ? stepsOfOne.execute(db, { id: incidentIds[0]! })
      : db
          .selectFrom('incident_steps')
          .selectAll()
          .where('incident_id', 'in', incidentIds)
          .orderBy('position')
          .execute();

export const findStep = (db: Executor, id: string): Promise<IncidentStepRow | undefined> =>
  stepById.executeTakeFirst(db, { id });

export async function addRecipients(
  db: Executor,
  rows: { id: string; step_id: string; person_id: string; reason: RecipientReason; notified_at: string }[],
): Promise<void> {
  await insertRecipientRows.execute(db, rows);
}

const insertRecipientRows = precompiledRows(
  { id: true, step_id: true, person_id: true, reason: true, notified_at: true },
  (db, rows: { id: string; step_id: string; person_id: string; reason: RecipientReason; notified_at: string }[]) =>
    db
      .insertInto('incident_recipients')
      .values(rows)
      .onConflict((oc) => oc.columns(['step_id', 'person_id']).doNothing()),
);

export async function recipientsOf(db: Executor, stepIds: string[]) {
  if (stepIds.length === 0) return [];
  return db
    .selectFrom('incident_recipients')
    .innerJoin('people', 'people.id', 'incident_recipients.person_id')
    .select([
      'incident_recipients.step_id',
      'incident_recipients.person_id',
      'incident_recipients.reason',
      'people.name',
    ])
    .where('incident_recipients.step_id', 'in', stepIds)
    .orderBy('incident_recipients.notified_at')
    .execute();
}

export async function addEvent(db: Executor, row: IncidentEventRow): Promise<void> {
  await insertEventRow.execute(db, row);
}

export const eventsOf = (db: Executor, incidentId: string): Promise<IncidentEventRow[]> =>
  eventsOfOne.execute(db, { id: incidentId });

/** A flag is raised once per incident, kind and step; raising it again changes nothing. */
export async function raiseFlag(db: Executor, row: IncidentFlagRow): Promise<void> {
  await db
    .insertInto('incident_flags')
    .values(row)
    .onConflict((oc) => oc.columns(['incident_id', 'kind', 'step_id']).doNothing())
    .execute();
}

export const flagsOf = (db: Executor, incidentIds: string[]): Promise<IncidentFlagRow[]> =>
  incidentIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('incident_flags').selectAll().where('incident_id', 'in', incidentIds).orderBy('set_at').execute();

export const findFlag = (db: Executor, id: string): Promise<IncidentFlagRow | undefined> =>
  db.selectFrom('incident_flags').selectAll().where('id', '=', id).executeTakeFirst();

export async function addFlagNote(
  db: Executor,
  row: { id: string; flag_id: string; person_id: string | null; actor_label: string; text: string; at: string },
): Promise<void> {
  await db.insertInto('incident_flag_notes').values(row).execute();
}

export const flagNotesOf = (db: Executor, flagIds: string[]) =>
  flagIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('incident_flag_notes').selectAll().where('flag_id', 'in', flagIds).orderBy('at').execute();

export async function insertAfterAction(
  db: Executor,
  row: { incident_id: string; content_json: string; filed_by_person_id: string | null; filed_at: string },
): Promise<void> {
  await db.insertInto('after_action_reports').values(row).execute();
}

export const afterActionOf = (db: Executor, incidentId: string) =>
  db.selectFrom('after_action_reports').selectAll().where('incident_id', '=', incidentId).executeTakeFirst();

export const personNames = (db: Executor, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('people').select(['id', 'name']).where('id', 'in', ids).execute();

/** A step and its incident in a few words, for the acknowledge page: never who the step is addressed to. */
export const stepSummary = (db: Executor, stepId: string) =>
  db
    .selectFrom('incident_steps')
    .innerJoin('incidents', 'incidents.id', 'incident_steps.incident_id')
    .innerJoin('units', 'units.id', 'incidents.unit_id')
    .select([
      'incident_steps.id as step_id',
      'incident_steps.state',
      'incident_steps.due_at',
      'incident_steps.done_at',
      'incidents.id as incident_id',
      'incidents.type',
      'incidents.severity',
      'incidents.place',
      'incidents.status',
      'incidents.drill',
      'incidents.reported_at',
      'units.name as unit_name',
      'units.locale',
      'units.time_zone',
    ])
    .where('incident_steps.id', '=', stepId)
    .executeTakeFirst();
