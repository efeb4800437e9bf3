import type { DialectName, Executor } from '../db/database.js';
import type { DeliveryRow } from '../db/schema.js';

export async function contactMethodsOf(db: Executor, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db.selectFrom('contact_methods').selectAll().where('person_id', 'in', personIds).orderBy('position').execute();
}

export async function insertDeliveries(db: Executor, rows: DeliveryRow[]): Promise<void> {
  if (rows.length) await db.insertInto('deliveries').values(rows).execute();
}

/** Due deliveries, and those whose sender died mid-send; locked and skipped across instances. */
export async function claimable(db: Executor, dialect: DialectName, now: string, limit: number): Promise<DeliveryRow[]> {
  return db
    .selectFrom('deliveries')
    .selectAll()
    .where((eb) => eb.or([
      eb.and([eb('state', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
      eb.and([eb('state', '=', 'sending'), eb('lease_until', '<', now)]),
    ]))
    .orderBy('next_attempt_at')
    .limit(limit)
    .$if(dialect === 'postgres', (q) => q.forUpdate().skipLocked())
    .execute();
}

export async function updateDelivery(db: Executor, id: string, changes: Partial<DeliveryRow>): Promise<void> {
  await db.updateTable('deliveries').set(changes).where('id', '=', id).execute();
}

/** How many messages a person was sent since `since`, to keep a burst from flooding one phone. */
export async function sentSince(db: Executor, personId: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('deliveries')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('person_id', '=', personId)
    .where((eb) => eb.or([eb('sent_at', '>=', since), eb('state', '=', 'sending')]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function notificationById(db: Executor, id: string) {
  return db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** How each person told about an incident was last reached: the newest delivery of any message about it. */
export async function reachedAbout(db: Executor, incidentId: string): Promise<Map<string, { channel: string; state: string; at: string }>> {
  const rows = await db
    .selectFrom('deliveries')
    .innerJoin('notifications', 'notifications.id', 'deliveries.notification_id')
    .select(['deliveries.person_id', 'deliveries.channel', 'deliveries.state', 'deliveries.sent_at', 'deliveries.created_at'])
    .where('notifications.incident_id', '=', incidentId)
    .orderBy('deliveries.created_at')
    .orderBy('deliveries.id')
    .execute();
  return new Map(rows.map((r) => [r.person_id, { channel: r.channel, state: r.state, at: r.sent_at ?? r.created_at }]));
}
