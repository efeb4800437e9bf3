import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { ROLES } from '../../common/org.js';
import { translate } from '../lib/messages.js';
import { SAMPLE_TREES, seatsFor, type SampleUnit } from '../demo/sample-organisation.js';
import { demoSignIn } from './messages.js';

/** Every sample unit, depth first. */
const allUnits = (trees: SampleUnit[]): SampleUnit[] => trees.flatMap((u) => [u, ...allUnits(u.children ?? [])]);

describe('the demo start banner', () => {
  const before = process.env.STEADY_LANG;
  afterEach(() => {
    if (before === undefined) delete process.env.STEADY_LANG;
    else process.env.STEADY_LANG = before;
  });

  /** The table's rows: [kind of unit, unit, roles, username], split on runs of two or more spaces. */
  const rows = (banner: string) =>
    banner
      .split('\n')
      .filter((l) => /^ {2}\S/.test(l) && !/password|密码/.test(l))
      .map((l) => l.trim().split(/ {2,}/));

  for (const locale of ['en', 'zh-CN'] as const) {
    it(`lists an account for every role held in every kind of sample unit, with its roles (${locale})`, () => {
      process.env.STEADY_LANG = locale;
      const table = rows(demoSignIn('http://localhost:3000', 'pw', false)).slice(1);
      const seats = new Map(
        allUnits(SAMPLE_TREES).flatMap((u) =>
          seatsFor(u).map((s) => [s.username, { unit: u, roles: s.roles }] as const),
        ),
      );
      const sep = locale === 'en' ? ', ' : '、';
      for (const [, unitName, roles, username] of table) {
        const seat = seats.get(username!);
        assert.ok(seat, `${username} is a sample account`);
        assert.equal(unitName, seat.unit.name, username);
        assert.equal(roles, seat.roles.map((r) => translate(locale, `role.${r}`)).join(sep), username);
      }
      const covered = new Set(
        table.flatMap(([, , , username]) =>
          seats.get(username!)!.roles.map((r) => `${seats.get(username!)!.unit.type}/${r}`),
        ),
      );
      const wanted = new Set(
        allUnits(SAMPLE_TREES).flatMap((u) => seatsFor(u).flatMap((s) => s.roles.map((r) => `${u.type}/${r}`))),
      );
      assert.deepEqual(
        [...wanted].filter((k) => !covered.has(k)),
        [],
        'every role of every kind of unit has an account',
      );
      for (const role of ROLES)
        assert.ok(
          table.some(([, , roles]) => roles!.split(sep).includes(translate(locale, `role.${role}`))),
          `role ${role} is listed`,
        );
      assert.equal(
        new Set(table.map(([kind]) => kind)).size,
        new Set(allUnits(SAMPLE_TREES).map((u) => u.type)).size,
        'every kind of unit',
      );
    });
  }
});
