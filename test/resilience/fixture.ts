import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from '../../src/server/config.js';
import { createContainer } from '../../src/server/container.js';
import type { DialectName } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { loadDemo } from '../../src/server/demo/load-demo.js';
import { FakeClock } from '../../src/server/lib/clock.js';
import { newId } from '../../src/server/lib/ids.js';
import { cliActor } from '../../src/server/modules/auth/actor.js';
import { openTestDatabase, type TestDatabase } from '../helpers/dialects.js';
import type { HttpReceiver } from '../receivers/http-receiver.js';

const root = join(import.meta.dirname, '..', '..');

/**
 * A database with `count` incidents reported twenty minutes ago across the sample schools, so that
 * every chain's ten-minute deadline is already due when a server starts. Heads are reached by
 * e-mail, safety officers (the deputies the chain escalates to) by a signed DingTalk robot.
 */
export async function prepareBacklog(
  dialect: DialectName,
  dir: string,
  count: number,
  robot: HttpReceiver,
): Promise<TestDatabase> {
  const database = await openTestDatabase(dialect, join(dir, 'steady.db'));
  const clock = new FakeClock(new Date(Date.now() - 20 * 60_000));
  const c = createContainer(loadConfig({ STEADY_DATA_DIR: dir, STEADY_WEB_DIR: '/nonexistent' }), {
    clock,
    database: database.opened,
  });
  await migrateToLatest(c.db);
  await loadDemo(c, 'resilience-pass');
  const units = await c.db
    .selectFrom('units')
    .select(['id'])
    .where('type', 'in', ['school', 'kindergarten'])
    .orderBy('path')
    .execute();
  const people = await c.db
    .selectFrom('memberships')
    .select(['person_id', 'role', 'unit_id'])
    .where(
      'unit_id',
      'in',
      units.map((u) => u.id),
    )
    .where('role', 'in', ['accountable_head', 'safety_officer'])
    .execute();
  await c.db
    .insertInto('contact_methods')
    .values(
      people.map((p) => ({
        id: newId(),
        person_id: p.person_id,
        position: 1,
        created_at: clock.now().toISOString(),
        channel: p.role === 'accountable_head' ? 'email' : 'dingtalk',
        address_json: JSON.stringify(
          p.role === 'accountable_head'
            ? { channel: 'email', to: `${p.person_id}@school.example` }
            : { channel: 'dingtalk', url: robot.urls.dingtalk, secret: robot.secrets.dingtalk },
        ),
      })),
    )
    .execute();
  for (let i = 0; i < count; i++) {
    await c.incidents.report(cliActor, {
      unitId: units[i % units.length]!.id,
      type: 'facility_hazard',
      severity: 4,
      place: `第 ${i} 号教室`,
      description: `门窗损坏 #${i}`,
      drill: false,
    });
  }
  // The test keeps its own handle for checking; the server processes open theirs.
  return database;
}

export interface ServerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** A real Steady server process (`steady serve`) on a free port. */
export function startServerProcess(env: Record<string, string>): ServerProcess {
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/server/cli/steady.ts'), 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      STEADY_WEB_DIR: '/nonexistent',
      STEADY_LANG: 'en',
      ...env,
    },
  });
  child.stdout!.on('data', (b: Buffer) => (log += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (log += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => log, exited };
}

export async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 15));
  }
  throw new Error(`timed out waiting for ${what}`);
}
