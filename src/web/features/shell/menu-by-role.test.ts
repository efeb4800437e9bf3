import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROLES } from '../../../common/org.js';
import { MENU_BY_ROLE, menuPathsFor } from './menu-by-role.js';
import { NAV_GROUPS } from './navigation.js';

const NAV_PATHS = NAV_GROUPS.flatMap((group) => group.items.map((item) => item.path));

describe('menus by role', () => {
  it('the gatekeeper sees the gate, patrols, reporting and the to-do, and nothing else', () => {
    assert.deepEqual([...menuPathsFor(['gatekeeper'])].sort(), ['/', '/incidents/new', '/patrols', '/visitors']);
  });

  it('a teacher sees the to-do, reporting and the daily report, not plans, people or disputes', () => {
    const teacher = menuPathsFor(['class_teacher']);
    for (const path of ['/', '/incidents/new', '/daily-reports']) assert.ok(teacher.has(path), path);
    for (const path of ['/plans', '/people', '/cases', '/channels']) assert.ok(!teacher.has(path), path);
  });

  it('a person with several roles sees every entry of each', () => {
    const both = menuPathsFor(['class_teacher', 'duty_staff']);
    for (const path of [...MENU_BY_ROLE.class_teacher, ...MENU_BY_ROLE.duty_staff]) assert.ok(both.has(path), path);
  });

  it('someone without a role still has the to-do and reporting', () => {
    assert.deepEqual([...menuPathsFor([])].sort(), ['/', '/incidents/new']);
  });

  it('every role names only entries the menu has, and every entry is some role’s', () => {
    const named = new Set(ROLES.flatMap((role) => MENU_BY_ROLE[role]));
    for (const path of named) assert.ok(NAV_PATHS.includes(path), `${path} is not a menu entry`);
    for (const path of NAV_PATHS) assert.ok(named.has(path), `no role sees ${path}`);
  });

  it('class rosters (children’s data) are in the menus of the school’s keepers and class teachers only', () => {
    for (const role of ['class_teacher', 'safety_officer', 'accountable_head'] as const)
      assert.ok(menuPathsFor([role]).has('/rosters'), role);
    for (const role of ['admin', 'supervisor', 'gatekeeper', 'duty_leader', 'staff'] as const)
      assert.ok(!menuPathsFor([role]).has('/rosters'), role);
  });

  it('the roll call (children by name) is in the menus of the school’s keepers and class teachers only', () => {
    for (const role of ['class_teacher', 'safety_officer', 'accountable_head'] as const)
      assert.ok(menuPathsFor([role]).has('/roll-calls'), role);
    for (const role of ['admin', 'supervisor', 'gatekeeper', 'duty_leader', 'staff', 'duty_staff'] as const)
      assert.ok(!menuPathsFor([role]).has('/roll-calls'), role);
  });

  it('a supervisor and an administrator see the supervision screens; a gatekeeper does not', () => {
    for (const role of ['supervisor', 'admin'] as const) assert.ok(menuPathsFor([role]).has('/assessment'), role);
    assert.ok(!menuPathsFor(['gatekeeper']).has('/assessment'));
  });
});
