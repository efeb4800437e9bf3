import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import {
  createTestApp,
  DEMO_PASSWORD,
  signIn,
  TEST_AUDIT_KEY,
  unitIdByName,
  type Client,
  type TestApp,
} from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { buildApp } from '../../app.js';
import { createContainer, type Container } from '../../container.js';
import { openDatabase, parseDatabaseUrl } from '../../db/database.js';
import { entryMac, linkHash } from './audit-digests.js';
import { AuditKeyring, newAuditKeyPem, parseAuditKeys } from './audit-keys.js';

const GUARDED = ['audit_log', 'audit_chain'] as const;

/** What someone with direct database access would have to do first: switch off the guards. */
async function disableGuards(t: TestApp): Promise<void> {
  for (const table of GUARDED) {
    if (t.c.dialect === 'postgres')
      await sql`ALTER TABLE ${sql.table(table)} DISABLE TRIGGER ${sql.raw(`${table}_append_only`)}`.execute(t.c.db);
    else {
      await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_no_update`)}`.execute(t.c.db);
      await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_no_delete`)}`.execute(t.c.db);
    }
  }
}

const count = async (t: TestApp, table: 'audit_log' | 'audit_chain' | 'audit_unchained') =>
  Number(
    (
      await t.c.db
        .selectFrom(table)
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

for (const dialect of dialectsUnderTest()) {
  describe(`the audit trail (${dialect})`, () => {
    let t: TestApp;
    let dir: string;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'steady-audit-'));
      t = await createTestApp(dialect, { demo: true, env: { STEADY_AUDIT_CHECKPOINT_DIR: join(dir, 'checkpoints') } });
    });
    after(async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const everyChangeSampleLoad =
      'every change of the sample load waits authenticated, then the sequencer chains it in one unbroken chain';
    it(everyChangeSampleLoad, async () => {
      const entries = await count(t, 'audit_log');
      assert.ok(entries > 100);
      const waiting = await t.c.audit.verify(t.c.db, { batch: 7 });
      assert.deepEqual(
        [waiting.ok, waiting.waiting, waiting.checked],
        [true, entries, 0],
        'committed, not chained yet: no writer touched the head',
      );
      await t.c.audit.settle();
      const result = await t.c.audit.verify(t.c.db, { batch: 7 });
      assert.deepEqual([result.ok, result.checked, result.waiting], [true, entries, 0]);
      assert.equal(await count(t, 'audit_unchained'), 0);
      assert.deepEqual(result.warnings, ['no-checkpoint'], 'keyed, so anchored; no checkpoint written yet');
    });

    it('the database refuses to update or delete an entry or a link', async () => {
      await assert.rejects(sql`UPDATE audit_log SET actor_label = 'x' WHERE seq = 1`.execute(t.c.db), /append-only/);
      await assert.rejects(sql`DELETE FROM audit_log WHERE seq = 1`.execute(t.c.db), /append-only/);
      await assert.rejects(sql`UPDATE audit_chain SET hash = 'x' WHERE pos = 1`.execute(t.c.db), /append-only/);
      await assert.rejects(sql`DELETE FROM audit_chain WHERE pos = 1`.execute(t.c.db), /append-only/);
    });

    it('a checkpoint is signed, appended outside the database, and checks out against the chain', async () => {
      const checkpoint = await t.c.audit.checkpoints.write();
      assert.ok(checkpoint);
      assert.equal(checkpoint.pos, await count(t, 'audit_chain'));
      const lines = readFileSync(t.c.audit.checkpoints.file!, 'utf8').trim().split('\n');
      assert.deepEqual(JSON.parse(lines.at(-1)!), checkpoint);
      assert.equal(await t.c.audit.checkpoints.write(), null, 'nothing new, nothing written');
      const result = await t.c.audit.verify();
      assert.deepEqual(
        [result.ok, result.lastCheckpoint, result.warnings],
        [true, { pos: checkpoint.pos, at: checkpoint.at }, []],
      );
    });

    it('deleting the last entries and moving audit_head back no longer passes: the checkpoint says so', async () => {
      const admin = await t.signIn('admin');
      const s1 = await unitIdByName(t, '城关镇第一小学');
      for (let i = 0; i < 3; i++)
        assert.equal((await admin.patch(`/api/v1/units/${s1}`, { name: `城关镇第一小学 ${i}` })).statusCode, 200);
      const checkpoint = (await t.c.audit.checkpoints.write())!;
      const keep = checkpoint.pos - 3;
      const kept = await t.c.db
        .selectFrom('audit_chain')
        .select(['hash', 'entry_seq'])
        .where('pos', '=', keep)
        .executeTakeFirstOrThrow();

      await disableGuards(t);
      await sql`DELETE FROM audit_log WHERE seq > ${kept.entry_seq}`.execute(t.c.db);
      await sql`DELETE FROM audit_chain WHERE pos > ${keep}`.execute(t.c.db);
      await sql`UPDATE audit_head SET seq = ${keep}, hash = ${kept.hash} WHERE id = 1`.execute(t.c.db);

      const withoutCheckpoints = await t.c.audit.verify(t.c.db, { checkpointsFile: join(dir, 'none.jsonl') });
      assert.equal(
        withoutCheckpoints.ok,
        true,
        'the chain alone cannot tell: that is why checkpoints are kept elsewhere',
      );
      const result = await t.c.audit.verify();
      assert.deepEqual(result.problem, {
        kind: 'truncated',
        checkpointPos: checkpoint.pos,
        checkpointAt: checkpoint.at,
        chainPos: keep,
      });
      assert.equal(result.ok, false);
    });
  });

  describe(`tampering that the key and the checkpoints reveal (${dialect})`, () => {
    let t: TestApp;
    let dir: string;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'steady-audit-'));
      t = await createTestApp(dialect, { demo: true, env: { STEADY_AUDIT_CHECKPOINT_DIR: dir } });
      await t.c.audit.settle();
      await disableGuards(t);
    });
    after(async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('an edited entry is named by its authenticator', async () => {
      const original = await t.c.db
        .selectFrom('audit_log')
        .select('after_json')
        .where('seq', '=', 42)
        .executeTakeFirstOrThrow();
      await sql`UPDATE audit_log SET after_json = ${'{"name":"篡改"}'} WHERE seq = 42`.execute(t.c.db);
      const result = await t.c.audit.verify(t.c.db);
      assert.deepEqual([result.ok, result.problem, result.checked], [false, { kind: 'altered', pos: 42, seq: 42 }, 41]);
      await sql`UPDATE audit_log SET after_json = ${original.after_json} WHERE seq = 42`.execute(t.c.db);
      assert.equal((await t.c.audit.verify(t.c.db)).ok, true);
    });

    const editWhoseAuthenticatorsWere =
      'an edit whose authenticators were recomputed without our key fails; recomputed with another key too';
    it(editWhoseAuthenticatorsWere, async () => {
      // Plain SHA-256 (what anyone with the database could do) is a downgrade once the chain was keyed.
      const row = await t.c.db.selectFrom('audit_log').selectAll().where('seq', '=', 42).executeTakeFirstOrThrow();
      const plain = entryMac(new AuditKeyring([]), { ...row, key_id: null });
      await sql`UPDATE audit_log SET key_id = NULL, mac = ${plain} WHERE seq = 42`.execute(t.c.db);
      assert.deepEqual((await t.c.audit.verify(t.c.db)).problem, { kind: 'downgraded', pos: 42, seq: 42 });
      // A key of the attacker's own is not ours: nothing it made is accepted.
      const theirs = new AuditKeyring(parseAuditKeys(newAuditKeyPem()));
      const forged = entryMac(theirs, { ...row, key_id: theirs.current!.id });
      await sql`UPDATE audit_log SET key_id = ${theirs.current!.id}, mac = ${forged} WHERE seq = 42`.execute(t.c.db);
      assert.deepEqual((await t.c.audit.verify(t.c.db)).problem, { kind: 'unknown-key', keyId: theirs.current!.id });
      // With our key's id but their HMAC the entry is altered.
      const ours = new AuditKeyring(parseAuditKeys(TEST_AUDIT_KEY)).current!.id;
      await sql`UPDATE audit_log SET key_id = ${ours}, mac = ${forged} WHERE seq = 42`.execute(t.c.db);
      assert.deepEqual((await t.c.audit.verify(t.c.db)).problem, { kind: 'altered', pos: 42, seq: 42 });
      const asItWas = sql`key_id = ${row.key_id}, mac = ${row.mac}, after_json = ${row.after_json}`;
      await sql`UPDATE audit_log SET ${asItWas} WHERE seq = 42`.execute(t.c.db);
      assert.equal((await t.c.audit.verify(t.c.db)).ok, true, 'put back as it was, it verifies');
    });

    it('a removed entry, a removed link and a forged link are each found', async () => {
      const link = await t.c.db.selectFrom('audit_chain').selectAll().where('pos', '=', 10).executeTakeFirstOrThrow();
      const entry = await t.c.db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '=', link.entry_seq)
        .executeTakeFirstOrThrow();
      await sql`DELETE FROM audit_log WHERE seq = ${link.entry_seq}`.execute(t.c.db);
      assert.deepEqual((await t.c.audit.verify(t.c.db)).problem, {
        kind: 'entry-removed',
        pos: 10,
        seq: link.entry_seq,
      });
      await t.c.db.insertInto('audit_log').values(entry).execute();
      assert.deepEqual(
        (await t.c.audit.verify(t.c.db)).problem,
        { kind: 'chained-twice', seq: link.entry_seq },
        'put back, it would wait for a second place',
      );
      await t.c.db.deleteFrom('audit_unchained').where('entry_seq', '=', link.entry_seq).execute();

      const forged = linkHash(new AuditKeyring([]), null, 10, link.entry_seq, entry.mac!, link.prev_hash);
      await sql`UPDATE audit_chain SET key_id = NULL, hash = ${forged} WHERE pos = 10`.execute(t.c.db);
      assert.deepEqual((await t.c.audit.verify(t.c.db)).problem, { kind: 'downgraded', pos: 10, seq: entry.seq });
      await sql`UPDATE audit_chain SET key_id = ${link.key_id}, hash = ${link.hash} WHERE pos = 10`.execute(t.c.db);

      await sql`DELETE FROM audit_chain WHERE pos = 10`.execute(t.c.db);
      assert.deepEqual((await t.c.audit.verify(t.c.db)).problem, { kind: 'gap', pos: 10, found: 11 });
      await t.c.db.insertInto('audit_chain').values(link).execute();
      assert.equal((await t.c.audit.verify(t.c.db)).ok, true);
    });

    it('an entry slipped in without a marker, or a marker whose entry was removed, is named', async () => {
      const admin = await t.signIn('admin');
      const s1 = await unitIdByName(t, '城关镇第一小学');
      assert.equal((await admin.patch(`/api/v1/units/${s1}`, { name: '城关镇第一小学（改）' })).statusCode, 200);
      const waiting = await t.c.db.selectFrom('audit_unchained').select('entry_seq').execute();
      assert.ok(waiting.length >= 1, 'the change waits to be chained');
      const seq = Math.max(...waiting.map((w) => Number(w.entry_seq)));
      await sql`DELETE FROM audit_unchained WHERE entry_seq = ${seq}`.execute(t.c.db);
      assert.deepEqual((await t.c.audit.verify(t.c.db)).problem, { kind: 'stray', seq });
      await t.c.db.insertInto('audit_unchained').values({ entry_seq: seq }).execute();
      const entry = await t.c.db.selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();
      await sql`DELETE FROM audit_log WHERE seq = ${seq}`.execute(t.c.db);
      assert.deepEqual((await t.c.audit.verify(t.c.db)).problem, { kind: 'marker-orphan', seq });
      await t.c.db.deleteFrom('audit_unchained').where('entry_seq', '=', seq).execute();
      await t.c.db.insertInto('audit_log').values(entry).execute(); // its marker comes back with it
      assert.equal((await t.c.audit.verify(t.c.db)).ok, true);
    });

    const rollbackThatSteadyThen =
      'a rollback that Steady then wrote over is caught by the checkpoint that vouched for the old entries';
    it(rollbackThatSteadyThen, async () => {
      const admin = await t.signIn('admin');
      const s2 = await unitIdByName(t, '城关镇第二小学');
      const rename = async (name: string) =>
        assert.equal((await admin.patch(`/api/v1/units/${s2}`, { name })).statusCode, 200);
      await t.c.audit.settle();
      const keep = await t.c.db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
      for (let i = 0; i < 3; i++) await rename(`回滚前 ${i}`);
      const checkpoint = (await t.c.audit.checkpoints.write())!;
      // As if yesterday's backup were restored: the last entries go, the head moves back …
      const lastKept = await t.c.db
        .selectFrom('audit_chain')
        .select('entry_seq')
        .where('pos', '=', Number(keep.seq))
        .executeTakeFirstOrThrow();
      await sql`DELETE FROM audit_log WHERE seq > ${lastKept.entry_seq}`.execute(t.c.db);
      await sql`DELETE FROM audit_chain WHERE pos > ${keep.seq}`.execute(t.c.db);
      await sql`UPDATE audit_head SET seq = ${keep.seq}, hash = ${keep.hash} WHERE id = 1`.execute(t.c.db);
      // … and Steady, with its key, writes on: the chain is long again and every link is keyed.
      for (let i = 0; i < 5; i++) await rename(`回滚后 ${i}`);
      await t.c.audit.settle();
      const result = await t.c.audit.verify(t.c.db);
      assert.deepEqual(result.problem, {
        kind: 'rewritten',
        checkpointPos: checkpoint.pos,
        checkpointAt: checkpoint.at,
      });
      const alone = await t.c.audit.verify(t.c.db, { checkpointsFile: join(dir, 'none.jsonl') });
      assert.equal(alone.ok, true, 'without the checkpoint this rollback would have gone unseen');
    });

    it('a checkpoint line that was edited, or not signed by our key, is refused', async () => {
      const file = t.c.audit.checkpoints.file!;
      const original = readFileSync(file, 'utf8');
      const lines = original.trim().split('\n');
      const last = JSON.parse(lines.at(-1)!);
      writeFileSync(file, `${original}${JSON.stringify({ ...last, pos: last.pos - 1 })}\n`);
      assert.deepEqual((await t.c.audit.verify(t.c.db)).problem, { kind: 'bad-checkpoint', line: lines.length + 1 });
      const theirs = new AuditKeyring(parseAuditKeys(newAuditKeyPem()));
      writeFileSync(file, `${original}${JSON.stringify(theirs.sign({ pos: 1, head: 'f'.repeat(64), at: last.at }))}\n`);
      assert.deepEqual((await t.c.audit.verify(t.c.db)).problem, { kind: 'unknown-key', keyId: theirs.current!.id });
    });
  });
}

// Several instances on one PostgreSQL write their entries side by side, each without waiting for
// the others; whichever instance's sequencer holds the head chains them all into one order.
if (dialectsUnderTest().includes('postgres')) {
  describe('two instances writing to the audit trail at once (postgres)', () => {
    let t: TestApp;
    let second: { c: Container; app: FastifyInstance };
    before(async () => {
      t = await createTestApp('postgres', { demo: true });
      // A second instance: its own container and connection pool on the same database.
      const c = createContainer(t.c.config, { database: openDatabase(parseDatabaseUrl(t.database.url)) });
      const app = await buildApp(c, { logger: false });
      await app.ready();
      second = { c, app };
      t.c.audit.sequencer.start();
      second.c.audit.sequencer.start();
    });
    after(async () => {
      await t.c.audit.stop();
      await second?.app.close();
      await second?.c.close();
      await t.close();
    });

    const interleavedWritesBothChained =
      'interleaved writes from both, chained by both sequencers, form one unbroken chain with every entry once';
    it(interleavedWritesBothChained, async () => {
      const admins: Client[] = [await t.signIn('admin'), await signIn(second.app, 'admin', DEMO_PASSWORD)];
      const cs1 = await unitIdByName(t, '青山县城关镇中心学校');
      const s1 = await unitIdByName(t, '城关镇第一小学');
      const entriesBefore = await count(t, 'audit_log');

      const perInstance = 15;
      const writes = admins.flatMap((admin, instance) =>
        Array.from({ length: perInstance }, (_, i) =>
          i % 3 === 0
            ? admin.patch(`/api/v1/units/${s1}`, { name: `城关镇第一小学 ${instance}-${i}` })
            : admin.post('/api/v1/units', { parentId: cs1, name: `并发单位 ${instance}-${i}`, type: 'other' }),
        ),
      );
      const results = await Promise.all(writes);
      for (const res of results) assert.ok([200, 201].includes(res.statusCode), `${res.statusCode} ${res.body}`);
      assert.equal(await count(t, 'audit_log'), entriesBefore + 2 * perInstance);

      const deadline = Date.now() + 10_000;
      while ((await count(t, 'audit_unchained')) > 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      const after = await t.c.audit.verify(t.c.db);
      assert.deepEqual([after.ok, after.checked, after.waiting], [true, entriesBefore + 2 * perInstance, 0]);
      assert.deepEqual(await second.c.audit.verify(second.c.db), after, 'both instances read the same chain');
      const chained = await t.c.db.selectFrom('audit_chain').select('entry_seq').execute();
      assert.equal(new Set(chained.map((c) => Number(c.entry_seq))).size, chained.length, 'no entry chained twice');
    });
  });
}
