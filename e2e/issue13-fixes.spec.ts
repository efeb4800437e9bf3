import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { SAMPLE_TREES } from '../src/server/demo/sample-organisation.js';
import { apiGet, apiSend, eventually } from './helpers/app.js';
import { DESKTOP, PHONE, shot } from './helpers/browser.js';
import { useDemoBrowser } from './helpers/demo.js';
import type { Page as ApiPage, Unit } from './helpers/types.js';

/*
 * Issue 13's fixes as a person sees them: duty warnings that agree and offer their next step, one kind
 * of 确认 on the incident page, and the copy fixes (tel: numbers, full names in the phone matrix, the
 * board's 超时 column at 1280 px, the inspections empty state).
 */
const names = new Map<string, string>();
const walk = (units: typeof SAMPLE_TREES) => units.forEach((u) => (names.set(u.code, u.name), walk(u.children ?? [])));
walk(SAMPLE_TREES);
const nameOf = (code: string) => names.get(code) ?? assert.fail(`no sample unit ${code}`);

const demo = useDemoBrowser();

async function unitOf(page: Page, code: string): Promise<Unit> {
  const units = await apiGet<ApiPage<Unit>>(page, `/units?q=${encodeURIComponent(nameOf(code))}`);
  return units.items.find((u) => u.name === nameOf(code)) ?? assert.fail(`${code} not visible`);
}

describe('issue 13 fixes', () => {
  const unitPageAgreeWarning =
    'the unit page and 当前值班 agree; the warning offers 去排班 to the safety officer and names whom to ask to a teacher';
  it(unitPageAgreeWarning, async () => {
    const safety = await demo.open('s1.safety', { viewport: DESKTOP });
    const s1 = await unitOf(safety, 's1');
    const teacher = await demo.open('s1.teacher1', { viewport: PHONE });

    // No roster yet: the gate card and 当前值班 both say nobody is on duty.
    await safety.goto(`/units?unit=${s1.id}`);
    const gate = safety.getByTestId('gate-staffing');
    await gate.filter({ hasText: '无人值班' }).waitFor();
    assert.equal(await gate.getAttribute('data-staffed'), 'false');
    const safetyStep = safety.getByTestId('patrol-facts').getByTestId('duty-next-step');
    await safetyStep.getByTestId('go-roster').filter({ hasText: '去排班' }).waitFor();
    await shot(safety, 'issue13-unit-gate-next-step-desktop-zh');

    await teacher.goto(`/units?unit=${s1.id}`);
    const teacherStep = teacher.getByTestId('patrol-facts').getByTestId('duty-next-step');
    await teacherStep.waitFor();
    assert.equal(await teacherStep.getAttribute('data-may-edit'), 'false');
    assert.equal(
      await teacherStep.getByTestId('go-roster').count(),
      0,
      'no button for someone who cannot keep the roster',
    );
    await teacherStep.getByText('安全管理员').first().waitFor();
    const safetyName = (await apiGet<{ name: string }>(safety, '/auth/me')).name;
    await teacherStep.getByText(safetyName).waitFor();
    await shot(teacher, 'issue13-unit-gate-ask-phone-zh');

    await teacher.goto(`/duty/now?unit=${s1.id}`);
    const card = teacher.locator(`[data-testid="on-duty-unit"][data-unit-id="${s1.id}"]`);
    await card.getByText('无人值班').waitFor();
    await card.getByTestId('duty-next-step').getByText(safetyName).waitFor();

    // The safety officer's 去排班 opens the roster tools.
    await safetyStep.getByTestId('go-roster').click();
    await safety.waitForURL(/\/duty\/roster\?unit=/);

    // A shift on now: both screens turn together.
    const now = Date.now();
    await apiSend(safety, 'POST', '/duty/shifts', {
      unitId: s1.id,
      startsAt: new Date(now - 30 * 60_000).toISOString(),
      endsAt: new Date(now + 60 * 60_000).toISOString(),
      dutyLeaderId: null,
      staffIds: [(await apiGet<{ personId: string }>(teacher, '/auth/me')).personId],
    });
    await teacher.goto(`/units?unit=${s1.id}`);
    await teacher.getByTestId('gate-staffing').filter({ hasText: '有人值班' }).waitFor();
    await teacher.goto(`/duty/now?unit=${s1.id}`);
    await card.locator('.duty-now-shift').first().waitFor();
    assert.equal(await card.getByText('无人值班').count(), 0);
  });

  const incidentPageHasKind =
    'the incident page has one kind of 确认: the step’s 确认收到, and status buttons that say what they change';
  it(incidentPageHasKind, async () => {
    const teacher = await demo.open('s2.teacher1', { viewport: DESKTOP });
    const s2 = await unitOf(teacher, 's2');
    const created = await apiSend<{ id: string }>(teacher, 'POST', '/incidents', {
      unitId: s2.id,
      type: 'injury',
      severity: 4,
      place: '操场',
      description: '学生摔倒擦伤膝盖，已消毒包扎',
    });
    const head = await demo.open('s2.head', { viewport: DESKTOP });
    await head.goto(`/incidents/${created.id}`);
    const actions = head.getByTestId('incident-actions');
    await actions.getByTestId('status-responding').filter({ hasText: '标记为处置中' }).waitFor();
    await actions.getByTestId('status-under_control').filter({ hasText: '标记为已控制' }).waitFor();
    assert.equal(
      await actions.getByTestId('status-acknowledged').count(),
      0,
      'no status button reads like an acknowledgement',
    );
    await actions.getByTestId('status-hint').waitFor();
    const english = await demo.open('s2.head', { viewport: DESKTOP, en: true });
    await english.goto(`/incidents/${created.id}`);
    await english.getByTestId('status-responding').filter({ hasText: 'Mark as being handled' }).waitFor();
    const ack = english.getByTestId('acknowledge');
    if ((await ack.count()) > 0) assert.equal((await ack.first().textContent())?.trim(), 'Acknowledge receipt');
    await shot(head, 'issue13-incident-status-desktop-zh');
  });

  it('on a phone the emergency numbers are tel: links and 交通事故 122 is not cut off', async () => {
    const page = await demo.open('s1.teacher1', { viewport: PHONE });
    await page.goto('/incidents/new');
    for (const n of ['110', '119', '120', '122'])
      assert.equal(await page.getByTestId(`dial-${n}`).getAttribute('href'), `tel:${n}`);
    const last = page.getByTestId('dial-122');
    assert.equal((await last.textContent())?.replace(/\s+/g, ' ').trim(), '交通事故 122');
    const box = (await last.boundingBox()) ?? assert.fail('the 122 link is not laid out');
    assert.ok(
      box.x >= 0 && box.x + box.width <= PHONE.width,
      `the 122 link lies inside the screen (${box.x} + ${box.width})`,
    );
    await shot(page, 'issue13-incident-numbers-phone-zh');
  });

  it('the phone matrix shows two schools of one town by their full names', async () => {
    const page = await demo.open('cs2.safety', { viewport: PHONE });
    await page.goto('/daily-reports/matrix?days=7');
    for (const code of ['s4', 'k3']) {
      const cell = page.locator('.steady-dr-table tbody td.steady-dr-unit').filter({ hasText: nameOf(code) });
      await cell.waitFor();
      const fits = await cell.evaluate((el) => ({
        text: el.textContent?.trim(),
        cut: el.scrollWidth > el.clientWidth + 1,
        ellipsis: getComputedStyle(el).textOverflow === 'ellipsis',
      }));
      assert.deepEqual(fits, { text: nameOf(code), cut: false, ellipsis: false }, code);
    }
    await shot(page, 'issue13-matrix-phone-zh');
  });

  it('the board keeps its 超时 column in view at 1280 px', async () => {
    const page = await demo.open('bureau.safety', { viewport: { width: 1280, height: 800 } });
    await page.goto('/incidents');
    const header = page
      .getByTestId('board-table')
      .locator('th')
      .filter({ hasText: /^超时$/ });
    await header.waitFor();
    await eventually(async () => {
      const box = (await header.boundingBox()) ?? assert.fail('no 超时 header');
      assert.ok(box.x + box.width <= 1280 && box.x > 0, `超时 inside the window (${box.x} + ${box.width})`);
    });
    await shot(page, 'issue13-board-1280-zh');
  });

  it('the inspections empty state offers 从模板添加 to those who add checklists, and says who does to others', async () => {
    const safety = await demo.open('s3.safety', { viewport: PHONE });
    await safety.goto('/inspections');
    const add = safety.getByTestId('empty-add-checklist');
    await add.filter({ hasText: '从模板添加' }).waitFor();
    assert.equal(await safety.getByText(/下面的模板/).count(), 0, 'no templates "below" that are not there');
    await add.click();
    await safety.locator('[data-template-id="canteen"]').waitFor();
    const teacher = await demo.open('s3.teacher1', { viewport: PHONE });
    await teacher.goto('/inspections');
    await teacher.getByText('检查表由本单位的安全管理员或负责人从模板添加').waitFor();
    assert.equal(await teacher.getByTestId('empty-add-checklist').count(), 0);
  });
});
