import type { Executor } from '../../db/database.js';
import { precompiledRows } from '../../db/precompiled.js';
import type { AckLinkRow } from './acknowledgements.table.js';

export async function insertLinks(db: Executor, rows: AckLinkRow[]): Promise<void> {
  await insertLinkRows.execute(db, rows);
}

// Compiled once per number of rows: every message asking for an answer goes through it.
const insertLinkRows = precompiledRows(
  {
    id: true,
    token_hash: true,
    notification_id: true,
    person_id: true,
    step_id: true,
    reply_code: true,
    expires_at: true,
    used_at: true,
    used_via: true,
    created_at: true,
  },
  (db, rows: AckLinkRow[]) => db.insertInto('ack_links').values(rows),
);

export const byTokenHash = (db: Executor, hash: string) =>
  db.selectFrom('ack_links').selectAll().where('token_hash', '=', hash).executeTakeFirst();

export const byNotification = (db: Executor, notificationId: string) =>
  db.selectFrom('ack_links').selectAll().where('notification_id', '=', notificationId).executeTakeFirst();

/** A person's links still waiting for an answer, newest first. */
export const openLinksOf = (db: Executor, personIds: string[], now: string) =>
  personIds.length === 0
    ? Promise.resolve([] as AckLinkRow[])
    : db
        .selectFrom('ack_links')
        .selectAll()
        .where('person_id', 'in', personIds)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .orderBy('created_at', 'desc')
        .execute();

/** The reply codes of people's open links: all a new link needs to choose a free one. */
export const openReplyCodesOf = (db: Executor, personIds: string[], now: string) =>
  personIds.length === 0
    ? Promise.resolve([] as Pick<AckLinkRow, 'person_id' | 'reply_code'>[])
    : db
        .selectFrom('ack_links')
        .select(['person_id', 'reply_code'])
        .where('person_id', 'in', personIds)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .execute();

/** Used by the person who answered: only if still open, so two taps race to one winner. */
export async function markUsed(db: Executor, id: string, at: string, via: string): Promise<boolean> {
  const result = await db
    .updateTable('ack_links')
    .set({ used_at: at, used_via: via })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The step is done: every link still open for it is closed (by the person's own answer, or another's).
 * Answers the notifications the step's links were issued with, for the inbox to mark answered.
 */
export async function closeStep(db: Executor, stepId: string, at: string): Promise<string[]> {
  await db
    .updateTable('ack_links')
    .set({ used_at: at })
    .where('step_id', '=', stepId)
    .where('used_at', 'is', null)
    .execute();
  const links = await db.selectFrom('ack_links').select('notification_id').where('step_id', '=', stepId).execute();
  return links.map((l) => l.notification_id);
}
