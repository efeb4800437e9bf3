import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { CaseRow } from './cases.table.js';
import type { CaseCategory, CaseStatus } from '../../../common/schemas/cases.js';
import { inSubtrees } from '../../db/subtree.js';

export type CaseWithUnit = CaseRow & { unit_name: string; unit_path: string; unit_locale: string; owner_name: string };

const withUnit = (db: Executor) =>
  db
    .selectFrom('cases')
    .innerJoin('units', 'units.id', 'cases.unit_id')
    .innerJoin('people', 'people.id', 'cases.owner_person_id')
    .selectAll('cases')
    .select([
      'units.name as unit_name',
      'units.path as unit_path',
      'units.locale as unit_locale',
      'people.name as owner_name',
    ]);

export const find = (db: Executor, id: string): Promise<CaseWithUnit | undefined> =>
  withUnit(db).where('cases.id', '=', id).executeTakeFirst();

export const byTokenHash = (db: Executor, hash: string): Promise<CaseRow | undefined> =>
  db.selectFrom('cases').selectAll().where('public_token_hash', '=', hash).executeTakeFirst();

export async function list(
  db: Executor,
  within: string[] | null,
  filter: { unitId?: string; status?: CaseStatus; category?: CaseCategory },
  offset: number,
  limit: number,
) {
  if (within?.length === 0) return { rows: [] as CaseWithUnit[], total: 0 };
  const base = withUnit(db)
    .$if(within !== null, (q) => q.where((eb) => inSubtrees(eb, 'units.path', within!)))
    .$if(filter.unitId !== undefined, (q) => q.where('cases.unit_id', '=', filter.unitId!))
    .$if(filter.status !== undefined, (q) => q.where('cases.status', '=', filter.status!))
    .$if(filter.category !== undefined, (q) => q.where('cases.category', '=', filter.category!));
  const [rows, count] = await Promise.all([
    base.orderBy('cases.opened_at', 'desc').offset(offset).limit(limit).execute(),
    base
      .clearSelect()
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** `2027-0042`: the next number of the year; the unique index stops two cases taking one number. */
export async function nextNumber(db: Executor, year: number): Promise<string> {
  const row = await db
    .selectFrom('cases')
    .select((e) => e.fn.max('number').as('last'))
    .where('number', 'like', `${year}-%`)
    .executeTakeFirst();
  const last = row?.last ? Number(String(row.last).split('-')[1]) : 0;
  return `${year}-${String(last + 1).padStart(4, '0')}`;
}

export async function insert(
  db: Executor,
  row: CaseRow,
  parties: { id: string; case_id: string; name: string; contact: string; raised_it: number }[],
): Promise<void> {
  await db.insertInto('cases').values(row).execute();
  if (parties.length) await db.insertInto('case_parties').values(parties).execute();
}

export async function update(db: Executor, id: string, changes: Partial<CaseRow>): Promise<void> {
  await db.updateTable('cases').set(changes).where('id', '=', id).execute();
}

export async function addSession(
  db: Executor,
  row: { id: string; case_id: string; at: string; mediator_person_id: string | null; notes: string },
): Promise<void> {
  await db.insertInto('case_sessions').values(row).execute();
}

export const partiesOf = (db: Executor, id: string) =>
  db.selectFrom('case_parties').selectAll().where('case_id', '=', id).execute();

export const sessionsOf = (db: Executor, id: string) =>
  db
    .selectFrom('case_sessions')
    .leftJoin('people', 'people.id', 'case_sessions.mediator_person_id')
    .select(['case_sessions.id', 'case_sessions.at', 'case_sessions.notes', 'people.name as mediator'])
    .where('case_id', '=', id)
    .orderBy('case_sessions.at')
    .execute();

/** The owner must be someone who works in the case's unit. */
export async function isStaffOf(db: Executor, personId: string, unitId: string): Promise<boolean> {
  const row = await db
    .selectFrom('people')
    .select('id')
    .where('id', '=', personId)
    .where((eb) =>
      eb.or([
        eb('home_unit_id', '=', unitId),
        eb.exists(
          eb
            .selectFrom('memberships')
            .select('id')
            .whereRef('memberships.person_id', '=', 'people.id')
            .where('memberships.unit_id', '=', unitId),
        ),
      ]),
    )
    .executeTakeFirst();
  return Boolean(row);
}

/** Counts by category and outcome, and how long resolved cases took, across the given subtrees. */
export async function stats(db: Executor, within: string[] | null) {
  if (within?.length === 0) return { rows: [], durations: [] };
  const scoped = withUnit(db).$if(within !== null, (q) => q.where((eb) => inSubtrees(eb, 'units.path', within!)));
  const rows = await scoped
    .clearSelect()
    .select([
      'cases.category',
      'cases.outcome',
      sql<string>`case when cases.resolved_at is null then 'open' else 'resolved' end`.as('state'),
    ])
    .select((e) => e.fn.countAll<number>().as('n'))
    .groupBy([
      'cases.category',
      'cases.outcome',
      sql`case when cases.resolved_at is null then 'open' else 'resolved' end`,
    ])
    .execute();
  const durations = await scoped
    .clearSelect()
    .select(['cases.opened_at', 'cases.resolved_at'])
    .where('cases.resolved_at', 'is not', null)
    .execute();
  return { rows, durations };
}
