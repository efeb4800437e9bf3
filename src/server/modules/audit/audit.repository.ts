import { sql } from 'kysely';
import type { DialectName, Executor } from '../../db/database.js';
import { precompiled } from '../../db/precompiled.js';
import type { AuditChainRow, AuditLogRow } from './audit.table.js';

export type NewEntry = Omit<AuditLogRow, 'seq'>;
/** A chain row with its entry's columns beside it (null when the entry is gone). */
export type LinkedEntry = AuditChainRow & { entry: AuditLogRow | null };

/**
 * One statement: the entry (its "waiting to be chained" marker is added by a trigger). PostgreSQL
 * numbers it from a sequence; SQLite's one writer at a time takes max + 1. No shared row is locked.
 */
export async function insertEntry(db: Executor, dialect: DialectName, entry: NewEntry): Promise<void> {
  await (dialect === 'postgres' ? insertNumbered : insertNext).execute(db, entry);
}

// Compiled once, every column named: each audited write runs one of these.
const ENTRY_COLUMNS = {
  entry_id: true,
  at: true,
  actor_account_id: true,
  actor_label: true,
  action: true,
  entity: true,
  entity_id: true,
  unit_id: true,
  before_json: true,
  after_json: true,
  key_id: true,
  mac: true,
} as const;
const insertNumbered = precompiled(ENTRY_COLUMNS, (db, entry: NewEntry) => db.insertInto('audit_log').values(entry));
const insertNext = precompiled(ENTRY_COLUMNS, (db, entry: NewEntry) =>
  db.insertInto('audit_log').values({ ...entry, seq: sql<number>`(select coalesce(max(seq), 0) + 1 from audit_log)` }),
);

/** The head for the sequencer; on PostgreSQL undefined while another instance's sequencer holds it. */
export async function lockHead(db: Executor, dialect: DialectName): Promise<{ seq: number; hash: string } | undefined> {
  return db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .$if(dialect === 'postgres', (q) => q.forUpdate().skipLocked())
    .executeTakeFirst();
}

export async function readHead(db: Executor): Promise<{ seq: number; hash: string }> {
  return db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
}

/**
 * Committed entries waiting to be chained, oldest entry number first; with `orphans`, also markers
 * whose entry is gone (entry null), which the sequencer never chains and `audit verify` names.
 */
export async function waiting(
  db: Executor,
  afterSeq: number,
  limit: number,
  orphans = false,
): Promise<{ entry_seq: number; entry: AuditLogRow | null }[]> {
  const rows = await db
    .selectFrom('audit_unchained as u')
    .leftJoin('audit_log as e', 'e.seq', 'u.entry_seq')
    .select(['u.entry_seq'])
    .select(entryColumns)
    .where('u.entry_seq', '>', afterSeq)
    .$if(!orphans, (q) =>
      q
        .where('e.seq', 'is not', null)
        // A marker put back beside an entry already chained (tampering) must not stop the sequencer.
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('audit_chain as c').select('c.pos').whereRef('c.entry_seq', '=', 'u.entry_seq'))),
        ),
    )
    .orderBy('u.entry_seq')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ entry_seq: Number(r.entry_seq), entry: entryOf(r) }));
}

export async function chain(db: Executor, links: AuditChainRow[], head: { seq: number; hash: string }): Promise<void> {
  await db.insertInto('audit_chain').values(links).execute();
  await db
    .deleteFrom('audit_unchained')
    .where(
      'entry_seq',
      'in',
      links.map((l) => l.entry_seq),
    )
    .execute();
  await db.updateTable('audit_head').set(head).where('id', '=', 1).execute();
}

/** Chain rows after `pos`, in order, each with its entry: a batch at a time, so a long log verifies in small memory. */
export async function linksAfter(db: Executor, pos: number, limit: number): Promise<LinkedEntry[]> {
  const rows = await db
    .selectFrom('audit_chain as c')
    .leftJoin('audit_log as e', 'e.seq', 'c.entry_seq')
    .select(['c.pos', 'c.entry_seq', 'c.key_id', 'c.prev_hash', 'c.hash'])
    .select(entryColumns)
    .where('c.pos', '>', pos)
    .orderBy('c.pos')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    pos: Number(r.pos),
    entry_seq: Number(r.entry_seq),
    key_id: r.key_id,
    prev_hash: r.prev_hash,
    hash: r.hash,
    entry: entryOf(r),
  }));
}

export async function counts(db: Executor): Promise<{ entries: number; chained: number; waiting: number }> {
  const count = (table: 'audit_log' | 'audit_chain' | 'audit_unchained') =>
    db
      .selectFrom(table)
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  const [entries, chained, waitingCount] = await Promise.all([
    count('audit_log'),
    count('audit_chain'),
    count('audit_unchained'),
  ]);
  return { entries, chained, waiting: waitingCount };
}

/** Which of these entries already have a place in the chain. */
export async function chainedAmong(db: Executor, seqs: number[]): Promise<number[]> {
  if (seqs.length === 0) return [];
  const rows = await db.selectFrom('audit_chain').select('entry_seq').where('entry_seq', 'in', seqs).execute();
  return rows.map((r) => Number(r.entry_seq));
}

/** The first entry that is neither in the chain nor waiting for it (its marker was removed). */
export async function firstStray(db: Executor): Promise<number | undefined> {
  const row = await db
    .selectFrom('audit_log as e')
    .select('e.seq')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('audit_chain as c').select('c.pos').whereRef('c.entry_seq', '=', 'e.seq'))),
    )
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('audit_unchained as u').select('u.entry_seq').whereRef('u.entry_seq', '=', 'e.seq'))),
    )
    .orderBy('e.seq')
    .limit(1)
    .executeTakeFirst();
  return row ? Number(row.seq) : undefined;
}

const entryColumns = [
  'e.seq as e_seq',
  'e.entry_id as e_entry_id',
  'e.at as e_at',
  'e.actor_account_id as e_actor_account_id',
  'e.actor_label as e_actor_label',
  'e.action as e_action',
  'e.entity as e_entity',
  'e.entity_id as e_entity_id',
  'e.unit_id as e_unit_id',
  'e.before_json as e_before_json',
  'e.after_json as e_after_json',
  'e.key_id as e_key_id',
  'e.mac as e_mac',
] as const;

type EntryColumns = { [K in keyof AuditLogRow as `e_${K}`]: AuditLogRow[K] | null };

function entryOf(r: EntryColumns): AuditLogRow | null {
  if (r.e_seq === null) return null;
  return {
    seq: Number(r.e_seq),
    entry_id: r.e_entry_id,
    at: r.e_at!,
    actor_account_id: r.e_actor_account_id,
    actor_label: r.e_actor_label!,
    action: r.e_action!,
    entity: r.e_entity!,
    entity_id: r.e_entity_id!,
    unit_id: r.e_unit_id,
    before_json: r.e_before_json,
    after_json: r.e_after_json,
    key_id: r.e_key_id,
    mac: r.e_mac,
  };
}
