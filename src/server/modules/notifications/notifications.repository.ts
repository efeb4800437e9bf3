import type { Executor } from '../../db/database.js';
import { precompiledRows } from '../../db/precompiled.js';
import type { NotificationRow } from './notifications.table.js';

export type { NotificationRow };

/** The notifier's write: one inbox row per person told. */
export async function insertAll(db: Executor, rows: NotificationRow[]): Promise<void> {
  await insertRows.execute(db, rows);
}

// Compiled once per number of rows: every message goes through it.
const insertRows = precompiledRows(
  {
    id: true,
    person_id: true,
    incident_id: true,
    kind: true,
    title: true,
    body: true,
    link: true,
    drill: true,
    created_at: true,
    read_at: true,
    priority: true,
    respond_by: true,
    params_json: true,
    answered_at: true,
    wording_json: true,
  },
  (db, rows: NotificationRow[]) => db.insertInto('notifications').values(rows),
);

/** One notification by id (the delivery worker reads what it sends). */
export function findById(db: Executor, id: string): Promise<NotificationRow> {
  return db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

const inboxOf = (db: Executor, personId: string) => db.selectFrom('notifications').where('person_id', '=', personId);

/** One page of a person's inbox, newest first. */
export function page(db: Executor, personId: string, offset: number, limit: number): Promise<NotificationRow[]> {
  return inboxOf(db, personId)
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();
}

/** How many notifications a person has, and how many of them are unread. */
export async function counts(db: Executor, personId: string): Promise<{ total: number; unread: number }> {
  const count = inboxOf(db, personId).select((e) => e.fn.countAll<number>().as('n'));
  const [total, unread] = await Promise.all([
    count.executeTakeFirstOrThrow(),
    count.where('read_at', 'is', null).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(total.n), unread: Number(unread.n) };
}

/** What these notifications asked is done: no further contact method is started for them. */
export async function markAnswered(db: Executor, ids: string[], at: string): Promise<void> {
  for (let i = 0; i < ids.length; i += 500)
    await db
      .updateTable('notifications')
      .set({ answered_at: at })
      .where('id', 'in', ids.slice(i, i + 500))
      .where('answered_at', 'is', null)
      .execute();
}

/** Marks a person's unread notifications read: those of `ids`, or all when `ids` is undefined. */
export async function markRead(db: Executor, personId: string, ids: string[] | undefined, at: string): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('person_id', '=', personId)
    .where('read_at', 'is', null)
    .$if(ids !== undefined, (q) => q.where('id', 'in', ids!.length ? ids! : ['']))
    .execute();
}
