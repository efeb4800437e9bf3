import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { ATTACHMENT_MAX_BYTES } from '../../../common/schemas/directives.js';
import { FakeClock } from '../../lib/clock.js';
import { REPLY_DUE_DEADLINE, SIGN_DUE_DEADLINE } from './directives.service.js';

const T0 = new Date('2027-03-01T01:00:00.000Z'); // 09:00 in Shanghai
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000).toISOString();
const NOBODY = '01890000-0000-7000-8000-000000000000';

/** A multipart/form-data body: the directive's JSON, then files. */
function form(
  directive: unknown,
  files: { name: string; bytes: Buffer }[],
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----steady-test-boundary';
  const parts: Buffer[] = [
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="directive"\r\n\r\n${JSON.stringify(directive)}\r\n`,
    ),
  ];
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="attachments"; ` +
          `filename="${file.name}"\r\ncontent-type: application/octet-stream\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

for (const dialect of dialectsUnderTest()) {
  describe(`directives: sent down, signed for, chased (${dialect})`, () => {
    let t: TestApp;
    let clock: FakeClock;
    let dataDir: string;
    let sender: Client;
    let cs1: string;
    let s1: string;
    let s2: string;
    let k1: string;
    let s4: string;
    let directiveId: string;
    const personOf: Record<string, string> = {};

    const told = (username: string, kind: string) =>
      t.c.db
        .selectFrom('notifications')
        .select(['title', 'body', 'link'])
        .where('person_id', '=', personOf[username]!)
        .where('kind', '=', kind)
        .execute();
    const counts = async () => ({
      directives: (await t.c.db.selectFrom('directives').select('id').execute()).length,
      targets: (await t.c.db.selectFrom('directive_targets').select('id').execute()).length,
      attachments: (await t.c.db.selectFrom('directive_attachments').select('id').execute()).length,
      deadlines: (
        await t.c.db
          .selectFrom('deadlines')
          .select('id')
          .where('kind', 'in', [SIGN_DUE_DEADLINE, REPLY_DUE_DEADLINE])
          .execute()
      ).length,
    });

    before(async () => {
      clock = new FakeClock(T0);
      dataDir = mkdtempSync(join(tmpdir(), 'steady-directives-'));
      t = await createTestApp(dialect, { demo: true, clock, env: { STEADY_DATA_DIR: dataDir } });
      cs1 = await unitIdByName(t, '青山县城关镇中心学校');
      s1 = await unitIdByName(t, '城关镇第一小学');
      s2 = await unitIdByName(t, '城关镇第二小学');
      k1 = await unitIdByName(t, '城关镇中心幼儿园');
      s4 = await unitIdByName(t, '石桥镇中心小学');
      sender = await t.signIn('cs1.head');
      personOf['cs1.head'] = sender.me.personId;
      for (const name of ['s1.head', 's2.safety', 'k1.head', 'k1.safety'])
        personOf[name] = (await t.signIn(name)).me.personId;
    });
    after(async () => {
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('the central school sends a directive with an attachment to three units below it', async () => {
      const body = {
        senderUnitId: cs1,
        kind: 'directive',
        title: '关于开展寒假前安全隐患排查的通知',
        text: '请各校于本周内完成校舍、用电、消防设施排查，并回复排查情况。',
        targetUnitIds: [s1, s2, k1],
        signDueAt: later(120),
        replyDueAt: later(24 * 60),
      };
      const { payload, headers } = form(body, [{ name: '排查表.txt', bytes: Buffer.from('校舍 用电 消防\n') }]);
      const res = await sender.inject({ method: 'POST', url: '/api/v1/directives/with-attachments', payload, headers });
      assert.equal(res.statusCode, 201, res.body);
      const sent = res.json();
      directiveId = sent.id;
      assert.deepEqual(sent.targets.map((x: { unitId: string }) => x.unitId).sort(), [s1, s2, k1].sort());
      assert.equal(sent.canRemind, true);
      assert.equal(sent.attachments.length, 1);
      assert.equal(sent.attachments[0].name, '排查表.txt');
      const file = await (
        await t.signIn('k1.head')
      ).get(`/api/v1/directives/${directiveId}/attachments/${sent.attachments[0].id}`);
      assert.equal(file.statusCode, 200);
      assert.equal(file.body, '校舍 用电 消防\n');
      assert.match(String(file.headers['content-disposition']), /^attachment;/);
      const notices = await told('k1.head', 'directive.new');
      assert.equal(notices.length, 1);
      assert.match(notices[0]!.title, /【指令】青山县城关镇中心学校：关于开展寒假前安全隐患排查的通知/);
    });

    it('each unit sees it in its inbox and signs for it; a reply comes only after signing', async () => {
      const s1head = await t.signIn('s1.head');
      const inbox = (await s1head.get('/api/v1/directives/inbox')).json();
      assert.equal(inbox.total, 1);
      assert.equal(inbox.items[0].unitId, s1);
      const k1head = await t.signIn('k1.head');
      const early = await k1head.post(`/api/v1/directives/${directiveId}/reply`, { unitId: k1, text: '已排查' });
      assert.equal(early.statusCode, 409);
      assert.equal(early.json().errors[0].field, 'unitId');
      clock.set(later(30));
      const signed = await s1head.post(`/api/v1/directives/${directiveId}/sign`, { unitId: s1 });
      assert.equal(signed.statusCode, 200, signed.body);
      assert.deepEqual(
        signed.json().targets.map((x: { unitId: string }) => x.unitId),
        [s1],
        'a unit sees only its own line',
      );
      assert.equal((await s1head.post(`/api/v1/directives/${directiveId}/sign`, { unitId: s1 })).statusCode, 409);
      const s2safety = await t.signIn('s2.safety');
      assert.equal((await s2safety.post(`/api/v1/directives/${directiveId}/sign`, { unitId: s2 })).statusCode, 200);
      const replied = await s1head.post(`/api/v1/directives/${directiveId}/reply`, {
        unitId: s1,
        text: '已完成排查，发现插座老化 2 处，已更换。',
      });
      assert.equal(replied.statusCode, 200, replied.body);
      assert.equal(replied.json().targets[0].replyLate, false);
      const notMine = await s1head.post(`/api/v1/directives/${directiveId}/sign`, { unitId: k1 });
      assert.equal(notMine.statusCode, 404, 'the kindergarten is not in this school’s sight');
    });

    it('at the sign-for deadline the third unit is marked late and reminded; the sender hears who', async () => {
      clock.set(later(119));
      await t.c.engine.tick();
      assert.equal((await told('k1.head', 'directive.overdue')).length, 0);
      clock.set(later(120));
      await t.c.engine.tick();
      for (const name of ['k1.head', 'k1.safety']) {
        const overdue = await told(name, 'directive.overdue');
        assert.equal(overdue.length, 1, name);
        assert.match(overdue[0]!.body, /签收期限 2027-03-01 11:00 已过，城关镇中心幼儿园 尚未签收/);
      }
      assert.equal((await told('s1.head', 'directive.overdue')).length, 0, 'a unit that signed is left alone');
      const summary = await told('cs1.head', 'directive.overdue');
      assert.equal(summary.length, 1);
      assert.match(summary[0]!.body, /1 个单位逾期未签收：城关镇中心幼儿园/);
      sender = await t.signIn('cs1.head');
      const status = (await sender.get(`/api/v1/directives/${directiveId}`)).json();
      const byUnit = Object.fromEntries(status.targets.map((x: { unitId: string }) => [x.unitId, x]));
      assert.equal(byUnit[k1].markedLate, true);
      assert.equal(byUnit[k1].signedAt, null);
      assert.equal(byUnit[s1].markedLate, false);
      assert.deepEqual(status.counts, { targets: 3, signed: 2, replied: 1, signedLate: 0 });
    });

    it('the sender reminds the rest; a late sign-off is recorded as late', async () => {
      clock.set(later(150));
      const reminded = await sender.post(`/api/v1/directives/${directiveId}/remind`, {});
      assert.equal(reminded.statusCode, 200, reminded.body);
      assert.equal(reminded.json().reminded, 2, 'k1 has not signed, s2 has not replied; s1 owes nothing');
      assert.equal((await told('k1.head', 'directive.remind')).length, 1);
      assert.equal((await told('s2.safety', 'directive.remind')).length, 1);
      const k1head = await t.signIn('k1.head');
      const signed = (await k1head.post(`/api/v1/directives/${directiveId}/sign`, { unitId: k1 })).json();
      assert.equal(signed.targets[0].signLate, true);
      const status = (await sender.get(`/api/v1/directives/${directiveId}`)).json();
      assert.deepEqual(status.counts, { targets: 3, signed: 3, replied: 1, signedLate: 1 });
      const sent = (await sender.get('/api/v1/directives/sent')).json();
      assert.equal(sent.items[0].id, directiveId);
      assert.deepEqual(sent.items[0].counts, status.counts);
    });

    it('refuses bad input by field and stores nothing of it', async () => {
      const before = await counts();
      const good = { senderUnitId: cs1, title: '通知', text: '内容', targetUnitIds: [s1], signDueAt: later(24 * 60) };
      const en = { 'accept-language': 'en' };
      const unknownSender = await sender.post('/api/v1/directives', { ...good, senderUnitId: NOBODY }, en);
      assert.equal(unknownSender.statusCode, 404);
      assert.equal(unknownSender.json().errors[0].field, 'senderUnitId');

      const targets = await sender.post('/api/v1/directives', { ...good, targetUnitIds: [s1, NOBODY, s4, cs1] }, en);
      assert.equal(targets.statusCode, 422);
      assert.deepEqual(targets.json().errors, [
        { field: 'targetUnitIds.1', message: 'receiving units does not exist or is not one of yours' },
        { field: 'targetUnitIds.2', message: 'receiving units does not exist or is not one of yours' },
        {
          field: 'targetUnitIds.3',
          message: 'receiving units “青山县城关镇中心学校” is not below “青山县城关镇中心学校”',
        },
      ]);

      const bureau = await t.signIn('bureau.safety');
      const sideways = await bureau.post('/api/v1/directives', { ...good, targetUnitIds: [s1, s4] });
      assert.equal(sideways.statusCode, 422);
      assert.deepEqual(
        sideways.json().errors.map((e: { field: string }) => e.field),
        ['targetUnitIds.1'],
        'visible to the bureau, but not below the central school',
      );

      const past = await sender.post(
        '/api/v1/directives',
        { ...good, signDueAt: later(-1), replyDueAt: later(-2) },
        en,
      );
      assert.equal(past.statusCode, 422);
      assert.deepEqual(
        past.json().errors.map((e: { field: string }) => e.field),
        ['signDueAt', 'replyDueAt'],
      );

      const shape = await sender.post('/api/v1/directives', { ...good, title: '', signDueAt: 'tomorrow' });
      assert.equal(shape.statusCode, 400);
      assert.deepEqual(
        shape
          .json()
          .errors.map((e: { field: string }) => e.field)
          .sort(),
        ['signDueAt', 'title'],
      );

      const school = await t.signIn('s1.teacher1');
      assert.equal(
        (await school.post('/api/v1/directives', { ...good, senderUnitId: s1, targetUnitIds: [s1] })).statusCode,
        403,
        'a class teacher does not send directives',
      );

      const tooBig = form(good, [{ name: 'big.bin', bytes: Buffer.alloc(ATTACHMENT_MAX_BYTES + 10, 1) }]);
      const big = await sender.inject({ method: 'POST', url: '/api/v1/directives/with-attachments', ...tooBig });
      assert.equal(big.statusCode, 422, big.body);
      assert.equal(big.json().errors[0].field, 'attachments.0');
      const badJson = await sender.inject({
        method: 'POST',
        url: '/api/v1/directives/with-attachments',
        ...form({ ...good, targetUnitIds: [] }, [{ name: 'a.txt', bytes: Buffer.from('x') }]),
      });
      assert.equal(badJson.statusCode, 400);
      assert.equal(badJson.json().errors[0].field, 'targetUnitIds');

      assert.deepEqual(await counts(), before);
      const staged = readdirSync(join(dataDir, 'directives', '.incoming'));
      assert.deepEqual(staged, [], 'no staged upload left behind');
    });
  });
}
