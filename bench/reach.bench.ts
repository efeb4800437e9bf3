/**
 * Report → first message received by the person, through the whole product path: the incident is
 * reported over HTTP, the chain tells the kindergarten's head, the delivery worker (polling as in
 * production) sends through the real SDKs to the local vendor fakes, which note when each message
 * arrives. Twice: with the head's first method (Aliyun SMS) up, and with it answering 503, when the
 * second (WeCom) must arrive after the failover moment, min(30 s, a quarter of the time left).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/server/config.js';
import { loadDemo } from '../src/server/demo/load-demo.js';
import { newId } from '../src/server/lib/ids.js';
import { cliActor } from '../src/server/modules/auth/actor.js';
import { startServer } from '../src/server/server.js';
import { vendorAccounts } from '../test/receivers/vendor-accounts.js';
import { startVendorReceiver, type VendorReceiver } from '../test/receivers/vendor-receiver.js';
import { machine, percentile, writeSection } from './report.js';

const REPORTS = Number(process.env.BENCH_REPORTS ?? 30);
const SPACING_MS = 1000;

interface Run {
  delays: number[];
  load: string;
}

async function scenario(smsDown: boolean): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'steady-bench-reach-'));
  const vendors: VendorReceiver = await startVendorReceiver();
  const config = loadConfig({
    STEADY_DATA_DIR: dir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    STEADY_WEB_DIR: '/nonexistent',
    STEADY_SECRET_KEY: 'bench-secret-key-for-sealing-vendor-secrets-000',
    STEADY_PUBLIC_URL: 'https://steady.example.cn',
  });
  const server = await startServer(config);
  const c = server.container;
  try {
    await loadDemo(c, 'bench-password');
    const accounts = vendorAccounts(vendors);
    for (const vendor of ['aliyun_sms', 'wecom_app'] as const)
      await c.channelSettings.save(cliActor, vendor, { enabled: true, ...accounts[vendor] });
    vendors.appUsers.add('k1-head');
    const head = (
      await c.db.selectFrom('accounts').select('person_id').where('username', '=', 'k1.head').executeTakeFirstOrThrow()
    ).person_id;
    const now = new Date().toISOString();
    await c.db
      .insertInto('contact_methods')
      .values([
        {
          id: newId(),
          person_id: head,
          position: 1,
          channel: 'sms',
          address_json: JSON.stringify({ channel: 'sms', mobile: '+8613800138000' }),
          created_at: now,
        },
        {
          id: newId(),
          person_id: head,
          position: 2,
          channel: 'wecom_app',
          address_json: JSON.stringify({ channel: 'wecom_app', userId: 'k1-head' }),
          created_at: now,
        },
      ])
      .execute();
    if (smsDown) vendors.failNext('aliyun_sms', 100_000, 503);
    const k1 = (
      await c.db.selectFrom('units').select('id').where('name', '=', '城关镇中心幼儿园').executeTakeFirstOrThrow()
    ).id;
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'k1.teacher1', password: 'bench-password' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const reported = new Map<string, number>();
    for (let i = 0; i < REPORTS; i += 1) {
      const started = Date.now();
      const res = await fetch(`${server.url}/api/v1/incidents`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({
          unitId: k1,
          type: 'injury',
          severity: 3,
          place: `教室 ${i + 1}`,
          description: `基准 ${i + 1}`,
        }),
      });
      if (res.status !== 201) throw new Error(`report ${i}: ${res.status} ${await res.text()}`);
      reported.set(((await res.json()) as { id: string }).id, started);
      await new Promise((r) => setTimeout(r, SPACING_MS));
    }
    // Each message carries its delivery id (the SMS as OutId, the app notice in its text): match it to its incident.
    const firstAt = new Map<string, number>();
    const deadline = Date.now() + 120_000;
    while (firstAt.size < REPORTS && Date.now() < deadline) {
      const rows = await c.db
        .selectFrom('deliveries')
        .innerJoin('notifications', 'notifications.id', 'deliveries.notification_id')
        .select(['deliveries.id', 'notifications.incident_id'])
        .where('deliveries.person_id', '=', head)
        .execute();
      const incidentOf = new Map(rows.map((r) => [r.id.replace(/-/g, ''), r.incident_id!]));
      for (const m of vendors.received) {
        const id =
          m.vendor === 'aliyun_sms' ? m.reference : /消息编号：([0-9a-f-]{36})/.exec(m.text)?.[1]?.replace(/-/g, '');
        const incident = id ? incidentOf.get(id) : undefined;
        if (incident && reported.has(incident) && !firstAt.has(incident)) firstAt.set(incident, m.at);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    if (firstAt.size < REPORTS) throw new Error(`only ${firstAt.size} of ${REPORTS} first messages arrived`);
    const delays = [...firstAt.entries()].map(([id, at]) => at - reported.get(id)!).sort((a, b) => a - b);
    return {
      delays,
      load: loadavg()
        .map((l) => l.toFixed(2))
        .join(', '),
    };
  } finally {
    await server.stop();
    await vendors.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function run(): Promise<void> {
  const up = await scenario(false);
  console.log(
    `first method up: p50 ${seconds(percentile(up.delays, 50))}, ` +
      `p99 ${seconds(percentile(up.delays, 99))} (load ${up.load})`,
  );
  const down = await scenario(true);
  console.log(
    `first method down: p50 ${seconds(percentile(down.delays, 50))}, ` +
      `p99 ${seconds(percentile(down.delays, 99))} (load ${down.load})`,
  );
  writeSection(
    'reach',
    `
## Reaching the head: report → first message received

\`bench/reach.bench.ts\` — ${REPORTS} incidents reported over HTTP one second apart at a kindergarten (SQLite, the
production delivery worker polling every 500 ms); the head's methods are [Aliyun SMS, WeCom], both local fakes
(\`test/receivers/vendor-receiver.ts\`) reached through the real SDKs and signatures. Time = the moment the fake
received the head's first message − the moment the report was sent. With the SMS vendor answering 503 to every
request, the WeCom notice is started at the failover moment: min(30 s, ¼ of the 10 minutes left) = 30 s.
Aim: p99 < 5 s with the first method up, < 35 s with it down. Machine: ${machine()}; load average (1, 5, 15 min)
at the end of each run shown beside it (the machine is shared with other work).

| first method | p50 | p99 | max | load average |
| --- | ---: | ---: | ---: | --- |
| up (SMS delivered) | ${seconds(percentile(up.delays, 50))} | ` +
      `${seconds(percentile(up.delays, 99))} | ${seconds(up.delays.at(-1)!)} | ${up.load} |
| down (SMS 503, WeCom after failover) | ${seconds(percentile(down.delays, 50))} | ` +
      `${seconds(percentile(down.delays, 99))} | ${seconds(down.delays.at(-1)!)} | ${down.load} |
`,
  );
}
