import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import { buildApp } from '../../src/server/app.js';
import { loadConfig, type Config } from '../../src/server/config.js';
import { createContainer, type Container, type ContainerOptions } from '../../src/server/container.js';
import type { DialectName } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { loadDemo } from '../../src/server/demo/load-demo.js';
import type { Clock } from '../../src/server/lib/clock.js';
import { newAuditKeyPem } from '../../src/server/modules/audit/audit-keys.js';
import { openTestDatabase, type TestDatabase } from './dialects.js';

export const DEMO_PASSWORD = 'demo-password-for-tests';
/** Every test app authenticates its audit trail, as a production install with a key does. */
export const TEST_AUDIT_KEY = newAuditKeyPem();

export interface TestApp {
  app: FastifyInstance;
  c: Container;
  database: TestDatabase;
  /** Signs in through the API and returns a client that sends the cookie and CSRF token. */
  signIn(username: string, password?: string): Promise<Client>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  demo?: boolean;
  clock?: Clock;
  env?: Record<string, string>;
  channels?: ContainerOptions['channels'];
  /** Plugins on the app's database (a statement counter); the data set-up runs through them too. */
  plugins?: KyselyPlugin[];
}

/** A migrated app on a fresh database of the given dialect, optionally with the sample organisation. */
export async function createTestApp(dialect: DialectName, options: TestAppOptions = {}): Promise<TestApp> {
  const database = await openTestDatabase(dialect);
  const config: Config = loadConfig({
    STEADY_DATA_DIR: '/tmp/steady-test-unused',
    STEADY_WEB_DIR: '/nonexistent',
    STEADY_AUDIT_KEY: TEST_AUDIT_KEY,
    ...options.env,
  });
  const opened = (options.plugins ?? []).reduce(
    (o, plugin) => ({ ...o, db: o.db.withPlugin(plugin) }),
    database.opened,
  );
  const c = createContainer(config, { clock: options.clock, database: opened, channels: options.channels });
  await migrateToLatest(c.db);
  if (options.demo) await loadDemo(c, DEMO_PASSWORD);
  const app = await buildApp(c, { logger: false });
  await app.ready();
  return {
    app,
    c,
    database,
    signIn: (username, password = DEMO_PASSWORD) => signIn(app, username, password),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

export interface Client {
  csrf: string;
  cookie: string;
  me: { accountId: string; personId: string; scopes: { unitId: string; unitName: string; roles: string[] }[] };
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function signIn(app: FastifyInstance, username: string, password: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'steady_session');
  if (!cookie) throw new Error('no session cookie');
  const me = res.json();
  return clientFor(app, `steady_session=${cookie.value}`, me.csrfToken, me);
}

export function clientFor(app: FastifyInstance, cookie: string, csrf: string, me: Client['me']): Client {
  const send = (method: InjectOptions['method'], url: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method,
      url,
      payload: body as InjectOptions['payload'],
      headers: { cookie, 'x-csrf-token': csrf, ...headers },
    });
  return {
    csrf,
    cookie,
    me,
    get: (url, headers) => send('GET', url, undefined, headers),
    post: (url, body, headers) => send('POST', url, body ?? {}, headers),
    patch: (url, body, headers) => send('PATCH', url, body, headers),
    delete: (url, headers) => send('DELETE', url, undefined, headers),
    inject: (options) =>
      app.inject({ ...options, headers: { cookie, 'x-csrf-token': csrf, ...(options.headers ?? {}) } }),
  };
}

/** Finds a sample unit's id by its exact name, as the administrator sees it. */
export async function unitIdByName(t: TestApp, name: string): Promise<string> {
  const row = await t.c.db.selectFrom('units').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}
