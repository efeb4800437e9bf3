/**
 * The supervisor's daily-report matrix at county scale: 20,000 units × 365 days of daily reports,
 * generated straight into the tables, then the board's own reads timed on SQLite and PostgreSQL —
 * today's status for the whole tree, the 30-day matrix for the whole tree (a page of units, totals
 * over all), the same matrix with every unit in the answer (what the export reads), one town,
 * the 12-week trend and a drill-down to one unit-day. Each read is the service call plus the
 * JSON it answers with, on a warm database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { loadConfig } from '../src/server/config.js';
import { createContainer } from '../src/server/container.js';
import { openDatabase, type Db, type DialectName, type OpenedDatabase } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { FakeClock } from '../src/server/lib/clock.js';
import { newId } from '../src/server/lib/ids.js';
import type { AccountActor } from '../src/server/modules/auth/actor.js';
import { BENCH_PG_URL, createSchema, dropSchema, freshSchemaName, pgReachable } from './engine/pg.js';
import { machine, percentile, writeSection } from './report.js';
import type { UnitType } from '../src/common/org.js';

const UNITS = Number(process.env.BENCH_DR_UNITS ?? 20_000);
const DAYS = Number(process.env.BENCH_DR_DAYS ?? 365);
const SAMPLES = Number(process.env.BENCH_DR_SAMPLES ?? 40);
const TOWNS = Math.max(1, Math.round(UNITS / 200));
/** 14:30 in Shanghai on the last day: before the 15:00 deadline, so today has pending units. */
const NOW = new Date('2027-06-30T06:30:00.000Z');
const TARGETS = { today: 100, matrix: 300 };
/** Only SQLite or only PostgreSQL (`sqlite`, `postgres`); both when unset. */
const ONLY = process.env.BENCH_DR_ONLY;

/** mulberry32: the same data on every run and both databases. */
export function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Generated {
  rootId: string;
  rootPath: string;
  townId: string;
  unitIds: string[];
  units: number;
  monthRows: number;
  reports: number;
  seconds: number;
}

export async function insertMany<T>(rows: T[], size: number, write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** A past day's code: mostly on time, some late, a few missing, some days not required. */
function pastCode(random: () => number): string {
  const r = random();
  return r < 0.86 ? 'o' : r < 0.91 ? 'l' : r < 0.93 ? 'm' : r < 0.99 ? '-' : 'x';
}

export async function generate(db: Db, dialect: DialectName): Promise<Generated> {
  const started = performance.now();
  const random = seeded(20270630);
  const at = NOW.toISOString();
  const unit = (
    id: string,
    parent: { id: string; path: string; depth: number } | null,
    name: string,
    type: UnitType,
    zone: string,
  ) => ({
    id,
    parent_id: parent?.id ?? null,
    name,
    type,
    time_zone: zone,
    locale: 'zh-CN',
    path: `${parent?.path ?? '/'}${id}/`,
    depth: (parent?.depth ?? -1) + 1,
    created_at: at,
    updated_at: at,
  });
  const root = unit(newId(), null, '基准县教育局', 'education_bureau', 'Asia/Shanghai');
  const rows = [root];
  const perTown = Math.ceil((UNITS - 1 - TOWNS) / TOWNS);
  for (let t = 0; t < TOWNS; t++) {
    const town = unit(newId(), root, `基准镇中心学校 ${t + 1}`, 'central_school', 'Asia/Shanghai');
    rows.push(town);
    for (let s = 0; s < perTown && rows.length < UNITS; s++) {
      // One town in ten lies in Urumqi: its days begin two hours later.
      rows.push(
        unit(newId(), town, `基准学校 ${t + 1}-${s + 1}`, 'school', t % 10 === 9 ? 'Asia/Urumqi' : 'Asia/Shanghai'),
      );
    }
  }
  await insertMany(rows, 1000, (batch) => db.insertInto('units').values(batch).execute());

  // The calendar is worked out once; each unit only draws its codes.
  const lastDay = DateTime.fromJSDate(NOW, { zone: 'Asia/Shanghai' }).startOf('day');
  const calendar = Array.from({ length: DAYS }, (_, i) => lastDay.minus({ days: DAYS - 1 - i })).map((d) => ({
    day: d.toISODate()!,
    month: d.toISODate()!.slice(0, 7),
    index: d.day - 1,
  }));
  const todays = new Map<string, string>();
  const months: { month: string; unit_id: string; days: string }[] = [];
  for (const u of rows) {
    if (!todays.has(u.time_zone)) todays.set(u.time_zone, DateTime.fromJSDate(NOW, { zone: u.time_zone }).toISODate()!);
    const today = todays.get(u.time_zone)!;
    const byMonth = new Map<string, string[]>();
    for (const { day, month, index } of calendar) {
      if (day > today) break;
      let codes = byMonth.get(month);
      if (!codes) byMonth.set(month, (codes = Array.from({ length: 31 }, () => '.')));
      codes[index] = day === today ? (random() < 0.4 ? 'o' : 'p') : pastCode(random);
    }
    for (const [month, days] of byMonth) months.push({ month, unit_id: u.id, days: days.join('') });
  }
  await insertMany(months, 2000, (batch) => db.insertInto('daily_report_months').values(batch).execute());

  // The reports behind every "o", "l" and "x", made by the database from the month rows.
  // Written once for both statements below, inlined into them as is.
  const columns = sql.raw('id, unit_id, day, status, zero, items_json, deadline, submitted_at, submitted_by_person_id');
  const submittedTime = sql.raw("case when substr(m.days, d, 1) = 'l' then 'T08:10:00.000Z' else 'T05:40:00.000Z' end");
  const reportsSql =
    dialect === 'postgres'
      ? sql`insert into daily_reports (${columns})
        select md5(m.unit_id || m.month || d)::uuid::text, m.unit_id, m.month || '-' || lpad(d::text, 2, '0'),
          case substr(m.days, d, 1) when 'o' then 'on_time' when 'l' then 'late' else 'not_required' end,
          case when d % 7 = 0 then 0 else 1 end,
          case when d % 7 = 0 then '[{"kind":"problems","text":"围墙东段有裂缝，已设警示。"}]' else '[]' end,
          case when substr(m.days, d, 1) = 'x' then null else '15:00' end,
          m.month || '-' || lpad(d::text, 2, '0') || ${submittedTime}, null
        from daily_report_months m cross join generate_series(1, 31) d where substr(m.days, d, 1) in ('o', 'l', 'x')`
      : sql`with recursive n(d) as (select 1 union all select d + 1 from n where d < 31)
        insert into daily_reports (${columns})
        select lower(hex(randomblob(16))), m.unit_id, m.month || '-' || substr('0' || d, -2),
          case substr(m.days, d, 1) when 'o' then 'on_time' when 'l' then 'late' else 'not_required' end,
          case when d % 7 = 0 then 0 else 1 end,
          case when d % 7 = 0 then '[{"kind":"problems","text":"围墙东段有裂缝，已设警示。"}]' else '[]' end,
          case when substr(m.days, d, 1) = 'x' then null else '15:00' end,
          m.month || '-' || substr('0' || d, -2) || ${submittedTime}, null
        from daily_report_months m cross join n where substr(m.days, d, 1) in ('o', 'l', 'x')`;
  if (process.env.BENCH_DR_REPORTS !== '0') await reportsSql.execute(db);
  await sql`analyze`.execute(db);
  const count = async (table: 'daily_reports' | 'daily_report_months') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((e) => e.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const town = rows[1]!;
  return {
    rootId: root.id,
    rootPath: root.path,
    townId: town.id,
    unitIds: rows.filter((r) => r.depth === 2).map((r) => r.id),
    units: rows.length,
    monthRows: await count('daily_report_months'),
    reports: await count('daily_reports'),
    seconds: (performance.now() - started) / 1000,
  };
}

interface Timing {
  name: string;
  p50: number;
  p95: number;
  max: number;
  bytes: number;
}

async function time(name: string, run: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < 3; i++) await run();
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    bytes = JSON.stringify(await run()).length;
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { name, p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples.at(-1)!, bytes };
}

async function measure(opened: OpenedDatabase): Promise<{ data: Generated; timings: Timing[] }> {
  await migrateToLatest(opened.db);
  const data = await generate(opened.db, opened.dialect);
  const c = createContainer(loadConfig({ STEADY_DATA_DIR: tmpdir(), STEADY_WEB_DIR: '/nonexistent' }), {
    database: opened,
    clock: new FakeClock(NOW),
  });
  const actor: AccountActor = {
    kind: 'account',
    accountId: 'bench',
    personId: 'bench',
    username: 'bench',
    locale: 'zh-CN',
    scopes: [{ unitId: data.rootId, path: data.rootPath, roles: ['supervisor'] }],
  };
  const random = seeded(7);
  const someUnit = () => data.unitIds[Math.floor(random() * data.unitIds.length)]!;
  const someDay = () =>
    DateTime.fromJSDate(NOW)
      .minus({ days: Math.floor(random() * DAYS) })
      .toISODate()!;
  const { board, service } = c.dailyReports;
  const timings = [
    await time('today', () => board.today(actor)),
    await time('matrix', () => board.matrix(actor, { days: 30, page: { page: 1, pageSize: 100 } })),
    await time('matrix-all', () => board.matrix(actor, { days: 30 })),
    await time('matrix-town', () =>
      board.matrix(actor, { unitId: data.townId, days: 30, page: { page: 1, pageSize: 500 } }),
    ),
    await time('trend', () => board.trend(actor, undefined, 12)),
    await time('day', () => service.day(actor, someUnit(), someDay())),
  ];
  return { data, timings };
}

const LABELS: Record<string, string> = {
  today: 'today’s status, whole tree (counts + units late/missing/pending)',
  matrix: '30-day matrix, whole tree (page of 100 units, totals over all)',
  'matrix-all': '30-day matrix, whole tree, every unit in the answer (as the export reads it)',
  'matrix-town': '30-day matrix, one town (≈200 units)',
  trend: '12-week trend, whole tree',
  day: 'drill-down to one unit-day (status + report)',
};

export async function run(): Promise<void> {
  const results: { dialect: string; data: Generated; timings: Timing[] }[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'steady-bench-daily-'));
  const loads: number[] = [loadavg()[0]!];
  try {
    if (ONLY !== 'postgres') {
      const sqlite = openDatabase({ dialect: 'sqlite', path: join(dir, 'steady.db') });
      try {
        results.push({ dialect: 'SQLite', ...(await measure(sqlite)) });
      } finally {
        await sqlite.db.destroy();
      }
      loads.push(loadavg()[0]!);
    }
    const version = ONLY === 'sqlite' ? null : await pgReachable();
    if (version) {
      const schema = freshSchemaName('bench_daily');
      await createSchema(schema);
      const pg = openDatabase({ dialect: 'postgres', url: BENCH_PG_URL, schema, poolSize: 4 });
      try {
        results.push({ dialect: 'PostgreSQL', ...(await measure(pg)) });
      } finally {
        await pg.db.destroy();
        await dropSchema(schema);
      }
      loads.push(loadavg()[0]!);
    } else {
      console.log('PostgreSQL not reachable: its run is skipped');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const text = report(results, loads);
  writeSection('daily-report-matrix', text);
  console.log(text);
}

function report(results: { dialect: string; data: Generated; timings: Timing[] }[], loads: number[]): string {
  const ms = (n: number) => (n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString('en'));
  const kb = (n: number) => `${Math.round(n / 1024).toLocaleString('en')} KB`;
  const first = results[0]!.data;
  const rows = Object.keys(LABELS).map(
    (key) =>
      `| ${LABELS[key]} | ${results
        .map((r) => {
          const t = r.timings.find((x) => x.name === key)!;
          return `${ms(t.p50)} / ${ms(t.p95)} / ${ms(t.max)}`;
        })
        .join(' | ')} | ${kb(results[0]!.timings.find((x) => x.name === key)!.bytes)} |`,
  );
  const verdicts = results.flatMap((r) => {
    const today = r.timings.find((t) => t.name === 'today')!;
    const matrix = r.timings.find((t) => t.name === 'matrix')!;
    return [
      `- ${r.dialect}: today’s status p95 ${ms(today.p95)} ms — ` +
        `${today.p95 < TARGETS.today ? 'under' : '**not under**'} ${TARGETS.today} ms; ` +
        `30-day matrix p95 ${ms(matrix.p95)} ms — ` +
        `${matrix.p95 < TARGETS.matrix ? 'under' : '**not under**'} ${TARGETS.matrix} ms.`,
    ];
  });
  return (
    `## Daily reports: the supervisor's matrix at county scale

\`bench/daily-report-matrix.ts\` — ${first.units.toLocaleString('en')} units ` +
    `(a bureau, ${TOWNS} towns, schools under them; one town in ten in
Asia/Urumqi) × ${DAYS} days, generated straight into the tables: ` +
    `${first.monthRows.toLocaleString('en')} month rows and
${first.reports.toLocaleString('en')} reports (past days 86 % on time, ` +
    `5 % late, 2 % missing, 6 % not required; today 40 % in, the rest pending).
Each figure is the board's own call (the service the route calls, access scope included) ` +
    `and the JSON of its answer, ${SAMPLES} runs after 3 warm-up runs,
in ms as p50 / p95 / max; "answer" is the JSON size. Generated in ` +
    `${results.map((r) => `${Math.round(r.data.seconds)} s on ${r.dialect}`).join(', ')}.
Machine: ${machine()}; load average ${loads.map((l) => l.toFixed(1)).join(' → ')} (other work shares it).

| read | ${results.map((r) => r.dialect).join(' | ')} | answer |
| --- | ${results.map(() => '---:').join(' | ')} | ---: |
${rows.join('\n')}

Aim: today's status under ${TARGETS.today} ms p95, the 30-day matrix under ${TARGETS.matrix} ms p95.

${verdicts.join('\n')}

How: a unit's statuses for a month are one row, \`daily_report_months(month, ` +
    `unit_id, days)\`, with one character per day
(\`o\` on time, \`l\` late, \`L\` marked late, \`m\` missing, \`p\` pending, ` +
    `\`-\`/\`.\`/\`x\` not required), keyed month first and, on
SQLite, stored in key order (WITHOUT ROWID). A 30-day matrix of the ` +
    `whole tree reads the subtree's units (id and zone) and the
month rows of the months it touches — about ${(first.units * 2).toLocaleString('en')} ` +
    `short rows instead of ${(first.units * 30).toLocaleString('en')} unit-day rows —
counting as it goes; only the page of units on screen is read ` +
    `with names. Today's status is counted by the database (one
GROUP BY on the day's character per local date in use). ` +
    `The reports themselves (\`daily_reports\`, one per unit and day)
are read only for a drill-down.
`
  );
}
