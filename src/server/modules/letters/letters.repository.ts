import type { Executor } from '../../db/database.js';
import { subtree } from '../../db/subtree.js';
import type { LetterRow } from './letters.table.js';

/** The letters module's only Kysely code. */

export type LetterWithUnits = LetterRow & {
  issuer_unit_name: string;
  issuer_unit_path: string;
  unit_name: string;
  unit_path: string;
  unit_time_zone: string;
  unit_locale: string;
};

const withUnits = (db: Executor) =>
  db
    .selectFrom('responsibility_letters as l')
    .innerJoin('units as i', 'i.id', 'l.issuer_unit_id')
    .innerJoin('units as u', 'u.id', 'l.unit_id')
    .selectAll('l')
    .select([
      'i.name as issuer_unit_name',
      'i.path as issuer_unit_path',
      'u.name as unit_name',
      'u.path as unit_path',
      'u.time_zone as unit_time_zone',
      'u.locale as unit_locale',
    ]);

export async function insert(tx: Executor, rows: LetterRow[]): Promise<void> {
  if (rows.length) await tx.insertInto('responsibility_letters').values(rows).execute();
}

export async function find(db: Executor, id: string): Promise<LetterWithUnits | undefined> {
  return withUnits(db).where('l.id', '=', id).executeTakeFirst();
}

export async function versions(db: Executor, seriesId: string): Promise<LetterRow[]> {
  return db
    .selectFrom('responsibility_letters')
    .selectAll()
    .where('series_id', '=', seriesId)
    .orderBy('version', 'desc')
    .execute();
}

/** Letters issued by, or to, units under any of the paths (all units when null). */
export async function list(
  db: Executor,
  within: string[] | null,
  unitPath: string | null,
  includeSuperseded: boolean,
): Promise<LetterWithUnits[]> {
  return withUnits(db)
    .$if(within !== null, (q) =>
      q.where((eb) => eb.or(within!.flatMap((p) => [subtree(eb, 'u.path', p), subtree(eb, 'i.path', p)]))),
    )
    .$if(unitPath !== null, (q) =>
      q.where((eb) => eb.or([subtree(eb, 'u.path', unitPath!), eb('i.path', '=', unitPath!)])),
    )
    .$if(!includeSuperseded, (q) => q.where('l.status', '!=', 'superseded'))
    .orderBy('l.created_at', 'desc')
    .orderBy('u.path')
    .execute();
}

/** The current version of every letter to a unit. */
export async function currentFor(db: Executor, unitId: string): Promise<LetterRow[]> {
  return db
    .selectFrom('responsibility_letters')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('status', '!=', 'superseded')
    .execute();
}

export async function update(tx: Executor, id: string, changes: Partial<LetterRow>): Promise<void> {
  await tx.updateTable('responsibility_letters').set(changes).where('id', '=', id).execute();
}
