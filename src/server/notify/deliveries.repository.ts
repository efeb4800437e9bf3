import { sql } from 'kysely';
import type { DialectName, Executor } from '../db/database.js';
import { precompiledRows } from '../db/precompiled.js';
import type { DeliveryRow } from './deliveries.table.js';

export async function contactMethodsOf(db: Executor, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db.selectFrom('contact_methods').selectAll().where('person_id', 'in', personIds).orderBy('position').execute();
}

export async function insertDeliveries(db: Executor, rows: DeliveryRow[]): Promise<void> {
  await insertDeliveryRows.execute(db, rows);
}

// Compiled once per number of rows: every message sent outside the app goes through it.
const insertDeliveryRows = precompiledRows(
  {
    id: true,
    notification_id: true,
    person_id: true,
    method_position: true,
    channel: true,
    address_json: true,
    locale: true,
    state: true,
    attempts: true,
    next_attempt_at: true,
    lease_until: true,
    last_error: true,
    sent_at: true,
    created_at: true,
    priority: true,
    respond_by: true,
    failover_at: true,
    handed_over: true,
    provider_id: true,
    delivered_at: true,
    error_code: true,
    error_at: true,
    vendor: true,
    merged_into: true,
  },
  (db, rows: DeliveryRow[]) => db.insertInto('deliveries').values(rows),
);

/** Routine messages sort after everything else: an alert is never claimed behind a reminder. */
const routineLast = sql<number>`case when priority = 'routine' then 1 else 0 end`;

/** Due deliveries, and those whose sender died mid-send; locked and skipped across instances. */
export async function claimable(
  db: Executor,
  dialect: DialectName,
  now: string,
  limit: number,
): Promise<DeliveryRow[]> {
  return db
    .selectFrom('deliveries')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
        eb.and([eb('state', '=', 'sending'), eb('lease_until', '<', now)]),
      ]),
    )
    .orderBy(routineLast)
    .orderBy('next_attempt_at')
    .limit(limit)
    .$if(dialect === 'postgres', (q) => q.forUpdate().skipLocked())
    .execute();
}

export async function updateDelivery(db: Executor, id: string, changes: Partial<DeliveryRow>): Promise<void> {
  await db.updateTable('deliveries').set(changes).where('id', '=', id).execute();
}

/** How many routine messages a person was sent since `since`, to keep a burst of reminders from flooding one phone. */
export async function routineSentSince(
  db: Executor,
  personId: string,
  since: string,
): Promise<{ n: number; last: string | null }> {
  const row = await db
    .selectFrom('deliveries')
    .select((e) => [e.fn.countAll<number>().as('n'), e.fn.max('sent_at').as('last')])
    .where('person_id', '=', personId)
    .where('priority', '=', 'routine')
    .where('merged_into', 'is', null)
    .where((eb) => eb.or([eb('sent_at', '>=', since), eb('state', '=', 'sending')]))
    .executeTakeFirstOrThrow();
  return { n: Number(row.n), last: row.last ?? null };
}

/** Other routine messages waiting for the same person by the same method: they ride in one digest. */
export async function routineWaiting(db: Executor, delivery: DeliveryRow): Promise<DeliveryRow[]> {
  return db
    .selectFrom('deliveries')
    .selectAll()
    .where('person_id', '=', delivery.person_id)
    .where('priority', '=', 'routine')
    .where('state', '=', 'pending')
    .where('method_position', '=', delivery.method_position)
    .where('id', '!=', delivery.id)
    .orderBy('created_at')
    .limit(50)
    .execute();
}

export const mergedInto = (db: Executor, id: string) =>
  db
    .selectFrom('deliveries')
    .innerJoin('notifications', 'notifications.id', 'deliveries.notification_id')
    .select(['notifications.title', 'notifications.created_at'])
    .where('deliveries.merged_into', '=', id)
    .orderBy('notifications.created_at')
    .execute();

/** Urgent deliveries whose failover moment has come without a confirmed delivery or an answer. */
export async function dueForFailover(db: Executor, dialect: DialectName, now: string, limit: number) {
  return db
    .selectFrom('deliveries')
    .innerJoin('notifications', 'notifications.id', 'deliveries.notification_id')
    .selectAll('deliveries')
    .select(['notifications.priority as notification_priority', 'notifications.answered_at'])
    .where('deliveries.handed_over', '=', 0)
    .where('deliveries.failover_at', '<=', now)
    .where('deliveries.state', 'in', ['pending', 'sending', 'sent', 'failed'])
    .orderBy('deliveries.failover_at')
    .limit(limit)
    .$if(dialect === 'postgres', (q) => q.forUpdate(['deliveries']).skipLocked())
    .execute();
}

/** A later delivery of the same message to the same person already exists (a failover or a new round). */
export async function hasLaterMethod(db: Executor, delivery: DeliveryRow): Promise<boolean> {
  const row = await db
    .selectFrom('deliveries')
    .select('id')
    .where('notification_id', '=', delivery.notification_id)
    .where('method_position', '>', delivery.method_position)
    .where('channel', '!=', 'voice')
    .executeTakeFirst();
  return row !== undefined;
}

/** Is any delivery of this message still pending, sending, or sent (awaiting its receipt, or delivered)? */
export async function stillTrying(db: Executor, notificationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('deliveries')
    .select('id')
    .where('notification_id', '=', notificationId)
    .where('state', 'in', ['pending', 'sending', 'sent'])
    .executeTakeFirst();
  return row !== undefined;
}

export const byProvider = (db: Executor, vendors: string[], providerId: string) =>
  db
    .selectFrom('deliveries')
    .selectAll()
    .where('vendor', 'in', vendors)
    .where('provider_id', '=', providerId)
    .executeTakeFirst();

/** How each person told about an incident was last reached: the newest delivery of any message about it. */
export async function reachedAbout(
  db: Executor,
  incidentId: string,
): Promise<Map<string, { channel: string; state: string; at: string }>> {
  const rows = await db
    .selectFrom('deliveries')
    .innerJoin('notifications', 'notifications.id', 'deliveries.notification_id')
    .select([
      'deliveries.person_id',
      'deliveries.channel',
      'deliveries.state',
      'deliveries.sent_at',
      'deliveries.created_at',
    ])
    .where('notifications.incident_id', '=', incidentId)
    .where('deliveries.state', '!=', 'merged')
    .orderBy('deliveries.created_at')
    .orderBy('deliveries.id')
    .execute();
  return new Map(
    rows.map((r) => [
      r.person_id,
      { channel: r.channel, state: r.state === 'delivered' ? 'sent' : r.state, at: r.sent_at ?? r.created_at },
    ]),
  );
}

/** Every delivery of the last day, for delivery health. */
export const deliveriesSince = (db: Executor, since: string) =>
  db
    .selectFrom('deliveries')
    .select([
      'channel',
      'vendor',
      'state',
      'created_at',
      'sent_at',
      'delivered_at',
      'last_error',
      'error_code',
      'error_at',
    ])
    .where('created_at', '>=', since)
    .where('state', '!=', 'merged')
    .where('channel', '!=', 'in_app')
    .execute();

/** People whose SMS or voice method is this mobile (E.164). */
export async function peopleWithMobile(db: Executor, mobile: string): Promise<string[]> {
  const rows = await db
    .selectFrom('contact_methods')
    .select(['person_id', 'address_json'])
    .where('channel', 'in', ['sms', 'voice'])
    .execute();
  return [
    ...new Set(
      rows.filter((r) => (JSON.parse(r.address_json) as { mobile?: string }).mobile === mobile).map((r) => r.person_id),
    ),
  ];
}

/** People whose work-app method is this user id. */
export async function peopleWithAppUser(db: Executor, channel: string, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('contact_methods')
    .select(['person_id', 'address_json'])
    .where('channel', '=', channel)
    .execute();
  return [
    ...new Set(
      rows.filter((r) => (JSON.parse(r.address_json) as { userId?: string }).userId === userId).map((r) => r.person_id),
    ),
  ];
}
