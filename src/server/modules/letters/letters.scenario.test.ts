import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import type { PlanContent } from '../../../common/schemas/plan-content.js';
import { publishSamplePlans } from '../../demo/sample-plans.js';
import { FakeClock } from '../../lib/clock.js';

const T0 = new Date('2027-02-20T01:00:00.000Z'); // 09:00 in Shanghai
const HOUR = 3_600_000;
const system = { kind: 'system', label: 'test' } as const;

/** The text of word/document.xml inside a .docx (a zip): enough to look for words in it. */
function documentXml(docx: Buffer): string {
  for (let i = 0; i < docx.length - 30; i++) {
    if (docx.readUInt32LE(i) !== 0x04034b50) continue;
    const nameLength = docx.readUInt16LE(i + 26);
    const name = docx.subarray(i + 30, i + 30 + nameLength).toString();
    if (name !== 'word/document.xml') continue;
    const size = docx.readUInt32LE(i + 18);
    const start = i + 30 + nameLength + docx.readUInt16LE(i + 28);
    const body = docx.subarray(start, start + size);
    return docx.readUInt16LE(i + 8) === 8 ? inflateRawSync(body).toString() : body.toString();
  }
  throw new Error('no word/document.xml');
}

for (const dialect of dialectsUnderTest()) {
  describe(`responsibility letters: issued, signed by both sides, chased, versioned (${dialect})`, () => {
    let t: TestApp;
    let clock: FakeClock;
    let bureauSide: Client;
    let head: Client;
    let cs1: string;
    let s1: string;
    let s2: string;
    let letterId: string;

    before(async () => {
      clock = new FakeClock(T0);
      t = await createTestApp(dialect, { demo: true, clock });
      cs1 = await unitIdByName(t, '青山县城关镇中心学校');
      s1 = await unitIdByName(t, '城关镇第一小学');
      s2 = await unitIdByName(t, '城关镇第二小学');
      await publishSamplePlans(t.c, [{ id: s1, type: 'school' }]);
      bureauSide = await t.signIn('cs1.head');
      head = await t.signIn('s1.head');
    });
    after(() => t.close());

    /** Moves the clock; sessions outlive no such jump, so both sides sign in again. */
    const moveTo = async (at: Date) => {
      clock.set(at);
      bureauSide = await t.signIn('cs1.head');
      head = await t.signIn('s1.head');
    };
    const issue = (unitIds: string[]) =>
      bureauSide.post('/api/v1/letters', {
        issuerUnitId: cs1,
        template: 'bureau-to-head',
        periodLabel: '2027 年',
        signDueAt: new Date(T0.getTime() + 48 * HOUR).toISOString(),
        unitIds,
      });

    it('refuses a unit whose plan in force has no duties, naming it, and stores nothing', async () => {
      const res = await issue([s1, s2]);
      assert.equal(res.statusCode, 422, res.body);
      assert.deepEqual(
        res.json().errors.map((e: { field: string }) => e.field),
        ['unitIds.1'],
      );
      assert.match(res.json().errors[0].message, /城关镇第二小学/);
      assert.equal((await t.c.db.selectFrom('responsibility_letters').select('id').execute()).length, 0);
    });

    it('issues a letter whose duties are the plan’s, and the head signs it in the app', async () => {
      const res = await issue([s1]);
      assert.equal(res.statusCode, 201, res.body);
      letterId = res.json().ids[0];
      const letter = (await head.get(`/api/v1/letters/${letterId}`)).json();
      assert.equal(letter.title, '2027 年安全工作目标责任书');
      assert.ok(letter.duties.some((d: { title: string }) => d.title === '班主任'));
      assert.deepEqual(letter.canSign, ['recipient']);
      const told = await t.c.db
        .selectFrom('notifications')
        .select('body')
        .where('person_id', '=', head.me.personId)
        .where('kind', '=', 'letter')
        .execute();
      assert.equal(told.length, 1);
      clock.set(new Date(T0.getTime() + HOUR));
      const signed = await head.post(`/api/v1/letters/${letterId}/sign`, { side: 'recipient' });
      assert.equal(signed.statusCode, 200, signed.body);
      assert.equal(signed.json().recipientSignedAt, clock.now().toISOString());
      assert.equal(signed.json().status, 'awaiting');
      const twice = await head.post(`/api/v1/letters/${letterId}/sign`, { side: 'recipient' });
      assert.equal(twice.statusCode, 409);
      const notHers = await head.post(`/api/v1/letters/${letterId}/sign`, { side: 'issuer' });
      assert.equal(notHers.statusCode, 403);
    });

    it('past its deadline the unsigned side is chased daily and the letter shows late, even once signed', async () => {
      await moveTo(new Date(T0.getTime() + 48 * HOUR));
      await t.c.engine.tick();
      let letter = (await bureauSide.get(`/api/v1/letters/${letterId}`)).json();
      assert.deepEqual([letter.late, letter.reminders], [true, 1]);
      const chased = () =>
        t.c.db
          .selectFrom('notifications')
          .select('body')
          .where('person_id', '=', bureauSide.me.personId)
          .where('kind', '=', 'letter')
          .where('body', 'like', '催签%')
          .execute();
      assert.equal((await chased()).length, 1);
      // The head, who has signed, is not chased.
      assert.equal(
        (
          await t.c.db
            .selectFrom('notifications')
            .select('id')
            .where('person_id', '=', head.me.personId)
            .where('body', 'like', '催签%')
            .execute()
        ).length,
        0,
      );
      await moveTo(new Date(T0.getTime() + 72 * HOUR));
      await t.c.engine.tick();
      assert.equal((await chased()).length, 2);
      const signed = await bureauSide.post(`/api/v1/letters/${letterId}/sign`, { side: 'issuer' });
      assert.equal(signed.statusCode, 200, signed.body);
      letter = signed.json();
      assert.deepEqual([letter.status, letter.late], ['signed', true]);
      await moveTo(new Date(T0.getTime() + 96 * HOUR));
      await t.c.engine.tick();
      assert.equal((await chased()).length, 2, 'no chasing once both have signed');
      const audit = await t.c.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity', '=', 'letter')
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['letter.issue', 'letter.sign', 'letter.sign-overdue', 'letter.chase', 'letter.sign'],
      );
    });

    it('exports a .docx with the duties and a signature block with both sign-off times', async () => {
      const res = await bureauSide.get(`/api/v1/letters/${letterId}/letter.docx`);
      assert.equal(res.statusCode, 200);
      const xml = documentXml(res.rawPayload);
      assert.match(xml, /班主任/);
      assert.match(xml, /签署时间/);
      assert.match(xml, /2027-02-20 10:00/); // the head signed at 10:00 Shanghai time
      assert.match(xml, /2027-02-23 09:00（逾期）/); // the issuer signed late
      // An English screen still gets the Chinese letter the school signed, unless it asks for English.
      const onEnglishScreen = documentXml(
        (await bureauSide.get(`/api/v1/letters/${letterId}/letter.docx`, { 'accept-language': 'en' })).rawPayload,
      );
      assert.match(onEnglishScreen, /签署时间/);
      const asked = documentXml((await bureauSide.get(`/api/v1/letters/${letterId}/letter.docx?lang=en`)).rawPayload);
      assert.doesNotMatch(asked, /签署时间/);
    });

    it('a plan whose duties change gives a new version to sign, the old one kept', async () => {
      const { standing } = await t.c.planRules.forUnit(s1, clock.now());
      const revision = await t.c.plans.startRevision(system, standing!.planId);
      const content = JSON.parse(revision.versions.at(-1)!.content_json) as PlanContent;
      await t.c.plans.updateDraft(system, standing!.planId, {
        content: { ...content, duties: [...content.duties, { title: '校医', text: '负责校内急救。' }] },
      });
      await t.c.plans.publish(system, standing!.planId);
      const old = (await head.get(`/api/v1/letters/${letterId}`)).json();
      assert.equal(old.status, 'superseded');
      assert.equal(old.versions.length, 2);
      const fresh = (await head.get(`/api/v1/letters/${old.versions[0].id}`)).json();
      assert.deepEqual(
        [fresh.version, fresh.status, fresh.recipientSignedAt, fresh.late],
        [2, 'awaiting', null, false],
      );
      assert.ok(fresh.duties.some((d: { title: string }) => d.title === '校医'));
      const list = (await head.get(`/api/v1/letters?unitId=${s1}`)).json().items;
      assert.deepEqual(
        list.map((l: { version: number }) => l.version),
        [2],
      );
      assert.equal((await head.post(`/api/v1/letters/${letterId}/sign`, { side: 'recipient' })).statusCode, 409);
    });

    it('a head issues a post letter to a class teacher with only the class teacher’s duties', async () => {
      const teacher = await t.signIn('s1.teacher1');
      const res = await head.post('/api/v1/letters', {
        issuerUnitId: s1,
        template: 'head-to-staff',
        periodLabel: '2027 年',
        signDueAt: new Date(clock.now().getTime() + 48 * HOUR).toISOString(),
        recipients: [
          { personId: teacher.me.personId, role: 'class_teacher' },
          { personId: head.me.personId, role: 'gatekeeper' },
        ],
      });
      assert.equal(res.statusCode, 422, res.body);
      assert.deepEqual(
        res.json().errors.map((e: { field: string }) => e.field),
        ['recipients.1.personId'],
      );
      const ok = await head.post('/api/v1/letters', {
        issuerUnitId: s1,
        template: 'head-to-staff',
        periodLabel: '2027 年',
        signDueAt: new Date(clock.now().getTime() + 48 * HOUR).toISOString(),
        recipients: [{ personId: teacher.me.personId, role: 'class_teacher' }],
      });
      assert.equal(ok.statusCode, 201, ok.body);
      const letter = (await teacher.get(`/api/v1/letters/${ok.json().ids[0]}`)).json();
      assert.deepEqual(
        letter.duties.map((d: { title: string }) => d.title),
        ['班主任'],
      );
      assert.deepEqual(letter.canSign, ['recipient']);
      const other = await (await t.signIn('s2.head')).get(`/api/v1/letters/${ok.json().ids[0]}`);
      assert.equal(other.statusCode, 404);
    });
  });
}
