import type { Executor } from '../../db/database.js';
import type {
  DutyAssignmentRow,
  DutyFeedRow,
  DutyHandoverRow,
  DutyRotationRow,
  DutyShiftRow,
  DutySwapRow,
} from './duty.table.js';
import type { ShiftKind, SwapState } from '../../../common/schemas/duty.js';

export type { DutyAssignmentRow, DutyFeedRow, DutyHandoverRow, DutyRotationRow, DutyShiftRow, DutySwapRow };
export type AssignmentWithPerson = DutyAssignmentRow & { name: string; phone: string | null };
export type ShiftWithUnit = DutyShiftRow & {
  unit_path: string;
  unit_name: string;
  time_zone: string;
  unit_locale: string;
};

/* Shifts */

export const findShift = (db: Executor, id: string): Promise<ShiftWithUnit | undefined> =>
  db
    .selectFrom('duty_shifts')
    .innerJoin('units', 'units.id', 'duty_shifts.unit_id')
    .selectAll('duty_shifts')
    .select(['units.path as unit_path', 'units.name as unit_name', 'units.time_zone', 'units.locale as unit_locale'])
    .where('duty_shifts.id', '=', id)
    .executeTakeFirst();

/** Shifts of a unit that overlap [from, to), in order. */
export const shiftsOverlapping = (db: Executor, unitId: string, from: string, to: string): Promise<DutyShiftRow[]> =>
  db
    .selectFrom('duty_shifts')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('starts_at', '<', to)
    .where('ends_at', '>', from)
    .orderBy('starts_at')
    .execute();

/** Shifts of a unit starting on these local dates (both included). */
export const shiftsOnDates = (
  db: Executor,
  unitId: string,
  fromDate: string,
  toDate: string,
): Promise<DutyShiftRow[]> =>
  db
    .selectFrom('duty_shifts')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('local_date', '>=', fromDate)
    .where('local_date', '<=', toDate)
    .orderBy('starts_at')
    .execute();

/** The shifts of these units that cover a moment. */
/** Those who keep rosters (safety officers) in any of these units, with their unit's name. */
export const rosterKeepersIn = (db: Executor, unitIds: string[]) =>
  unitIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('memberships')
        .innerJoin('people', 'people.id', 'memberships.person_id')
        .innerJoin('units', 'units.id', 'memberships.unit_id')
        .select(['people.id', 'people.name', 'people.phone', 'memberships.unit_id', 'units.name as unit_name'])
        .where('memberships.unit_id', 'in', unitIds)
        .where('memberships.role', '=', 'safety_officer')
        .orderBy('people.name')
        .execute();

export async function shiftsAt(db: Executor, unitIds: string[], at: string): Promise<DutyShiftRow[]> {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('duty_shifts')
    .selectAll()
    .where('unit_id', 'in', unitIds)
    .where('starts_at', '<=', at)
    .where('ends_at', '>', at)
    .orderBy('starts_at')
    .execute();
}

/** The first shift of the unit starting at or after a moment: who takes over. */
export const shiftStartingFrom = (db: Executor, unitId: string, at: string): Promise<DutyShiftRow | undefined> =>
  db
    .selectFrom('duty_shifts')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('starts_at', '>=', at)
    .orderBy('starts_at')
    .limit(1)
    .executeTakeFirst();

/** One person's shifts in a window, in any unit. */
export const shiftsOfPerson = (
  db: Executor,
  personId: string,
  from: string,
  to: string,
  limit: number,
): Promise<DutyShiftRow[]> =>
  db
    .selectFrom('duty_shifts')
    .innerJoin('duty_assignments as a', 'a.shift_id', 'duty_shifts.id')
    .selectAll('duty_shifts')
    .where('a.person_id', '=', personId)
    .where('duty_shifts.starts_at', '<', to)
    .where('duty_shifts.ends_at', '>', from)
    .orderBy('duty_shifts.starts_at')
    .limit(limit)
    .execute();

export async function insertShift(db: Executor, row: DutyShiftRow): Promise<void> {
  await db.insertInto('duty_shifts').values(row).execute();
}

export async function touchShift(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('duty_shifts').set({ updated_at: at }).where('id', '=', id).execute();
}

export async function deleteShifts(db: Executor, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .deleteFrom('duty_swaps')
    .where((eb) => eb.or([eb('shift_id', 'in', ids), eb('other_shift_id', 'in', ids)]))
    .execute();
  await db.deleteFrom('duty_assignments').where('shift_id', 'in', ids).execute();
  await db.deleteFrom('duty_shifts').where('id', 'in', ids).execute();
}

/* Assignments */

export async function assignmentsOf(db: Executor, shiftIds: string[]): Promise<AssignmentWithPerson[]> {
  if (shiftIds.length === 0) return [];
  return db
    .selectFrom('duty_assignments')
    .innerJoin('people', 'people.id', 'duty_assignments.person_id')
    .selectAll('duty_assignments')
    .select(['people.name', 'people.phone'])
    .where('duty_assignments.shift_id', 'in', shiftIds)
    .orderBy('duty_assignments.shift_id')
    .orderBy('duty_assignments.position')
    .execute();
}

export async function insertAssignments(db: Executor, rows: DutyAssignmentRow[]): Promise<void> {
  if (rows.length) await db.insertInto('duty_assignments').values(rows).execute();
}

export async function clearAssignments(db: Executor, shiftId: string): Promise<void> {
  await db.deleteFrom('duty_assignments').where('shift_id', '=', shiftId).execute();
}

/** Gives one person's place on a shift to another, keeping the role and position. */
export async function moveAssignment(
  db: Executor,
  shiftId: string,
  fromPersonId: string,
  toPersonId: string,
): Promise<void> {
  await db
    .updateTable('duty_assignments')
    .set({ person_id: toPersonId })
    .where('shift_id', '=', shiftId)
    .where('person_id', '=', fromPersonId)
    .execute();
}

/* Rotations */

export const findRotation = (db: Executor, id: string): Promise<DutyRotationRow | undefined> =>
  db.selectFrom('duty_rotations').selectAll().where('id', '=', id).executeTakeFirst();

export const rotationsOf = (db: Executor, unitId: string): Promise<DutyRotationRow[]> =>
  db.selectFrom('duty_rotations').selectAll().where('unit_id', '=', unitId).orderBy('created_at', 'desc').execute();

export async function insertRotation(db: Executor, row: DutyRotationRow): Promise<void> {
  await db.insertInto('duty_rotations').values(row).execute();
}

export async function updateRotation(db: Executor, id: string, changes: Partial<DutyRotationRow>): Promise<void> {
  await db.updateTable('duty_rotations').set(changes).where('id', '=', id).execute();
}

/** A rotation's shifts that have not started and carry no handover: what stopping it removes. */
export async function futureShiftsOfRotation(db: Executor, rotationId: string, after: string): Promise<string[]> {
  const rows = await db
    .selectFrom('duty_shifts')
    .select('id')
    .where('rotation_id', '=', rotationId)
    .where('starts_at', '>', after)
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('duty_handovers as h').select('h.id').whereRef('h.shift_id', '=', 'duty_shifts.id')),
      ),
    )
    .execute();
  return rows.map((r) => r.id);
}

/* Swaps */

export const findSwap = (db: Executor, id: string): Promise<DutySwapRow | undefined> =>
  db.selectFrom('duty_swaps').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertSwap(db: Executor, row: DutySwapRow): Promise<void> {
  await db.insertInto('duty_swaps').values(row).execute();
}

export async function decideSwap(db: Executor, id: string, state: SwapState, at: string): Promise<void> {
  await db.updateTable('duty_swaps').set({ state, decided_at: at }).where('id', '=', id).execute();
}

/** Proposed swaps touching any of these shifts. */
export async function pendingSwapsFor(db: Executor, shiftIds: string[]): Promise<DutySwapRow[]> {
  if (shiftIds.length === 0) return [];
  return db
    .selectFrom('duty_swaps')
    .selectAll()
    .where('state', '=', 'proposed')
    .where((eb) => eb.or([eb('shift_id', 'in', shiftIds), eb('other_shift_id', 'in', shiftIds)]))
    .orderBy('proposed_at')
    .execute();
}

/** Swaps of a unit: those still waiting, and the recent ones a person took part in. */
export const swapsOfUnit = (
  db: Executor,
  unitId: string,
  personId: string | null,
  since: string,
): Promise<DutySwapRow[]> =>
  db
    .selectFrom('duty_swaps')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where((eb) =>
      eb.or([
        eb('state', '=', 'proposed'),
        eb.and([
          eb('proposed_at', '>=', since),
          eb.or([eb('from_person_id', '=', personId ?? ''), eb('to_person_id', '=', personId ?? '')]),
        ]),
      ]),
    )
    .orderBy('proposed_at', 'desc')
    .limit(200)
    .execute();

/* Handovers */

export const findHandover = (db: Executor, id: string): Promise<DutyHandoverRow | undefined> =>
  db.selectFrom('duty_handovers').selectAll().where('id', '=', id).executeTakeFirst();

export async function handoversOf(db: Executor, shiftIds: string[]): Promise<DutyHandoverRow[]> {
  if (shiftIds.length === 0) return [];
  return db.selectFrom('duty_handovers').selectAll().where('shift_id', 'in', shiftIds).execute();
}

export async function insertHandover(db: Executor, row: DutyHandoverRow): Promise<void> {
  await db.insertInto('duty_handovers').values(row).execute();
}

export async function acknowledgeHandover(
  db: Executor,
  id: string,
  changes: Pick<DutyHandoverRow, 'next_shift_id' | 'acknowledged_by_person_id' | 'acknowledged_at'>,
): Promise<void> {
  await db.updateTable('duty_handovers').set(changes).where('id', '=', id).execute();
}

/* Feeds */

export const feedByHash = (db: Executor, hash: string): Promise<DutyFeedRow | undefined> =>
  db.selectFrom('duty_feeds').selectAll().where('token_hash', '=', hash).executeTakeFirst();

export const feedsOf = (db: Executor, personId: string) =>
  db
    .selectFrom('duty_feeds')
    .leftJoin('units', 'units.id', 'duty_feeds.unit_id')
    .selectAll('duty_feeds')
    .select('units.name as unit_name')
    .where('owner_person_id', '=', personId)
    .orderBy('created_at')
    .execute();

export async function replaceFeed(db: Executor, row: DutyFeedRow): Promise<void> {
  await db
    .deleteFrom('duty_feeds')
    .where('owner_person_id', '=', row.owner_person_id)
    .where((eb) => (row.unit_id ? eb('unit_id', '=', row.unit_id) : eb('unit_id', 'is', null)))
    .execute();
  await db.insertInto('duty_feeds').values(row).execute();
}

export async function deleteFeed(db: Executor, id: string, ownerId: string): Promise<number> {
  const result = await db
    .deleteFrom('duty_feeds')
    .where('id', '=', id)
    .where('owner_person_id', '=', ownerId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Paths of the units where a person holds a role: what a feed's owner may still see. */
export async function rolePathsOf(db: Executor, personId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('units', 'units.id', 'memberships.unit_id')
    .select('units.path')
    .where('memberships.person_id', '=', personId)
    .execute();
  return rows.map((r) => r.path);
}

/* People */

/** The people of a unit: registered there or holding a role there; with their username, if any. */
export async function peopleOfUnit(db: Executor, unitId: string) {
  return db
    .selectFrom('people')
    .leftJoin('accounts', 'accounts.person_id', 'people.id')
    .select(['people.id', 'people.name', 'people.phone', 'accounts.username'])
    .where((eb) =>
      eb.or([
        eb('people.home_unit_id', '=', unitId),
        eb.exists(
          eb
            .selectFrom('memberships as m')
            .select('m.id')
            .whereRef('m.person_id', '=', 'people.id')
            .where('m.unit_id', '=', unitId),
        ),
      ]),
    )
    .orderBy('people.name')
    .execute();
}

export async function peopleByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('people').select(['id', 'name', 'phone']).where('id', 'in', ids).execute();
}

/** Start times of shifts by id (for swaps whose other shift lies outside the range shown). */
export async function startsOf(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('duty_shifts').select(['id', 'starts_at']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.starts_at]));
}

export async function setShiftKind(db: Executor, id: string, kind: ShiftKind, at: string): Promise<void> {
  await db.updateTable('duty_shifts').set({ kind, updated_at: at }).where('id', '=', id).execute();
}
