import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { IN_APP_ONLY } from '../../src/server/notify/delivery-worker.js';
import { dialectsUnderTest, type TestDatabase } from '../helpers/dialects.js';
import { startHttpReceiver, type HttpReceiver } from '../receivers/http-receiver.js';
import { startSmtpReceiver, type SmtpReceiver } from '../receivers/smtp-receiver.js';
import { prepareBacklog, startServerProcess, until, type ServerProcess } from './fixture.js';

const INCIDENTS = 240;

/*
 * Kill -9 in the middle of firing, then count at the receiving end. Deadlines fire exactly once
 * (the firing and its record share one transaction); a message is sent at least once and carries
 * its delivery id, and a repeat can only be a message that was on the wire when the process died.
 */
for (const dialect of dialectsUnderTest()) {
  const instances = dialect === 'postgres' ? 3 : 1;
  describe(`killed mid-firing (${dialect}, ${instances} instance${instances > 1 ? 's' : ''})`, () => {
    let dir: string;
    let smtp: SmtpReceiver;
    let robot: HttpReceiver;
    let database: TestDatabase;
    const servers: ServerProcess[] = [];

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'steady-crash-'));
      smtp = await startSmtpReceiver();
      robot = await startHttpReceiver();
      database = await prepareBacklog(dialect, dir, INCIDENTS, robot);
    });
    after(async () => {
      for (const s of servers) s.child.kill('SIGKILL');
      await database.drop();
      await smtp.close();
      await robot.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const db = () => database.opened.db;
    const count = async (table: 'deadlines' | 'deliveries', state: string) =>
      Number(
        (
          await db()
            .selectFrom(table)
            .select((e) => e.fn.countAll<number>().as('n'))
            .where('state', '=', state)
            // Those told without a contact method have an in-app record, never on the wire.
            .$if(table === 'deliveries', (q) => q.where('channel', '!=', IN_APP_ONLY))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('every due notification arrives, none is lost, and only in-flight messages may repeat', async () => {
      const env = {
        STEADY_DATA_DIR: dir,
        STEADY_DATABASE_URL: database.url,
        STEADY_SMTP_URL: smtp.url,
        STEADY_SMTP_FROM: 'steady@test',
        STEADY_ENGINE_BATCH: '5',
        STEADY_DELIVERIES_PER_MINUTE: '10000',
        STEADY_DELIVERY_LEASE_SECONDS: '15',
      };
      for (let i = 0; i < instances; i++) servers.push(startServerProcess(env));
      await until(
        async () => (await count('deadlines', 'fired')) >= INCIDENTS / 4,
        60_000,
        'the engine to start firing',
      );
      const victim = servers[0]!;
      victim.child.kill('SIGKILL');
      await victim.exited;
      const firedAtKill = await count('deadlines', 'fired');
      const inFlight = new Set(
        (await db().selectFrom('deliveries').select('id').where('state', '=', 'sending').execute()).map((d) => d.id),
      );
      assert.ok(firedAtKill < INCIDENTS, `killed in the middle of firing (${firedAtKill} of ${INCIDENTS} fired)`);

      if (instances === 1) servers.push(startServerProcess(env));
      await until(async () => (await count('deadlines', 'fired')) === INCIDENTS, 120_000, 'every deadline to fire');
      await until(
        async () => (await count('deliveries', 'sent')) === 2 * INCIDENTS,
        120_000,
        'every delivery to be sent',
      );

      // Exactly once in the database: one escalation per incident, never two.
      const escalations = await db()
        .selectFrom('notifications')
        .select(['incident_id'])
        .where('kind', '=', 'incident.deputy')
        .execute();
      assert.equal(escalations.length, INCIDENTS);
      assert.equal(new Set(escalations.map((n) => n.incident_id)).size, INCIDENTS);

      // At the receiving end: every delivery id arrived; repeats only of what was in flight.
      const sent = await db()
        .selectFrom('deliveries')
        .select(['id', 'channel'])
        .where('state', '=', 'sent')
        .where('channel', '!=', IN_APP_ONLY)
        .execute();
      const arrivals = [
        ...smtp.messages.map((m) => m.deliveryId!),
        ...robot.received.filter((m) => m.channel === 'dingtalk').map((m) => m.deliveryId),
      ];
      const seen = new Map<string, number>();
      for (const id of arrivals) seen.set(id, (seen.get(id) ?? 0) + 1);
      for (const d of sent) assert.ok(seen.has(d.id), `delivery ${d.id} (${d.channel}) arrived`);
      const repeats = [...seen.entries()].filter(([, n]) => n > 1).map(([id]) => id);
      console.log(
        `# ${dialect}: ${firedAtKill}/${INCIDENTS} deadlines fired at the kill; ` +
          `${inFlight.size} messages in flight; ${repeats.length} arrived twice`,
      );
      assert.ok(
        repeats.every((id) => inFlight.has(id)),
        `repeats ${repeats.join(', ')} were all in flight at the kill`,
      );
      assert.equal(robot.refused.length, 0, 'every robot message was correctly signed');
      assert.equal(seen.size, 2 * INCIDENTS);
    });
  });
}
