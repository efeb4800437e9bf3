/**
 * An evacuation roll call at the size of a big school (issue #17): 60 classes × 45 pupils, generated
 * into the tables of a sample school with a class teacher signed in for each class (a session row);
 * the head starts the roll call over HTTP, then the 60 teachers mark their pupils one tap (one
 * request) at a time, all classes at once, from 60 clients in a separate process, spread evenly over
 * 60 s. Meanwhile the head's live stream is open: on every `roll-call` event the bench re-reads the
 * count, as the head's screen does, and notes when it first shows everyone accounted for. Figures:
 * every mark stored once, the marks' latency, and the head's count against the last mark's answer.
 * Runs on SQLite (the embedded default) and, when it answers, PostgreSQL.
 * BENCH_ROLL_CLASSES (default 60), BENCH_ROLL_PUPILS (45 a class) and BENCH_ROLL_SECONDS (60) set the size.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { newId } from '../src/server/lib/ids.js';
import { createSchema, dropSchema, freshSchemaName, pgReachable, urlWithSchema } from './engine/pg.js';
import { ROOT, startInstance, steadyCommand, type Instance } from './lib/instances.js';
import { runLoad, type PreparedRequest } from './lib/load.js';
import { load, machine, percentile, writeSection } from './report.js';

const CLASSES = Number(process.env.BENCH_ROLL_CLASSES ?? 60);
const PUPILS = Number(process.env.BENCH_ROLL_PUPILS ?? 45);
const SECONDS = Number(process.env.BENCH_ROLL_SECONDS ?? 60);
const PASSWORD = 'bench-password-1';

/** The one thing the generator needs from a database: run a statement with `?` placeholders. */
interface Sql {
  run(text: string, params: unknown[]): Promise<void>;
  all<T>(text: string, params: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

function sqliteSql(file: string): Sql {
  const db = new SQLite(file);
  return {
    run: async (text, params) => void db.prepare(text).run(...params),
    all: async <T>(text: string, params: unknown[]) => db.prepare(text).all(...params) as T[],
    close: async () => void db.close(),
  };
}

async function pgSql(url: string): Promise<Sql> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const numbered = (text: string) => {
    let n = 0;
    return text.replace(/\?/g, () => `$${++n}`);
  };
  return {
    run: async (text, params) => void (await client.query(numbered(text), params)),
    all: async <T>(text: string, params: unknown[]) => (await client.query(numbered(text), params)).rows as T[],
    close: () => client.end(),
  };
}

async function insertMany(sql: Sql, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const batch = rows.slice(i, i + 200);
    const one = `(${columns.map(() => '?').join(', ')})`;
    await sql.run(
      `insert into ${table} (${columns.join(', ')}) values ${batch.map(() => one).join(', ')}`,
      batch.flat(),
    );
  }
}

interface Session {
  cookie: string;
  csrf: string;
}

/** A person with one role at the school, signed in: the rows a sign-in would have written. */
function personWithSession(
  unitId: string,
  name: string,
  role: string,
  now: string,
  rows: Rows,
): Session & { id: string } {
  const personId = newId();
  const accountId = newId();
  const secret = randomBytes(24).toString('base64url');
  const csrf = randomBytes(16).toString('hex');
  const expires = new Date(Date.now() + 6 * 3600_000).toISOString();
  rows.people.push([personId, unitId, name, now, now]);
  rows.memberships.push([newId(), personId, unitId, role, now]);
  rows.accounts.push([accountId, personId, `roll.${personId}`, 'not-a-password-hash', 0, now, now]);
  rows.sessions.push([createHash('sha256').update(secret).digest('hex'), accountId, csrf, now, expires, now]);
  return { id: personId, cookie: `steady_session=${secret}`, csrf };
}

interface Rows {
  people: unknown[][];
  memberships: unknown[][];
  accounts: unknown[][];
  sessions: unknown[][];
}

/** Classes, pupils and teachers at the first sample school; returns the school, its head and each class's teacher. */
async function generate(sql: Sql): Promise<{ schoolId: string; head: Session; teachers: Map<string, Session> }> {
  const [school] = await sql.all<{ id: string }>(
    `select id from units where type = 'school' order by name limit 1`,
    [],
  );
  if (!school) throw new Error('roll-call: the sample organisation has no school');
  const now = new Date().toISOString();
  const rows: Rows = { people: [], memberships: [], accounts: [], sessions: [] };
  const head = personWithSession(school.id, '基准校长', 'accountable_head', now, rows);
  const teachers = new Map<string, Session>();
  const classes: unknown[][] = [];
  const pupils: unknown[][] = [];
  for (let c = 0; c < CLASSES; c++) {
    const classId = newId();
    const teacher = personWithSession(school.id, `基准班主任 ${c + 1}`, 'class_teacher', now, rows);
    teachers.set(classId, teacher);
    classes.push([classId, school.id, `基准${String(c + 1).padStart(2, '0')}班`, teacher.id, now, now]);
    for (let p = 0; p < PUPILS; p++) pupils.push([newId(), school.id, classId, `学生 ${c + 1}-${p + 1}`, now, now]);
  }
  await insertMany(sql, 'people', ['id', 'home_unit_id', 'name', 'created_at', 'updated_at'], rows.people);
  await insertMany(sql, 'memberships', ['id', 'person_id', 'unit_id', 'role', 'created_at'], rows.memberships);
  await insertMany(
    sql,
    'accounts',
    ['id', 'person_id', 'username', 'password_hash', 'must_change_password', 'created_at', 'updated_at'],
    rows.accounts,
  );
  await insertMany(
    sql,
    'sessions',
    ['id', 'account_id', 'csrf_token', 'created_at', 'expires_at', 'last_seen_at'],
    rows.sessions,
  );
  await insertMany(
    sql,
    'school_classes',
    ['id', 'unit_id', 'name', 'teacher_person_id', 'created_at', 'updated_at'],
    classes,
  );
  await insertMany(sql, 'pupils', ['id', 'unit_id', 'class_id', 'name', 'created_at', 'updated_at'], pupils);
  return { schoolId: school.id, head, teachers };
}

const headersOf = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' });

async function api<T>(base: string, session: Session, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: headersOf(session),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface Counts {
  total: number;
  accounted: number;
  notReported: number;
  missing: number;
}
interface RollCallAnswer {
  id: string;
  counts: Counts;
  groups: { groupKey: string; kind: string }[];
}

/**
 * The head's screen: a live stream, and on each `roll-call` event one re-read of the count (never
 * two at once; an event during a read asks for one more). Notes when everyone is first accounted for.
 */
function watchAsHead(base: string, head: Session, rollCallId: string) {
  let completeAt: number | null = null;
  let reads = 0;
  let reading = false;
  let again = false;
  const read = async (): Promise<void> => {
    if (reading) return void (again = true);
    reading = true;
    do {
      again = false;
      const answer = await api<RollCallAnswer>(base, head, 'GET', `/api/v1/roll-calls/${rollCallId}`);
      reads += 1;
      if (completeAt === null && answer.counts.accounted === answer.counts.total) completeAt = performance.now();
    } while (again);
    reading = false;
  };
  const target = new URL(base);
  const req = request({
    host: target.hostname,
    port: target.port,
    path: '/api/v1/live',
    headers: { cookie: head.cookie },
  });
  req.on('response', (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      if (chunk.includes('event: roll-call')) void read();
    });
  });
  req.on('error', () => undefined);
  req.end();
  return {
    completeAt: () => completeAt,
    reads: () => reads,
    close: () => req.destroy(),
  };
}

interface Figures {
  database: string;
  marks: number;
  stored: number;
  statuses: Record<string, number>;
  elapsedMs: number;
  p50: number;
  p99: number;
  headLagMs: number | null;
  headReads: number;
  accounted: string;
  load: string;
}

/** Start, mark everyone, watch: the run against one instance on a prepared database. */
async function rollCallRun(
  server: Instance,
  sql: Sql,
  database: string,
  schoolId: string,
  head: Session,
  teachers: Map<string, Session>,
): Promise<Figures> {
  const base = server.url;
  const started = await api<RollCallAnswer>(base, head, 'POST', '/api/v1/roll-calls', { unitId: schoolId });
  const watcher = watchAsHead(base, head, started.id);
  try {
    // The staff on duty and the visitors inside (from the sample's gate log) are the head's to mark, first.
    const subjectsOf = async (who: Session, groupKey: string) =>
      (
        await api<{ subjects: { subjectId: string }[] }>(
          base,
          who,
          'GET',
          `/api/v1/roll-calls/${started.id}/groups/${groupKey}`,
        )
      ).subjects.map((s) => s.subjectId);
    for (const group of started.groups.filter((g) => !teachers.has(g.groupKey))) {
      const marks = (await subjectsOf(head, group.groupKey)).map((subjectId) => ({
        key: randomUUID(),
        subjectId,
        status: 'present',
        markedAt: new Date().toISOString(),
      }));
      if (marks.length) await api(base, head, 'POST', `/api/v1/roll-calls/${started.id}/marks`, { marks });
    }
    // Each teacher's list, as their phone reads it; then one tap per pupil, the classes interleaved.
    const lists = new Map<string, string[]>();
    for (const [classId, teacher] of teachers) lists.set(classId, await subjectsOf(teacher, classId));
    const requests: PreparedRequest[] = [];
    for (let p = 0; p < PUPILS; p++) {
      for (const [classId, teacher] of teachers) {
        const subjectId = lists.get(classId)![p]!;
        // One pupil in each class of five is away today; the rest are present.
        const status = p === PUPILS - 1 && requests.length % 5 === 0 ? 'absent' : 'present';
        requests.push({
          method: 'POST',
          path: `/api/v1/roll-calls/${started.id}/marks`,
          headers: headersOf(teacher),
          body: JSON.stringify({
            marks: [{ key: randomUUID(), status, markedAt: 'NOW', subjectId }],
          }),
        });
      }
    }
    // markedAt is the tap's time: the load generator cannot stamp it, so the bodies carry the time they were made,
    // spread as the taps will be (the server clamps a time to the start and its arrival anyway).
    const t0 = Date.now();
    requests.forEach(
      (r, i) => (r.body = r.body!.replace('NOW', new Date(t0 + (i * SECONDS * 1000) / requests.length).toISOString())),
    );
    // The very last tap is sent from here once the load is done, so its answer's moment is known exactly.
    const last = requests.pop()!;
    const result = await runLoad({
      base,
      concurrency: teachers.size,
      requests,
      ratePerSecond: requests.length / SECONDS,
      maxMs: SECONDS * 3000,
    });
    if (watcher.completeAt() !== null) throw new Error('roll-call: complete before the last mark was sent');
    const lastAnswer = await fetch(`${base}${last.path}`, { method: 'POST', headers: last.headers, body: last.body });
    if (lastAnswer.status !== 200) throw new Error(`roll-call: the last mark answered ${lastAnswer.status}`);
    await lastAnswer.arrayBuffer();
    const lastAnsweredAt = performance.now();
    result.statuses[String(lastAnswer.status)] = (result.statuses[String(lastAnswer.status)] ?? 0) + 1;
    requests.push(last);
    for (let waited = 0; watcher.completeAt() === null && waited < 10_000; waited += 50)
      await new Promise((r) => setTimeout(r, 50));
    const completeAt = watcher.completeAt();
    const final = await api<RollCallAnswer>(base, head, 'GET', `/api/v1/roll-calls/${started.id}`);
    const [counted] = await sql.all<{ n: number | string }>(
      `select count(*) as n from roll_call_marks m join roll_call_subjects s on s.id = m.subject_id
       where m.roll_call_id = ? and s.kind = 'pupil'`,
      [started.id],
    );
    return {
      database,
      marks: requests.length,
      stored: Number(counted?.n ?? 0),
      statuses: result.statuses,
      elapsedMs: result.elapsedMs,
      p50: percentile(result.latencies, 50),
      p99: percentile(result.latencies, 99),
      headLagMs: completeAt === null ? null : completeAt - lastAnsweredAt,
      headReads: watcher.reads(),
      accounted: `${final.counts.accounted} / ${final.counts.total}`,
      load: load(),
    };
  } finally {
    watcher.close();
  }
}

async function onSqlite(): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), 'steady-roll-'));
  const env = { STEADY_DATA_DIR: dir, STEADY_DEMO_PASSWORD: PASSWORD };
  try {
    steadyCommand(ROOT, env, ['demo']);
    const sql = sqliteSql(join(dir, 'steady.db'));
    const { schoolId, head, teachers } = await generate(sql);
    const server = await startInstance(ROOT, env);
    try {
      return await rollCallRun(server, sql, 'SQLite', schoolId, head, teachers);
    } finally {
      await server.stop();
      await sql.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(version: string): Promise<Figures> {
  const schema = freshSchemaName('bench_roll');
  await createSchema(schema);
  const url = urlWithSchema(schema);
  const env = { STEADY_DATABASE_URL: url, STEADY_DEMO_PASSWORD: PASSWORD, STEADY_DATA_DIR: `/tmp/${schema}` };
  try {
    steadyCommand(ROOT, env, ['demo']);
    const sql = await pgSql(url);
    try {
      const { schoolId, head, teachers } = await generate(sql);
      const server = await startInstance(ROOT, env);
      try {
        return await rollCallRun(server, sql, version.split(' on ')[0]!, schoolId, head, teachers);
      } finally {
        await server.stop();
      }
    } finally {
      await sql.close();
    }
  } finally {
    await dropSchema(schema);
    rmSync(`/tmp/${schema}`, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const runs = [await onSqlite()];
  const version = await pgReachable();
  if (version) runs.push(await onPostgres(version));
  const f = (n: number) => Math.round(n).toLocaleString('en');
  const lag = (r: Figures) =>
    r.headLagMs === null ? 'never complete' : r.headLagMs <= 0 ? 'with the last answer' : `${f(r.headLagMs)} ms after`;
  const rows = runs.map(
    (r) =>
      `| ${r.database} | ${f(r.stored)} / ${f(r.marks)} (${JSON.stringify(r.statuses)}) ` +
      `| ${(r.elapsedMs / 1000).toFixed(1)} s | ${r.p50.toFixed(0)} / ${r.p99.toFixed(0)} ms ` +
      `| ${lag(r)} (${f(r.headReads)} re-reads) | ${r.accounted} | ${r.load} |`,
  );
  const markdown = `## Roll call: a big school's evacuation, every class at once

\`bench/roll-call.bench.ts\` — ${CLASSES} classes × ${PUPILS} pupils generated into a sample school, a class teacher
signed in for each; the head starts the roll call, then the teachers mark their pupils one tap (one request) at a time,
every class at once, from ${CLASSES} clients in a separate process spread over ${SECONDS} s, one instance. The head's
live stream is open throughout, and each \`roll-call\` event makes the bench re-read the count as the head's screen
does; "head's count" is when that count first showed everyone accounted for, against the moment the last mark's answer
came back (that one mark is sent by the bench itself, after the load, so the moment is exact).
Machine: ${machine()}; load average (1 min) at the end of each run in the last column.

| database | marks stored | time to send | mark latency p50 / p99 | head's count complete | accounted | load |
| --- | ---: | ---: | ---: | --- | ---: | ---: |
${rows.join('\n')}

Aim (issue #17): every mark stored within ${SECONDS} s, the head's live count within 1 s of the last mark.
`;
  writeSection('roll-call', markdown);
  console.log(markdown);
}
