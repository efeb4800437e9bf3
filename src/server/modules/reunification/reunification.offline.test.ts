import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { randomUUID } from 'node:crypto';
import { checkValue } from '../../../common/release-check.js';
import { unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { configureVendors, personIdOf, setContacts, startReachApp } from '../../../../test/helpers/reach.js';
import type { VendorReceiver } from '../../../../test/receivers/vendor-receiver.js';
import type { FakeClock } from '../../lib/clock.js';

/*
 * Release staff at the point lose the network (issue 17, item 4): the phone holds the children with
 * check values, checks adults itself and sends releases later, each with a key. The server stores each
 * once, checks again from the real values, and its verdict wins.
 */
const T0 = new Date('2027-03-02T02:00:00.000Z');
const MOTHER = { name: '李娜', relation: '母亲', mobile: '13800001111', idLast4: '123x' };
const FATHER = { name: '王强', relation: '父亲', mobile: '+86 139 0000 2222', guardian: true, mayCollect: false };
const RED_MOTHER = { name: '钱芳', relation: '母亲', mobile: '13700003333', idLast4: '9876' };
const LAN_AUNT = { name: 'Zhou Min', relation: '姑姑', mobile: '13600004444', guardian: false };

for (const dialect of dialectsUnderTest()) {
  describe(`reunification offline: check values, keys, the server's verdict (${dialect})`, () => {
    let t: TestApp;
    let clock: FakeClock;
    let v: VendorReceiver;
    let close: () => Promise<void>;
    let head: Client;
    let gate: Client;
    let headId: string;
    let ming: string;
    let hong: string;
    let lan: string;
    let id: string;
    let secret: string;

    const count = async (table: 'reunification_pupils' | 'reunification_refusals', pupilId: string) =>
      (await t.c.db.selectFrom(table).select('id').where('pupil_id', '=', pupilId).execute()).length;
    const audits = async (action: string) =>
      (await t.c.db.selectFrom('audit_log').select('seq').where('action', '=', action).execute()).length;
    const headAlerts = async () =>
      (
        await t.c.db
          .selectFrom('notifications')
          .select('id')
          .where('person_id', '=', headId)
          .where('kind', '=', 'reunification.refused')
          .execute()
      ).length;

    before(async () => {
      ({ t, clock, v, close } = await startReachApp(dialect, T0));
      const admin = await t.signIn('admin');
      await configureVendors(admin, v, ['aliyun_sms']);
      const s1 = await unitIdByName(t, '城关镇第一小学');
      headId = await personIdOf(t, 's1.head');
      const gateId = await personIdOf(t, 's1.gate');
      await setContacts(admin, headId, [{ channel: 'sms', mobile: '13800138000' }]);
      head = await t.signIn('s1.head');
      gate = await t.signIn('s1.gate');
      const safety = await t.signIn('s1.safety');
      const classId = (await safety.post('/api/v1/rosters/classes', { unitId: s1, name: '三年级1班' })).json().id;
      const pupil = async (name: string, adults: object[]) => {
        const res = await safety.post('/api/v1/rosters/pupils', { classId, name, adults });
        assert.equal(res.statusCode, 201, res.body);
        return res.json().id as string;
      };
      ming = await pupil('王小明', [MOTHER, FATHER]);
      hong = await pupil('赵小红', [RED_MOTHER]);
      lan = await pupil('周小兰', [LAN_AUNT]);
      await pupil('孙小北', [{ name: '孙丽', relation: '母亲', mobile: '13500007777', idLast4: '2468' }]);
      const fire = await safety.post('/api/v1/incidents', {
        unitId: s1,
        type: 'fire',
        severity: 3,
        place: '教学楼二层',
        description: '二层走廊起火，全校疏散。',
      });
      assert.equal(fire.statusCode, 201, fire.body);
      const opened = await head.post('/api/v1/reunifications', {
        unitId: s1,
        incidentId: fire.json().id,
        point: '东门运动场',
        staffPersonIds: [gateId],
      });
      assert.equal(opened.statusCode, 201, opened.body);
      id = opened.json().id;
    });
    after(() => close());

    it('release staff get the secret and every child with check values, never mobiles or ID digits', async () => {
      const seen = await gate.get(`/api/v1/reunifications/${id}`);
      secret = seen.json().checkSecret;
      assert.match(secret, /^[A-Za-z0-9_-]{40,}$/);
      const list = await gate.get(`/api/v1/reunifications/${id}/pupils?all=1`);
      assert.equal(list.statusCode, 200, list.body);
      const children = list.json() as { id: string; collectors: { name: string; check: string | null }[] }[];
      assert.deepEqual(
        children
          .map((c) => c.id)
          .filter((c) => [hong, lan, ming].includes(c))
          .sort(),
        [hong, lan, ming].sort(),
      );
      assert.equal(children.length, 4);
      const mingAdults = children.find((c) => c.id === ming)!.collectors;
      assert.deepEqual(
        mingAdults.map((a) => a.name),
        ['李娜'],
        'the father may not collect',
      );
      assert.equal(mingAdults[0]!.check, await checkValue(secret, MOTHER));
      assert.equal(
        mingAdults[0]!.check,
        await checkValue(secret, { name: ' 李 娜', mobile: '+86 138-0000-1111', idLast4: '123X' }),
        'the same normalising on both sides',
      );
      assert.notEqual(mingAdults[0]!.check, await checkValue(secret, { ...MOTHER, idLast4: '1239' }));
      assert.equal(children.find((c) => c.id === lan)!.collectors[0]!.check, null, 'no ID digits: no check value');
      assert.doesNotMatch(list.body, /1380000|13700003333|123X|9876/);
    });

    it('the same key twice stores one release, answered alike, audited once, at the phone’s time', async () => {
      clock.set(new Date(T0.getTime() + 30 * 60_000));
      const clientKey = randomUUID();
      const releasedAt = new Date(T0.getTime() + 10 * 60_000).toISOString();
      const body = {
        pupilId: ming,
        adult: { name: '李娜', mobile: '13800001111', idLast4: '123X' },
        releasedAt,
        clientKey,
      };
      const first = await gate.post(`/api/v1/reunifications/${id}/releases`, body);
      assert.equal(first.statusCode, 201, first.body);
      const again = await gate.post(`/api/v1/reunifications/${id}/releases`, body);
      assert.equal(again.statusCode, 201, again.body);
      assert.deepEqual(again.json(), first.json());
      assert.equal(first.json().at, releasedAt);
      assert.equal(await count('reunification_pupils', ming), 1);
      assert.equal(await audits('reunification.release'), 1);
    });

    it('the same key arriving twice at once still stores one release', async () => {
      const pupilId = (
        await t.c.db.selectFrom('pupils').select('id').where('name', '=', '孙小北').executeTakeFirstOrThrow()
      ).id;
      const body = {
        pupilId,
        adult: { name: '孙丽', mobile: '13500007777', idLast4: '2468' },
        clientKey: randomUUID(),
      };
      const [a, b] = await Promise.all([
        gate.post(`/api/v1/reunifications/${id}/releases`, body),
        gate.post(`/api/v1/reunifications/${id}/releases`, body),
      ]);
      assert.deepEqual([a.statusCode, b.statusCode], [201, 201], `${a.body} ${b.body}`);
      assert.equal(await count('reunification_pupils', pupilId), 1);
    });

    it('a phone’s time ahead of the server, or before the reunification opened, is refused', async () => {
      const adult = { name: '钱芳', mobile: '13700003333', idLast4: '9876' };
      const ahead = await gate.post(`/api/v1/reunifications/${id}/releases`, {
        pupilId: hong,
        adult,
        releasedAt: new Date(clock.now().getTime() + 10 * 60_000).toISOString(),
      });
      assert.equal(ahead.statusCode, 422, ahead.body);
      assert.equal(ahead.json().errors[0].field, 'releasedAt');
      const before = await gate.post(`/api/v1/reunifications/${id}/releases`, {
        pupilId: hong,
        adult,
        releasedAt: new Date(T0.getTime() - 60_000).toISOString(),
      });
      assert.equal(before.statusCode, 422, before.body);
      assert.equal(before.json().errors[0].field, 'releasedAt');
      assert.equal(await count('reunification_pupils', hong), 0);
    });

    it('a release made offline that the server refuses becomes one refusal, and the head is alerted once', async () => {
      const clientKey = randomUUID();
      const body = {
        pupilId: hong,
        adult: { name: '钱芳', mobile: '13700003333', idLast4: '9875' },
        releasedAt: new Date(T0.getTime() + 20 * 60_000).toISOString(),
        clientKey,
      };
      const sent = await gate.post(`/api/v1/reunifications/${id}/releases`, body);
      assert.equal(sent.statusCode, 422, sent.body);
      assert.equal(sent.json().type.endsWith('release-refused'), true);
      assert.deepEqual(
        sent.json().errors.map((e: { field: string }) => e.field),
        ['adult.idLast4'],
      );
      const again = await gate.post(`/api/v1/reunifications/${id}/releases`, body);
      assert.equal(again.statusCode, 422);
      assert.deepEqual(again.json().errors, sent.json().errors);
      assert.equal(await count('reunification_refusals', hong), 1);
      assert.equal(await count('reunification_pupils', hong), 0, 'not released');
      assert.equal(await headAlerts(), 1);
      assert.equal(await audits('reunification.refuse'), 1);
      const view = (await head.get(`/api/v1/reunifications/${id}`)).json();
      assert.equal(view.refusals[0].at, body.releasedAt);
    });

    it('a key used for one record cannot stand for another', async () => {
      const [stored] = await t.c.db
        .selectFrom('reunification_pupils')
        .select('client_key')
        .where('pupil_id', '=', ming)
        .execute();
      const res = await gate.post(`/api/v1/reunifications/${id}/absences`, {
        pupilId: lan,
        clientKey: stored!.client_key,
      });
      assert.equal(res.statusCode, 422, res.body);
      assert.equal(res.json().errors[0].field, 'clientKey');
    });

    it('an absence with the same key twice is stored once', async () => {
      const body = { pupilId: lan, clientKey: randomUUID() };
      const first = await gate.post(`/api/v1/reunifications/${id}/absences`, body);
      assert.equal(first.statusCode, 201, first.body);
      const again = await gate.post(`/api/v1/reunifications/${id}/absences`, body);
      assert.equal(again.statusCode, 201, again.body);
      assert.deepEqual(again.json(), first.json());
      assert.equal(await count('reunification_pupils', lan), 1);
      assert.equal(await audits('reunification.absent'), 1);
    });

    it('closing ends the secret: staff lose it with access, the head sees none', async () => {
      assert.equal((await head.post(`/api/v1/reunifications/${id}/close`)).statusCode, 204);
      assert.equal((await gate.get(`/api/v1/reunifications/${id}`)).statusCode, 404);
      assert.equal((await gate.get(`/api/v1/reunifications/${id}/pupils?all=1`)).statusCode, 404);
      assert.equal((await head.get(`/api/v1/reunifications/${id}`)).json().checkSecret, null);
    });
  });
}
