import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { apiGet, apiSend } from './helpers/app.js';
import { DESKTOP, PHONE, shot } from './helpers/browser.js';
import { useDemoBrowser } from './helpers/demo.js';

const demo = useDemoBrowser();

interface Me {
  personId: string;
  scopes: { unitId: string; unitName: string; roles: string[] }[];
}
interface Step {
  id: string;
  kind: string;
  recipients: { personId: string }[];
}

const unitOf = async (page: Page) => (await apiGet<Me>(page, '/auth/me')).scopes[0]!.unitId;
const item = (page: Page, kind: string) =>
  page.getByTestId('home-todo').locator(`[data-testid="todo-item"][data-kind="${kind}"]`);
/** Marks the page so that a later check can tell it was never reloaded. */
const mark = (page: Page) => page.evaluate(() => ((window as unknown as { steadyMark: number }).steadyMark = 1));
/**
 * The list is shown at once from what was last read and re-read on arrival: an item done elsewhere
 * leaves it when the answer is in, without a reload.
 */
async function gone(items: Locator, why: string): Promise<void> {
  await items.first().waitFor({ state: 'detached' });
  assert.equal(await items.count(), 0, why);
}
const stillMarked = async (page: Page) =>
  assert.equal(
    await page.evaluate(() => (window as unknown as { steadyMark?: number }).steadyMark),
    1,
    'the page was not reloaded',
  );
const menuPaths = (page: Page) =>
  page.locator('nav [data-testid="nav-item"]').evaluateAll((items) => items.map((i) => i.getAttribute('data-path')));

/** Back to the home screen through the menu (a drawer on a phone), as a person would. */
async function home(page: Page, phone: boolean): Promise<void> {
  if (phone) await page.getByTestId('nav-toggle').click();
  await page.locator(`${phone ? '.steady-nav-drawer ' : ''}nav [data-testid="nav-item"][data-path="/"]`).click();
  await page.getByTestId('home-todo').waitFor();
}

describe('my to-do on the home screen', () => {
  const schoolHeadPhoneZh =
    'a school head on a phone (zh-CN): the directive arrives live, each item opens its screen, doing it removes it';
  it(schoolHeadPhoneZh, async () => {
    const head = await demo.open('s2.head', { viewport: PHONE });
    const school = await unitOf(head);
    await head.getByTestId('home-todo').waitFor();
    await mark(head);

    // The central school sends a directive while the head looks at the home screen: it appears without a reload.
    const sender = await demo.open('cs1.safety', { viewport: DESKTOP });
    const central = await unitOf(sender);
    const directive = await apiSend<{ id: string }>(sender, 'POST', '/directives', {
      senderUnitId: central,
      kind: 'directive',
      title: '关于开展校园安全隐患排查的通知',
      text: '请于两小时内签收。',
      targetUnitIds: [school],
      signDueAt: new Date(Date.now() + 2 * 60 * 60_000).toISOString(),
    });
    await item(head, 'directive_sign').filter({ hasText: '签收通知：关于开展校园安全隐患排查的通知' }).waitFor();
    // The central school's home also watches the units below it.
    await sender.getByTestId('todo-late-below').waitFor();
    await shot(sender, 'todo-home-central-desktop-zh');

    // A teacher reports an incident; the chain tells the head (after the safety officer, where the plan says so).
    const teacher = await demo.open('s2.teacher1', { viewport: DESKTOP });
    const incident = await apiSend<{ id: string; steps: Step[] }>(teacher, 'POST', '/incidents', {
      unitId: school,
      type: 'injury',
      severity: 4,
      place: '操场',
      description: '学生跑步时摔倒，膝盖擦伤',
    });
    const headId = (await apiGet<Me>(head, '/auth/me')).personId;
    const headStep =
      incident.steps.find((s) => s.recipients.some((r) => r.personId === headId)) ??
      (await apiSend(
        await demo.open('s2.safety', { viewport: DESKTOP }),
        'POST',
        `/incidents/${incident.id}/steps/${incident.steps[0]!.id}/acknowledge`,
      ),
      incident.steps[1]!);
    const ack = head.getByTestId('home-todo').locator(`[data-testid="todo-item"][data-id="step:${headStep.id}"]`);
    await ack.waitFor();
    assert.match((await ack.textContent()) ?? '', /确认收到突发事件：.+（Ⅳ级）/);

    // Most urgent first: the step (10 minutes) before the directive (2 hours); each counts down.
    const kinds = await head
      .getByTestId('home-todo')
      .getByTestId('todo-item')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')));
    assert.ok(kinds.indexOf('incident_acknowledge') < kinds.indexOf('directive_sign'), kinds.join());
    await ack.getByTestId('todo-countdown').waitFor();
    const overflow = await head.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the home screen scrolls sideways by ${overflow}px on a phone`);
    await shot(head, 'todo-home-head-phone-zh');

    // One tap opens the directive; signing for it and coming back leaves it off the list.
    await item(head, 'directive_sign').click();
    await head.waitForURL(new RegExp(`/directives/${directive.id}$`));
    await head.getByTestId('sign').click();
    await head.getByTestId('sign').waitFor({ state: 'detached' });
    await home(head, true);
    await item(head, 'incident_acknowledge').waitFor();
    await gone(item(head, 'directive_sign'), 'the signed directive left the list');

    // The bell opens the same list in a tab; one tap there opens the incident.
    await head.getByTestId('bell').click();
    await head.getByTestId('bell-tab-todo').click();
    const inBell = head.locator(`.steady-bell-drawer [data-testid="todo-item"][data-id="step:${headStep.id}"]`);
    await inBell.waitFor();
    await shot(head, 'todo-bell-head-phone-zh');
    await inBell.click();
    await head.waitForURL(new RegExp(`/incidents/${incident.id}$`));
    // Once acknowledged, nothing is left for the head.
    await head.getByTestId('acknowledge').click();
    await head.getByTestId('acknowledge').waitFor({ state: 'detached' });
    await home(head, true);
    await head.getByTestId('home-todo').getByText('眼下没有等您处理的事。').waitFor();
    await gone(ack, 'the acknowledged step left the list');
    await stillMarked(head);
    await shot(head, 'todo-home-head-after-phone-zh');
  });

  const gatekeeperDesktopEnglishVisitors =
    'a gatekeeper on a desktop (English): visitors still inside, one tap to sign them out, and a menu of their own';
  it(gatekeeperDesktopEnglishVisitors, async () => {
    const gate = await demo.open('s1.gate', { viewport: DESKTOP, en: true });
    const school = await unitOf(gate);
    await gate.getByTestId('home-todo').waitFor();
    assert.deepEqual(
      await menuPaths(gate),
      ['/', '/incidents/new', '/patrols', '/visitors'],
      'the gatekeeper sees to-do, report, patrols and the gate',
    );
    await gate.locator('nav').getByText('To-do', { exact: true }).waitFor();
    await gate.locator('nav').getByText('Report an incident', { exact: true }).waitFor();

    // A visitor checked in at the gate shows on the home screen.
    const visitor = await apiSend<{ id: string }>(gate, 'POST', '/visitors', {
      unitId: school,
      name: '王建国',
      idNumber: '451X',
      purpose: '家长来访',
    });
    await gate.reload();
    await mark(gate);
    const inside = item(gate, 'visitors_inside');
    await inside.filter({ hasText: 'Visitors not signed out yet: 1' }).waitFor();
    await inside.getByTestId('todo-countdown').waitFor();
    await shot(gate, 'todo-home-gate-desktop-en');
    // The same gate on a phone, in Chinese.
    const phone = await demo.open('s1.gate', { viewport: PHONE });
    await item(phone, 'visitors_inside').filter({ hasText: '仍有 1 名访客未登记离开' }).waitFor();
    await shot(phone, 'todo-home-gate-phone-zh');

    // One tap opens the list of those inside; signing the visitor out removes the item.
    await inside.click();
    const row = gate.locator(`[data-testid="inside-row"][data-visitor-id="${visitor.id}"]`);
    await row.getByTestId('check-out').click();
    await row.waitFor({ state: 'detached' });
    await home(gate, false);
    await gate.getByTestId('todo-list').waitFor();
    await gone(item(gate, 'visitors_inside'), 'nobody is inside any more');
    await stillMarked(gate);

    // A head's menu is a unit's whole safety work; the gatekeeper's is not.
    const head = await demo.open('s1.head', { viewport: DESKTOP, en: true });
    await head.getByTestId('todo-list').waitFor();
    const headMenu = await menuPaths(head);
    for (const path of ['/plans', '/people', '/directives', '/inspections']) assert.ok(headMenu.includes(path), path);
    for (const path of ['/plans', '/people', '/cases', '/assessment'])
      assert.ok(!(await menuPaths(gate)).includes(path), path);
    await shot(head, 'todo-home-head-desktop-en');
    await shot(gate, 'todo-home-gate-after-desktop-en');
  });
});
