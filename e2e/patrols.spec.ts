import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { apiGet } from './helpers/app.js';
import { DESKTOP, PHONE, shot } from './helpers/browser.js';
import { useDemoBrowser } from './helpers/demo.js';
import { DEMO_PASSWORD } from './helpers/server.js';

interface CheckpointList {
  canManage: boolean;
  items: { id: string; name: string; checkInUrl: string | null }[];
}
interface Night {
  patrols: {
    kind: string;
    state: string;
    checked: number;
    of: number;
    checkIns: { checkpointName: string; method: string }[];
  }[];
}

const demo = useDemoBrowser();

const context = (viewport = PHONE, en = false) => demo.fresh({ viewport, en });
const open = (username: string, viewport = PHONE, en = false) => demo.open(username, { viewport, en });

const noSidewaysScroll = async (page: Page, what: string) => {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what} scrolls sideways by ${overflow}px on a phone`);
};

describe('patrols', () => {
  const phoneDutyPersonChecks =
    'on a phone, a duty person checks in at two checkpoints: one by its button, one by its QR address after signing in';
  it(phoneDutyPersonChecks, async () => {
    // The safety officer puts up two checkpoints from a phone.
    const safety = await open('s1.safety');
    await safety.goto('/patrols/checkpoints');
    const form = safety.getByTestId('checkpoint-form');
    for (const [name, hint] of [
      ['东门', '门卫室外墙'],
      ['教学楼一楼', '东侧楼梯口'],
    ] as const) {
      await form.locator('#name').fill(name);
      await form.locator('#locationHint').fill(hint);
      await form.locator('button[type="submit"]').click();
      await safety.locator(`[data-testid="checkpoint-row"][data-point="${name}"]`).waitFor();
    }
    await noSidewaysScroll(safety, 'the checkpoints page');
    await shot(safety, 'patrols-checkpoints-phone-zh');
    const me = await apiGet<{ scopes: { unitId: string }[] }>(safety, '/auth/me');
    const unitId = me.scopes[0]!.unitId;
    const list = await apiGet<CheckpointList>(safety, `/units/${unitId}/patrol-checkpoints`);
    assert.equal(list.items.length, 2);
    const gateUrl = new URL(list.items.find((c) => c.name === '东门')!.checkInUrl!);
    assert.match(gateUrl.pathname, /^\/patrols\/c\/[A-Za-z0-9_-]{22}$/);
    const sheet = await safety.request.get(`/api/v1/units/${unitId}/patrol-checkpoints/sheet?locale=zh-CN`);
    assert.equal(sheet.status(), 200);
    assert.equal(((await sheet.text()).match(/<svg /g) ?? []).length, 2, 'the print sheet carries both QR codes');

    // The duty teacher, on a phone, starts a round and taps the first point.
    const duty = await open('s1.teacher1');
    await duty.goto('/patrols');
    await duty.getByTestId('patrol-now').waitFor();
    await duty.getByTestId('start-patrol').click();
    await duty.getByTestId('open-patrol').waitFor();
    const inside = duty.locator('[data-testid="patrol-point"][data-point="教学楼一楼"]');
    await inside.getByTestId('point-check-in').click();
    await inside.getByTestId('point-checked').waitFor();
    await duty.getByTestId('open-patrol').getByText('已签到 1/2').waitFor();
    await noSidewaysScroll(duty, 'the patrol screen');
    await shot(duty, 'patrols-now-phone-zh');

    // At the gate the QR code opens Steady on a phone that is signed out: sign in, and the point is checked.
    const scanner = await context();
    await scanner.goto(gateUrl.pathname);
    await scanner.locator('#username').fill('s1.teacher1');
    await scanner.locator('#password').fill(DEMO_PASSWORD);
    await scanner.locator('form button[type="submit"]').click();
    await scanner.getByTestId('scan-result').getByText('已签到：东门').waitFor();
    await scanner.getByText('本次巡查已完成').waitFor();
    await noSidewaysScroll(scanner, 'the scan page');
    await shot(scanner, 'patrols-scan-phone-zh');

    const night = await apiGet<Night>(duty, `/units/${unitId}/patrols`);
    const round = night.patrols.find((p) => p.kind === 'extra')!;
    assert.equal(round.state, 'done');
    assert.equal(round.checked, 2);
    assert.deepEqual(
      round.checkIns.map((c) => [c.checkpointName, c.method]),
      [
        ['教学楼一楼', 'tap'],
        ['东门', 'scan'],
      ],
    );

    // The round shows as done on the screen the teacher still has open, after the live nudge or a reload.
    await duty.reload();
    await duty.locator('[data-testid="night-patrol"][data-state="done"]').waitFor();
    await shot(duty, 'patrols-night-phone-zh');

    // The unit page shows the gate and the night's count.
    const head = await open('s1.head', DESKTOP);
    await head.goto('/units');
    await head.getByTestId('patrol-facts').waitFor();
    await head.getByTestId('gate-staffing').waitFor();
    await shot(head, 'patrols-unit-card-desktop-zh');
  });

  it('reads in English, and refuses a QR address that is not a checkpoint', async () => {
    const duty = await open('s1.teacher1', PHONE, true);
    await duty.goto('/patrols');
    await duty.getByTestId('patrol-now').getByText('Patrol now', { exact: true }).waitFor();
    await duty.getByTestId('patrol-night').waitFor();
    await shot(duty, 'patrols-now-phone-en');
    await duty.goto('/patrols/c/this-is-not-a-checkpoint');
    await duty
      .getByTestId('scan-error')
      .getByText(/not a known checkpoint/)
      .waitFor();
    await shot(duty, 'patrols-scan-refused-phone-en');
    const safety = await open('s1.safety', PHONE, true);
    await safety.goto('/patrols/checkpoints');
    await safety.getByTestId('checkpoint-row').first().waitFor();
    await shot(safety, 'patrols-checkpoints-phone-en');
  });
});
