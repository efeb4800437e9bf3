/**
 * The audit chain's design, measured: the same write transaction — three reads, one insert, one
 * audit entry — from 20 concurrent connections on PostgreSQL, with the chain kept four ways:
 *
 * - head first (the design before #15): the head row is locked at the first audit entry, early in
 *   the transaction, and held through the rest of it until commit;
 * - head last: the transaction does its work, then locks the head as its last statements;
 * - a head per subtree (100 towns): as "head first", but writes of different towns do not meet;
 * - sequencer (chosen): the transaction inserts its authenticated entry and touches no shared
 *   row; Steady's own AuditSequencer chains committed entries in batches meanwhile.
 *
 * Throughput and latency per transaction, in one run on one database. BENCH_AUDIT_TX sets the
 * transactions per design (default 4000).
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { loadConfig } from '../src/server/config.js';
import { createContainer } from '../src/server/container.js';
import { openDatabase, type Db, type Executor } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { newId } from '../src/server/lib/ids.js';
import { engineActor } from '../src/server/modules/auth/actor.js';
import { newAuditKeyPem } from '../src/server/modules/audit/audit-keys.js';
import { BENCH_PG_URL, createSchema, dropSchema, freshSchemaName, pgReachable } from './engine/pg.js';
import { load, machine, percentile, writeSection } from './report.js';

const TX = Number(process.env.BENCH_AUDIT_TX ?? 4000);
const CLIENTS = 20;
const SUBTREES = 100;

type Design = 'head first' | 'head last' | 'head per subtree' | 'sequencer';
interface Figure {
  design: Design;
  perSecond: number;
  p50: number;
  p99: number;
  load: string;
  note: string;
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

async function prepare(db: Db): Promise<void> {
  await sql`create table bench_rows (id text primary key, unit text not null, at text not null)`.execute(db);
  await sql`create table bench_heads (id integer primary key, seq bigint not null, hash text not null)`.execute(db);
  const logColumns = sql.raw(
    'head integer not null, seq bigint not null, body text not null, prev text not null, hash text not null, ' +
      'primary key (head, seq)',
  );
  await sql`create table bench_log (${logColumns})`.execute(db);
  await sql`insert into bench_heads select g, 0, ${'0'.repeat(64)} from generate_series(0, ${SUBTREES}) g`.execute(db);
}

/** The reads a real write does first (session, unit, access): three round trips. */
async function reads(tx: Executor): Promise<void> {
  for (let i = 0; i < 3; i++) await sql`select id, path from units order by id limit 1`.execute(tx);
}

async function lockedAppend(tx: Executor, head: number, body: string): Promise<void> {
  const { rows } = await sql<{
    seq: number;
    hash: string;
  }>`select seq, hash from bench_heads where id = ${head} for update`.execute(tx);
  const seq = Number(rows[0]!.seq) + 1;
  const h = hash(`${seq}${body}${rows[0]!.hash}`);
  await sql`insert into bench_log values (${head}, ${seq}, ${body}, ${rows[0]!.hash}, ${h})`.execute(tx);
  await sql`update bench_heads set seq = ${seq}, hash = ${h} where id = ${head}`.execute(tx);
}

async function business(tx: Executor, unit: string): Promise<void> {
  await sql`insert into bench_rows values (${newId()}, ${unit}, ${new Date().toISOString()})`.execute(tx);
}

async function measure(
  design: Design,
  db: Db,
  write: (tx: Executor, i: number) => Promise<void>,
  note: string,
): Promise<Figure> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let i = next++; i < TX; i = next++) {
        const t0 = performance.now();
        await db.transaction().execute((tx) => write(tx, i));
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return {
    design,
    perSecond: TX / (elapsed / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    load: load(),
    note,
  };
}

export async function run(): Promise<void> {
  const version = await pgReachable();
  if (!version) return console.log(`audit-chain: PostgreSQL at ${BENCH_PG_URL} does not answer; skipped`);
  const schema = freshSchemaName('bench_audit');
  await createSchema(schema);
  const opened = openDatabase({ dialect: 'postgres', url: BENCH_PG_URL, schema, poolSize: CLIENTS + 2 });
  const config = loadConfig({ STEADY_DATA_DIR: '/tmp/steady-bench-unused', STEADY_AUDIT_KEY: newAuditKeyPem() });
  const c = createContainer(config, { database: opened });
  try {
    await migrateToLatest(c.db);
    const unitValues = sql.raw("'u', null, 'bench', 'other', 'Asia/Shanghai', 'zh-CN', '/u/', 0, '', ''");
    await sql`insert into units values (${unitValues})`.execute(c.db);
    await prepare(c.db);
    const figures: Figure[] = [];
    figures.push(
      await measure(
        'head first',
        c.db,
        async (tx, i) => {
          await reads(tx);
          await lockedAppend(tx, 0, `entry ${i}`);
          await business(tx, 'u');
          await sql`select 1`.execute(tx); // the rest of the request's work, under the lock
        },
        'every transaction waits for the one before it to commit',
      ),
    );
    figures.push(
      await measure(
        'head last',
        c.db,
        async (tx, i) => {
          await reads(tx);
          await business(tx, 'u');
          await sql`select 1`.execute(tx);
          await lockedAppend(tx, 0, `entry ${i}`);
        },
        'held for three statements and the commit',
      ),
    );
    figures.push(
      await measure(
        'head per subtree',
        c.db,
        async (tx, i) => {
          await reads(tx);
          await lockedAppend(tx, 1 + (i % SUBTREES), `entry ${i}`);
          await business(tx, 'u');
          await sql`select 1`.execute(tx);
        },
        `${SUBTREES} chains to verify and anchor; writes of one school still queue`,
      ),
    );
    c.audit.sequencer.start();
    figures.push(
      await measure(
        'sequencer',
        c.db,
        async (tx, i) => {
          await reads(tx);
          await business(tx, 'u');
          await sql`select 1`.execute(tx);
          await c.audit.record(tx, engineActor, {
            action: 'bench.write',
            entity: 'bench',
            entityId: String(i),
            unitId: 'u',
            after: { i },
          });
        },
        'no shared row; chained after commit',
      ),
    );
    await c.audit.stop();
    await c.audit.settle();
    const verified = await c.audit.verify(c.db);
    const f = (n: number) => Math.round(n).toLocaleString('en');
    const base = figures[0]!.perSecond;
    const row = (x: Figure) =>
      `| ${x.design} | ${f(x.perSecond)} | ${(x.perSecond / base).toFixed(2)} | ${x.p50.toFixed(1)} | ` +
      `${x.p99.toFixed(1)} | ${x.load} | ${x.note} |`;
    const verdict = verified.ok
      ? `passes, ${f(verified.checked)} entries chained`
      : `FAILS: ${JSON.stringify(verified.problem)}`;
    const markdown =
      `## The audit chain's design: four ways, measured

\`bench/audit-chain.bench.ts\` — ${TX} write transactions per design ` +
      `from ${CLIENTS} concurrent connections on PostgreSQL, each doing
three reads, one insert and one audit entry (plus one statement ` +
      `standing for the rest of a request's work), with the chain kept
four ways (the issue's options). ${version.split(',')[0]}. Machine: ${machine()}; ` +
      `load average (1 min) after each design in the last column.

| design | transactions/s | ÷ head first | p50 ms | p99 ms | load | note |
| --- | ---: | ---: | ---: | ---: | ---: | --- |
${figures.map(row).join('\n')}

After the sequencer's run: \`verify\` ${verdict}.
`;
    writeSection('audit-chain', markdown);
    console.log(markdown);
  } finally {
    await c.audit.stop();
    await opened.db.destroy();
    await dropSchema(schema);
  }
}
