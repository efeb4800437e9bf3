import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../helpers/app.js';
import { dialectsUnderTest } from '../helpers/dialects.js';
import {
  idsIn,
  isWrite,
  operationsOf,
  rowCounts,
  sample,
  send,
  urlFor,
  type Fill,
  type Operation,
} from './openapi-requests.js';

/*
 * The access walk (issue 12, docs/security.md): every operation of the OpenAPI document, for a
 * sample account of every role, aimed at a unit outside the account's subtree and at its own.
 * Outside, nothing may change and no answer may carry an id from there; inside, nothing is "not
 * found". Operations come from the document, so a new route is walked the day it is added.
 */

/** Operations reachable without signing in, each with its reason; a new public route must be added here. */
export const PUBLIC_OPERATIONS: Record<string, string> = {
  'get /api/v1/setup': 'whether first-run setup is needed',
  'post /api/v1/setup': 'first-run setup; refused once an account exists',
  'post /api/v1/auth/login': 'signing in',
  'get /api/v1/public/cases/{token}': 'a case status for whoever raised it: the secret token in the address proves it',
  'get /api/v1/public/duty-feeds/{token}': 'a calendar feed: the secret token in the address proves it',
  'get /api/v1/public/ack/{token}':
    'the one-tap acknowledge page a message links to: the signed token in the address proves it',
  'post /api/v1/public/ack/{token}': 'acknowledging from that page, once; the signed token proves it',
  'get /api/v1/callbacks/{vendor}/{key}/{kind}':
    "a vendor's URL check (WeCom): the secret key in the address proves it",
  'post /api/v1/callbacks/{vendor}/{key}/{kind}':
    "a vendor's delivery receipts and replies: the secret key in the address proves it",
};

/** Operations on the caller's own account or inbox: they take no unit, so they may succeed anywhere. */
const OWN_OPERATIONS = new Set([
  'post /api/v1/auth/logout',
  'post /api/v1/auth/password',
  'post /api/v1/auth/tokens',
  'delete /api/v1/auth/tokens/{id}',
  'post /api/v1/notifications/read',
  'put /api/v1/me/language',
  'post /api/v1/duty/feeds',
  'delete /api/v1/duty/feeds/{id}',
]);

/**
 * Operations on the installation's own settings (the vendor accounts messages go out through): they
 * take no unit and belong to an administrator of a top unit, who may make them from anywhere. That
 * everyone else is refused is the channels module's own test.
 */
const INSTALLATION_OPERATIONS = new Set([
  'put /api/v1/channels/{vendor}',
  'post /api/v1/channels/{vendor}/callback-key',
]);

/** One sample account for each role, none of whose units covers the outside unit (石桥镇中心小学). */
const ROLE_ACCOUNTS: Record<string, string> = {
  admin: 'so.head',
  accountable_head: 's1.head',
  safety_officer: 's1.safety',
  duty_leader: 'cs1.safety',
  duty_staff: 'cs1.duty',
  class_teacher: 's1.teacher1',
  gatekeeper: 's1.gate',
  staff: 'c1.staff',
  supervisor: 'so.safety',
};

const key = (op: Operation) => `${op.method} ${op.path}`;

for (const dialect of dialectsUnderTest()) {
  describe(`access walk over the OpenAPI document (${dialect})`, () => {
    let t: TestApp;
    let ops: Operation[];
    let outsideUnit: string;
    let outsideIds: Set<string>;
    const outsideIdsByCollection = new Map<string, string[]>();

    /** Every row of every table, counted: what "nothing changed" means. */
    const fingerprint = () => rowCounts(t.c.db);
    const auditSeq = async () =>
      Number(
        (
          await t.c.db
            .selectFrom('audit_log')
            .select((e) => e.fn.max('seq').as('m'))
            .executeTakeFirstOrThrow()
        ).m ?? 0,
      );

    /** Ids a reader sees through every list (GET without path parameters), by collection. */
    const harvest = async (who: Client, unitId: string) => {
      const found = new Map<string, Set<string>>();
      for (const op of ops.filter((o) => o.method === 'get' && !o.public && !o.path.includes('{'))) {
        const url = urlFor(
          op,
          { unitId, idFor: () => unitId },
          op.params.some((p) => p.name === 'subtree') ? { subtree: 'true' } : {},
        );
        const res = await send(t.app, { method: 'GET', url, headers: { cookie: who.cookie } });
        if (res.statusCode === 200 && /json/.test(String(res.headers['content-type'])))
          found.set(op.path, idsIn(res.json()));
      }
      return found;
    };

    before(async () => {
      t = await createTestApp(dialect, { demo: true });
      ops = operationsOf((await t.app.inject('/api/v1/openapi.json')).json()).filter((o) =>
        o.path.startsWith('/api/v1/'),
      );
      outsideUnit = await unitIdByName(t, '石桥镇中心小学');
      const s1 = await unitIdByName(t, '城关镇第一小学');
      // Something of each kind in the outside unit, made by its own people.
      const head = await t.signIn('s4.head');
      const safety = await t.signIn('s4.safety');
      const gate = await t.signIn('s4.gate');
      assert.equal(
        (
          await head.post('/api/v1/incidents', {
            unitId: outsideUnit,
            type: 'facility_hazard',
            severity: 4,
            place: '食堂',
            description: '灯坏了',
          })
        ).statusCode,
        201,
      );
      assert.equal(
        (
          await gate.post('/api/v1/visitors', {
            unitId: outsideUnit,
            name: '访客',
            idNumber: '110101199003074512',
            purpose: '送货',
          })
        ).statusCode,
        201,
      );
      assert.equal((await safety.post('/api/v1/plans', { unitId: outsideUnit, template: 'school' })).statusCode, 201);
      // A class of one pupil and a roll call under way (children's data: names must not leave either).
      const cls = await safety.post('/api/v1/rosters/classes', { unitId: outsideUnit, name: '一年级1班' });
      assert.equal(cls.statusCode, 201, cls.body);
      const pupil = await safety.post('/api/v1/rosters/pupils', { classId: cls.json().id, name: '学生', adults: [] });
      assert.equal(pupil.statusCode, 201, pupil.body);
      assert.equal((await head.post('/api/v1/roll-calls', { unitId: outsideUnit })).statusCode, 201);
      const outside = await harvest(await t.signIn('cs2.head'), outsideUnit);
      const inside = await harvest(await t.signIn('s1.head'), s1);
      const shared = new Set([...inside.values()].flatMap((ids) => [...ids]));
      outsideIds = new Set([outsideUnit]);
      for (const [collection, ids] of outside) {
        const own = [...ids].filter((id) => !shared.has(id));
        outsideIdsByCollection.set(collection, own);
        own.forEach((id) => outsideIds.add(id));
      }
      assert.ok(outsideIds.size > 20, `the outside unit has things to find (${outsideIds.size})`);
    });
    after(() => t.close());

    const outsideFill: Fill = {
      get unitId() {
        return outsideUnit;
      },
      idFor: (collection) =>
        collection === '/api/v1/units' ? outsideUnit : (outsideIdsByCollection.get(collection)?.[0] ?? randomUUID()),
    };

    it('the public operations are exactly the declared ones', () => {
      assert.deepEqual(
        ops
          .filter((o) => o.public)
          .map(key)
          .sort(),
        Object.keys(PUBLIC_OPERATIONS).sort(),
      );
    });

    it('without signing in every other operation is 401, and nothing changes', async () => {
      const before = await fingerprint();
      for (const op of ops.filter((o) => !o.public)) {
        const res = await send(t.app, {
          method: op.method.toUpperCase() as 'GET',
          url: urlFor(op, outsideFill),
          ...(op.body ? { payload: sample(op.body, '', outsideFill) as object } : {}),
        });
        assert.equal(res.statusCode, 401, `${key(op)}: ${res.statusCode}`);
      }
      assert.deepEqual(await fingerprint(), before);
    });

    it('a change made with the cookie but without the CSRF token is 403, for every write', async () => {
      const admin = await t.signIn('admin');
      const before = await fingerprint();
      for (const op of ops.filter((o) => !o.public && isWrite(o))) {
        const res = await t.app.inject({
          method: op.method.toUpperCase() as 'POST',
          url: urlFor(op, outsideFill),
          headers: { cookie: admin.cookie },
          ...(op.body ? { payload: sample(op.body, '', outsideFill) as object } : {}),
        });
        assert.equal(res.statusCode, 403, `${key(op)}: ${res.statusCode}`);
        assert.ok(res.json().type.endsWith('/csrf'), key(op));
      }
      assert.deepEqual(await fingerprint(), before);
    });

    for (const [role, username] of Object.entries(ROLE_ACCOUNTS)) {
      const outsideSubtreeNothingChanges =
        `${role} (${username}): outside its subtree ` +
        'nothing changes and nothing from there is shown; inside nothing is "not found"';
      it(outsideSubtreeNothingChanges, async () => {
        const who = await t.signIn(username);
        const ownUnit = who.me.scopes.find((s) => s.roles.includes(role))!.unitId;
        // The units above its own are named in what it may see (a unit's parent), and are no leak.
        const paths = await t.c.db
          .selectFrom('units')
          .select('path')
          .where(
            'id',
            'in',
            who.me.scopes.map((s) => s.unitId),
          )
          .execute();
        const above = new Set(paths.flatMap((p) => p.path.split('/').filter(Boolean)));
        const before = await fingerprint();
        const adminUnits = who.me.scopes.filter((s) => s.roles.includes('admin')).map((s) => s.unitId);
        const topAdmin =
          adminUnits.length > 0 &&
          (await t.c.db.selectFrom('units').select('path').where('id', 'in', adminUnits).execute()).some(
            (u) => u.path.split('/').filter(Boolean).length === 1,
          );
        const unitless = (o: Operation) =>
          OWN_OPERATIONS.has(key(o)) || (topAdmin && INSTALLATION_OPERATIONS.has(key(o)));
        for (const op of ops.filter((o) => !o.public && !unitless(o))) {
          const seq = await auditSeq();
          const res = await send(t.app, {
            method: op.method.toUpperCase() as 'GET',
            url: urlFor(op, outsideFill),
            headers: { cookie: who.cookie, 'x-csrf-token': who.csrf },
            ...(op.body ? { payload: sample(op.body, '', outsideFill) as object } : {}),
          });
          assert.ok(res.statusCode < 500, `${key(op)}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          if (isWrite(op)) {
            assert.ok(res.statusCode >= 400, `${key(op)} changed something outside: ${res.statusCode}`);
            assert.equal(await auditSeq(), seq, `${key(op)} left an audit entry`);
          } else if (res.statusCode < 300 && /json/.test(String(res.headers['content-type']))) {
            const leaked = [...idsIn(res.json())].filter((id) => outsideIds.has(id) && !above.has(id));
            assert.deepEqual(leaked, [], `${key(op)} showed ids from outside`);
          }
          const namesUnit = op.params.some((p) => /unitId$/i.test(p.name)) || op.path.startsWith('/api/v1/units/{id}');
          if (namesUnit && op.method === 'get')
            assert.ok([403, 404].includes(res.statusCode), `${key(op)} answered ${res.statusCode} for a unit outside`);
        }
        assert.deepEqual(await fingerprint(), before, 'no row anywhere changed');

        for (const op of ops.filter(
          (o) => o.method === 'get' && !o.path.includes('{') && o.params.some((p) => p.name === 'unitId'),
        )) {
          const res = await send(t.app, {
            method: 'GET',
            url: urlFor(op, { unitId: ownUnit, idFor: () => ownUnit }),
            headers: { cookie: who.cookie },
          });
          assert.ok(
            [200, 403].includes(res.statusCode),
            `${key(op)} in its own unit: ${res.statusCode} ${res.body.slice(0, 160)}`,
          );
        }
      });
    }
  });
}
