import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { PatrolCheckInTable, PatrolCheckpointTable, PatrolTable } from './patrols.table.js';
import { subtree } from '../../db/subtree.js';

export type CheckpointRow = Selectable<PatrolCheckpointTable>;
export type PatrolRow = Selectable<PatrolTable>;
export type CheckInRow = Selectable<PatrolCheckInTable>;
export type CheckInWithNames = CheckInRow & { checkpoint_name: string; person_name: string | null };

/* Checkpoints */

export const checkpointsOf = (db: Executor, unitId: string, onlyActive = false): Promise<CheckpointRow[]> =>
  db
    .selectFrom('patrol_checkpoints')
    .selectAll()
    .where('unit_id', '=', unitId)
    .$if(onlyActive, (q) => q.where('active', '=', 1))
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export const findCheckpoint = (db: Executor, id: string): Promise<CheckpointRow | undefined> =>
  db.selectFrom('patrol_checkpoints').selectAll().where('id', '=', id).executeTakeFirst();

export const findCheckpointByCode = (db: Executor, code: string): Promise<CheckpointRow | undefined> =>
  db.selectFrom('patrol_checkpoints').selectAll().where('code', '=', code).executeTakeFirst();

export async function countCheckpoints(db: Executor, unitId: string, onlyActive = false): Promise<number> {
  const row = await db
    .selectFrom('patrol_checkpoints')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('unit_id', '=', unitId)
    .$if(onlyActive, (q) => q.where('active', '=', 1))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertCheckpoint(db: Executor, row: Insertable<PatrolCheckpointTable>): Promise<void> {
  await db.insertInto('patrol_checkpoints').values(row).execute();
}

export async function updateCheckpoint(db: Executor, id: string, changes: Partial<CheckpointRow>): Promise<void> {
  await db.updateTable('patrol_checkpoints').set(changes).where('id', '=', id).execute();
}

/* Patrols */

export const findPatrol = (db: Executor, id: string): Promise<PatrolRow | undefined> =>
  db.selectFrom('patrols').selectAll().where('id', '=', id).executeTakeFirst();

export const patrolsOfNight = (db: Executor, unitId: string, nightDate: string): Promise<PatrolRow[]> =>
  db
    .selectFrom('patrols')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('night_date', '=', nightDate)
    .orderBy('due_at')
    .orderBy('id')
    .execute();

/** Whether a night has been planned already (extra patrols started by hand do not count). */
export async function nightPlanned(db: Executor, unitId: string, nightDate: string): Promise<boolean> {
  const row = await db
    .selectFrom('patrols')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('night_date', '=', nightDate)
    .where('kind', '!=', 'extra')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Patrols prompted and still waiting for their check-ins, oldest first. */
export const openPatrols = (db: Executor, unitId: string): Promise<PatrolRow[]> =>
  db
    .selectFrom('patrols')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('state', '=', 'open')
    .orderBy('opened_at')
    .orderBy('id')
    .execute();

export async function insertPatrols(db: Executor, rows: Insertable<PatrolTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('patrols').values(rows).execute();
}

/** Patrols never prompted (so nobody saw or did them) are dropped when their night is drawn again. */
export async function deletePatrols(db: Executor, ids: string[]): Promise<void> {
  if (ids.length) await db.deleteFrom('patrols').where('id', 'in', ids).where('state', '=', 'planned').execute();
}

/** Units under `path` (itself included) with at least one active checkpoint: those that patrol. */
export async function patrollingUnitsUnder(db: Executor, path: string) {
  return db
    .selectFrom('units')
    .selectAll('units')
    .where((eb) => subtree(eb, 'units.path', path))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('patrol_checkpoints')
          .select('patrol_checkpoints.id')
          .whereRef('patrol_checkpoints.unit_id', '=', 'units.id')
          .where('patrol_checkpoints.active', '=', 1),
      ),
    )
    .execute();
}

export async function updatePatrol(db: Executor, id: string, changes: Partial<PatrolRow>): Promise<void> {
  await db.updateTable('patrols').set(changes).where('id', '=', id).execute();
}

/* Check-ins */

export async function insertCheckIn(db: Executor, row: Insertable<PatrolCheckInTable>): Promise<void> {
  await db.insertInto('patrol_check_ins').values(row).execute();
}

/** The check-in stored for a phone's idempotency key. */
export const findCheckInByKey = (db: Executor, key: string): Promise<CheckInRow | undefined> =>
  db.selectFrom('patrol_check_ins').selectAll().where('client_key', '=', key).executeTakeFirst();

/** A write refused by a unique index (the same key sent twice at once), on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export const findCheckIn = (db: Executor, id: string): Promise<CheckInRow | undefined> =>
  db.selectFrom('patrol_check_ins').selectAll().where('id', '=', id).executeTakeFirst();

/** The check-ins of some patrols, with the point's and the person's names, in time order. */
export async function checkInsOf(db: Executor, patrolIds: string[]): Promise<CheckInWithNames[]> {
  if (patrolIds.length === 0) return [];
  return db
    .selectFrom('patrol_check_ins')
    .innerJoin('patrol_checkpoints', 'patrol_checkpoints.id', 'patrol_check_ins.checkpoint_id')
    .leftJoin('people', 'people.id', 'patrol_check_ins.person_id')
    .selectAll('patrol_check_ins')
    .select(['patrol_checkpoints.name as checkpoint_name', 'people.name as person_name'])
    .where('patrol_check_ins.patrol_id', 'in', patrolIds)
    .orderBy('patrol_check_ins.at')
    .orderBy('patrol_check_ins.id')
    .execute();
}

export async function checkInWithNames(db: Executor, id: string): Promise<CheckInWithNames | undefined> {
  return db
    .selectFrom('patrol_check_ins')
    .innerJoin('patrol_checkpoints', 'patrol_checkpoints.id', 'patrol_check_ins.checkpoint_id')
    .leftJoin('people', 'people.id', 'patrol_check_ins.person_id')
    .selectAll('patrol_check_ins')
    .select(['patrol_checkpoints.name as checkpoint_name', 'people.name as person_name'])
    .where('patrol_check_ins.id', '=', id)
    .executeTakeFirst();
}

/** The distinct points a patrol has reached. */
export async function checkedPointIds(db: Executor, patrolId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('patrol_check_ins')
    .select('checkpoint_id')
    .distinct()
    .where('patrol_id', '=', patrolId)
    .execute();
  return new Set(rows.map((r) => r.checkpoint_id));
}
