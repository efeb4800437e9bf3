import type { Executor } from '../../db/database.js';
import { precompiled } from '../../db/precompiled.js';
import { allColumns } from '../../db/columns.js';
import type { AccountRow, ApiTokenRow, SessionRow, SessionTable } from './auth.table.js';

export async function accountByUsername(db: Executor, username: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function accountById(db: Executor, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function accountByPerson(db: Executor, personId: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('person_id', '=', personId).executeTakeFirst();
}

export async function insertAccount(db: Executor, row: AccountRow): Promise<void> {
  await db.insertInto('accounts').values(row).execute();
}

export async function updateAccount(db: Executor, id: string, changes: Partial<AccountRow>): Promise<void> {
  await db.updateTable('accounts').set(changes).where('id', '=', id).execute();
}

export async function countAccounts(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('accounts')
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The person's name and every role they hold, with the unit's path, to build the actor. */
export async function scopesOf(db: Executor, personId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('units', 'units.id', 'memberships.unit_id')
    .select(['units.id as unit_id', 'units.name as unit_name', 'units.path', 'memberships.role'])
    .where('memberships.person_id', '=', personId)
    .orderBy('units.path')
    .execute();
}

export async function personName(db: Executor, personId: string): Promise<string> {
  return (await personOf(db, personId)).name;
}

export async function personOf(db: Executor, personId: string): Promise<{ name: string; language: string | null }> {
  return db.selectFrom('people').select(['name', 'language']).where('id', '=', personId).executeTakeFirstOrThrow();
}

export async function insertSession(db: Executor, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function sessionById(db: Executor, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function touchSession(db: Executor, id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOf(db: Executor, accountId: string): Promise<void> {
  await db.deleteFrom('sessions').where('account_id', '=', accountId).execute();
}

export async function deleteExpiredSessions(db: Executor, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}

export async function insertToken(db: Executor, row: ApiTokenRow): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

export async function tokenByHash(db: Executor, hash: string): Promise<ApiTokenRow | undefined> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', hash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function tokensOf(db: Executor, accountId: string): Promise<ApiTokenRow[]> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at')
    .execute();
}

export async function updateToken(db: Executor, id: string, changes: Partial<ApiTokenRow>): Promise<void> {
  await db.updateTable('api_tokens').set(changes).where('id', '=', id).execute();
}

// --- lean request pipeline (#15): a session, its account and its roles in one query ---
// Compiled once: it runs before every signed-in request.
const SESSION_COLUMNS = allColumns<'sessions', SessionTable>('sessions', {
  id: true,
  account_id: true,
  csrf_token: true,
  created_at: true,
  expires_at: true,
  last_seen_at: true,
});
const sessionWithRolesQuery = precompiled({ id: true }, (db, p: { id: string }) =>
  db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .leftJoin('memberships', 'memberships.person_id', 'accounts.person_id')
    .leftJoin('units', 'units.id', 'memberships.unit_id')
    .select(SESSION_COLUMNS)
    .select([
      'accounts.person_id',
      'accounts.username',
      'accounts.disabled_at',
      'units.id as unit_id',
      'units.path as unit_path',
      'memberships.role',
    ])
    .where('sessions.id', '=', p.id)
    .orderBy('units.path'),
);
/** The session, the fields of its account a request needs, and one row per role held (unit null when none). */
export async function sessionWithRoles(db: Executor, id: string) {
  return sessionWithRolesQuery.execute(db, { id });
}
// --- end lean request pipeline ---
