import type { Executor } from '../../db/database.js';
import { precompiledRows } from '../../db/precompiled.js';
import type {
  IncidentCasualtyChangeRow,
  IncidentReportDutyRow,
  IncidentReportExchangeRow,
  IncidentReportRow,
  IncidentReportVersionRow,
  IncidentVerbalReportRow,
} from './incident-reports.table.js';
import type { ReportStage } from '../../../common/schemas/incident-reports.js';
import { inSubtrees, subtree } from '../../db/subtree.js';

export type { IncidentReportDutyRow, IncidentReportRow, IncidentReportVersionRow };

/** A report with the names and paths of the unit that reports and the unit it goes to. */
export type ReportWithUnits = IncidentReportRow & {
  unit_name: string;
  unit_path: string;
  to_unit_name: string;
  to_unit_path: string;
};

const withUnits = (db: Executor) =>
  db
    .selectFrom('incident_reports as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .innerJoin('units as t', 't.id', 'r.to_unit_id')
    .selectAll('r')
    .select(['u.name as unit_name', 'u.path as unit_path', 't.name as to_unit_name', 't.path as to_unit_path']);

/** `lock` holds the row until the transaction ends (PostgreSQL; SQLite's one writer needs none). */
export const findReport = (db: Executor, id: string, lock = false): Promise<ReportWithUnits | undefined> =>
  withUnits(db)
    .where('r.id', '=', id)
    .$if(lock, (q) => q.forUpdate('r'))
    .executeTakeFirst();

export const reportsOf = (db: Executor, incidentIds: string[]): Promise<ReportWithUnits[]> =>
  incidentIds.length === 0
    ? Promise.resolve([])
    : withUnits(db).where('r.incident_id', 'in', incidentIds).orderBy('r.created_at').orderBy('r.id').execute();

export const forwardOf = (db: Executor, reportId: string): Promise<ReportWithUnits | undefined> =>
  withUnits(db).where('r.forwarded_from_id', '=', reportId).executeTakeFirst();

/** The next number of a stage for a unit (续报 N+1). */
export async function nextSeq(db: Executor, incidentId: string, unitId: string, stage: ReportStage): Promise<number> {
  const row = await db
    .selectFrom('incident_reports')
    .select((e) => e.fn.max('seq').as('n'))
    .where('incident_id', '=', incidentId)
    .where('unit_id', '=', unitId)
    .where('stage', '=', stage)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

export async function insertReport(db: Executor, row: IncidentReportRow): Promise<void> {
  await db.insertInto('incident_reports').values(row).execute();
}

export async function updateReport(db: Executor, id: string, changes: Partial<IncidentReportRow>): Promise<void> {
  await db.updateTable('incident_reports').set(changes).where('id', '=', id).execute();
}

export async function insertVersion(db: Executor, row: IncidentReportVersionRow): Promise<void> {
  await db.insertInto('incident_report_versions').values(row).execute();
}

export async function updateVersion(
  db: Executor,
  reportId: string,
  version: number,
  changes: Partial<IncidentReportVersionRow>,
): Promise<void> {
  await db
    .updateTable('incident_report_versions')
    .set(changes)
    .where('report_id', '=', reportId)
    .where('version', '=', version)
    .execute();
}

export const versionsOf = (db: Executor, reportIds: string[]): Promise<IncidentReportVersionRow[]> =>
  reportIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('incident_report_versions')
        .selectAll()
        .where('report_id', 'in', reportIds)
        .orderBy('report_id')
        .orderBy('version')
        .execute();

export async function insertExchange(db: Executor, row: IncidentReportExchangeRow): Promise<void> {
  await db.insertInto('incident_report_exchanges').values(row).execute();
}

export const exchangesOf = (db: Executor, reportIds: string[]) =>
  reportIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('incident_report_exchanges as x')
        .innerJoin('units as u', 'u.id', 'x.unit_id')
        .leftJoin('people as p', 'p.id', 'x.person_id')
        .selectAll('x')
        .select(['u.name as unit_name', 'p.name as person_name'])
        .where('x.report_id', 'in', reportIds)
        .orderBy('x.at')
        .orderBy('x.id')
        .execute();

export async function insertDuties(db: Executor, rows: IncidentReportDutyRow[]): Promise<void> {
  await insertDutyRows.execute(db, rows);
}

// Compiled once per number of rows: every incident report opens its duties with it.
const insertDutyRows = precompiledRows(
  {
    id: true,
    incident_id: true,
    unit_id: true,
    kind: true,
    seq: true,
    report_id: true,
    due_at: true,
    remind_at: true,
    state: true,
    late: true,
    met_at: true,
    created_at: true,
  },
  (db, rows: IncidentReportDutyRow[]) => db.insertInto('incident_report_duties').values(rows),
);

export async function updateDuty(db: Executor, id: string, changes: Partial<IncidentReportDutyRow>): Promise<void> {
  await db.updateTable('incident_report_duties').set(changes).where('id', '=', id).execute();
}

export const findDuty = (db: Executor, id: string): Promise<IncidentReportDutyRow | undefined> =>
  db.selectFrom('incident_report_duties').selectAll().where('id', '=', id).executeTakeFirst();

export const dutiesOf = (db: Executor, incidentIds: string[]) =>
  incidentIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('incident_report_duties as d')
        .innerJoin('units as u', 'u.id', 'd.unit_id')
        .selectAll('d')
        .select('u.name as unit_name')
        .where('d.incident_id', 'in', incidentIds)
        .orderBy('d.due_at')
        .orderBy('d.id')
        .execute();

export async function insertVerbal(db: Executor, row: IncidentVerbalReportRow): Promise<void> {
  await db.insertInto('incident_verbal_reports').values(row).execute();
}

export const verbalOf = (db: Executor, incidentId: string, unitId: string) =>
  db
    .selectFrom('incident_verbal_reports as v')
    .innerJoin('units as t', 't.id', 'v.to_unit_id')
    .leftJoin('people as p', 'p.id', 'v.recorded_by_person_id')
    .selectAll('v')
    .select(['t.name as to_unit_name', 'p.name as recorded_by_name'])
    .where('v.incident_id', '=', incidentId)
    .where('v.unit_id', '=', unitId)
    .executeTakeFirst();

export async function insertCasualtyChange(db: Executor, row: IncidentCasualtyChangeRow): Promise<void> {
  await db.insertInto('incident_casualty_changes').values(row).execute();
}

export const casualtyChangesOf = (db: Executor, incidentId: string, unitId: string) =>
  db
    .selectFrom('incident_casualty_changes as c')
    .leftJoin('people as p', 'p.id', 'c.person_id')
    .selectAll('c')
    .select('p.name as person_name')
    .where('c.incident_id', '=', incidentId)
    .where('c.unit_id', '=', unitId)
    .orderBy('c.at')
    .orderBy('c.id')
    .execute();

export const personNames = async (db: Executor, ids: (string | null)[]): Promise<Map<string, string>> => {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('people').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
};

export type InboxRow = ReportWithUnits & { incident_type: string; incident_severity: number; incident_place: string };

/** Reports sent to units under these paths (a unit sees what its own units below received), newest first. */
export async function inbox(
  db: Executor,
  within: string[] | null,
  filter: { toUnitPath?: string; open: boolean },
  offset: number,
  limit: number,
) {
  if (within?.length === 0) return { rows: [] as InboxRow[], total: 0 };
  const base = withUnits(db)
    .innerJoin('incidents as i', 'i.id', 'r.incident_id')
    .select(['i.type as incident_type', 'i.severity as incident_severity', 'i.place as incident_place'])
    .where('r.first_sent_at', 'is not', null)
    .$if(within !== null, (q) => q.where((eb) => inSubtrees(eb, 't.path', within!)))
    .$if(filter.toUnitPath !== undefined, (q) => q.where((eb) => subtree(eb, 't.path', filter.toUnitPath!)))
    .$if(filter.open, (q) => q.where('r.reception', '!=', 'accepted'));
  const [rows, count] = await Promise.all([
    base.orderBy('r.updated_at', 'desc').orderBy('r.id', 'desc').offset(offset).limit(limit).execute(),
    base
      .clearSelect()
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
