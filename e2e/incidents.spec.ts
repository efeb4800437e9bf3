import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { SAMPLE_TREES } from '../src/server/demo/sample-organisation.js';
import { apiGet, apiSend, chooseOption, eventually, toast } from './helpers/app.js';
import { DESKTOP, fillPicker, PHONE, shot, unitInputTime } from './helpers/browser.js';
import { useDemoBrowser } from './helpers/demo.js';

/** Sample unit names by code, from the sample organisation itself. */
const names = new Map<string, string>();
const walk = (units: typeof SAMPLE_TREES) => units.forEach((u) => (names.set(u.code, u.name), walk(u.children ?? [])));
walk(SAMPLE_TREES);
const nameOf = (code: string) => names.get(code) ?? assert.fail(`no sample unit ${code}`);

interface IncidentView {
  id: string;
  status: string;
  drill: boolean;
  steps: { id: string; state: string; mine: boolean; recipients: { name: string; reason: string }[] }[];
  flags: { kind: string; notes: { text: string }[] }[];
  photos: unknown[];
}

const demo = useDemoBrowser();

/** A signed-in page in its own context; `en` switches the interface to English before it loads. */
const open = (username: string, viewport = DESKTOP, en = false) => demo.open(username, { viewport, en });

interface Report {
  place: string;
  description: string;
  type?: string;
  severity?: number;
  drill?: boolean;
  occurredAt?: string;
}

/** Fills the report form as a person would: taps for the type and severity, a few words, send. */
async function fillReport(page: Page, report: Report): Promise<void> {
  const form = page.getByTestId('report-form');
  await form.waitFor();
  await page.locator(`[data-testid="type-grid"] [data-type="${report.type ?? 'fire'}"]`).click();
  if (report.severity)
    await page.locator(`[data-testid="severity-picker"] [data-severity="${report.severity}"]`).click();
  await form.locator('#place').fill(report.place);
  await form.locator('#description').fill(report.description);
  if (report.occurredAt) await fillPicker(page, 'occurred-at', report.occurredAt);
  if (report.drill) await page.getByTestId('drill-switch').click();
}

async function submitAndOpen(page: Page): Promise<string> {
  await page.getByTestId('report-submit').click();
  await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
  await page.getByTestId('incident-page').waitFor();
  return page.url().split('/').pop()!;
}

/** The unit's wall-clock time `hours` ago, as the occurred-at field takes it. */
function hoursAgo(hours: number): string {
  return unitInputTime(new Date(Date.now() - hours * 3_600_000));
}

/** A 1×1 PNG: the smallest real picture. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const boardRow = (page: Page, id: string) => page.locator(`[data-testid="board-row"][data-incident-id="${id}"]`);

describe('incidents', () => {
  const reportPhoneSizedScreen =
    'report from a phone-sized screen, the head acknowledges, the bureau’s board updates without a reload';
  it(reportPhoneSizedScreen, async (t) => {
    // (b) The bureau has its board open before anything happens, and never reloads it.
    const bureau = await open('bureau.safety');
    await bureau.locator('nav').getByText('突发事件', { exact: true }).click();
    await bureau.getByTestId('board-page').waitFor();
    await bureau.getByText('实时更新').waitFor();
    await bureau.evaluate(() => ((window as unknown as { __marker: string }).__marker = 'board-open'));

    // (a) A class teacher on a phone reports a fire at the kindergarten.
    const teacher = await open('k1.teacher1', PHONE);
    const started = Date.now();
    await teacher.getByTestId('report-button').click();
    await fillReport(teacher, { place: '二楼厨房', description: '油锅起火，已用灭火毯扑灭，无人受伤，正在通风。' });
    await teacher.locator('[data-testid="report-form"]').getByText(nameOf('k1')).waitFor();
    const id = await submitAndOpen(teacher);
    const took = Date.now() - started;
    assert.ok(took < 30_000, `the report took ${took} ms from opening the form to the incident page`);
    t.diagnostic(`reported from a phone in ${took} ms`);

    const reported = await apiGet<IncidentView>(teacher, `/incidents/${id}`);
    assert.equal(reported.status, 'reported');
    assert.equal(reported.steps[0]?.state, 'active');
    // The teacher was not told to acknowledge: no button for them.
    await teacher.getByTestId('chain-step').first().getByTestId('countdown').waitFor();
    assert.equal(await teacher.getByTestId('acknowledge').count(), 0, 'the teacher cannot acknowledge');
    await teacher.getByTestId('principles').getByText('119').waitFor();
    // Without a plan of its own the unit is shown the four fixed phrases.
    await teacher.locator('[data-testid="principles"][data-source="default"]').getByText('先控制、后处置').waitFor();
    // Steady never dials by itself; the numbers are tel: links the person taps to call (issue 13).
    assert.deepEqual(
      await teacher
        .getByTestId('principles')
        .locator('a[href^="tel:"]')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
      ['tel:110', 'tel:119', 'tel:120', 'tel:122'],
    );
    const overflow = await teacher.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the incident page scrolls sideways by ${overflow}px on a phone`);
    await shot(teacher, 'incidents-page-phone-zh-teacher');

    // The board shows the new incident by itself.
    const row = boardRow(bureau, id);
    await row.waitFor({ timeout: 15_000 });
    await row.getByTestId('status-tag').filter({ hasText: '已上报' }).waitFor();
    await row.getByTestId('board-deadline').first().getByTestId('countdown').waitFor();
    assert.equal(
      await row.getByTestId('board-deadline').count(),
      reported.steps.length,
      'the board counts down every pending step',
    );
    assert.equal(
      await bureau.evaluate(() => (window as unknown as { __marker?: string }).__marker),
      'board-open',
      'the board did not reload',
    );
    await shot(bureau, 'incidents-board-desktop-zh');

    // (c) The kindergarten head hears of it through the bell, opens it and acknowledges.
    const head = await open('k1.head');
    const bell = head.getByTestId('bell');
    await eventually(async () =>
      assert.ok(Number(await bell.getAttribute('data-unread')) >= 1, 'the head has an unread notification'),
    );
    await bell.click();
    const notice = head
      .getByTestId('notification')
      .filter({ hasText: nameOf('k1') })
      .first();
    await notice.waitFor();
    await shot(head, 'incidents-bell-desktop-zh');
    await notice.click();
    await head.waitForURL(new RegExp(`/incidents/${id}$`));
    const acknowledge = head.getByTestId('acknowledge');
    await acknowledge.waitFor();
    // The sample head has no contact method yet: the page says they were told in the app only.
    const reach = head.getByTestId('chain-step').first().getByTestId('reach').first();
    await reach.waitFor();
    assert.match((await reach.getAttribute('aria-label')) ?? '', /仅站内通知/);
    await shot(head, 'incidents-page-desktop-zh-before-ack');
    await acknowledge.click();
    await head.locator('[data-testid="chain-step"][data-state="done"]').waitFor();
    await head
      .locator('[data-testid="incident-header"] [data-testid="status-tag"][data-status="acknowledged"]')
      .waitFor();
    assert.equal(await head.getByTestId('acknowledge').count(), 0);
    await shot(head, 'incidents-page-desktop-zh-after-ack');

    // The board follows, still without a reload; so does the teacher's page.
    await row.getByTestId('status-tag').filter({ hasText: '已接报' }).waitFor({ timeout: 15_000 });
    await row.getByText('无待办时限').waitFor();
    assert.equal(
      await bureau.evaluate(() => (window as unknown as { __marker?: string }).__marker),
      'board-open',
      'the board did not reload',
    );
    await teacher.locator('[data-testid="chain-step"][data-state="done"]').waitFor({ timeout: 15_000 });
    await shot(bureau, 'incidents-board-desktop-zh-after-ack');
    await shot(teacher, 'incidents-page-phone-zh-after-ack');
  });

  it('shows the server’s reason when a photo is not an image, and keeps the incident', async () => {
    const teacher = await open('k1.teacher1', PHONE);
    await teacher.goto('/incidents/new');
    await fillReport(teacher, {
      type: 'facility_hazard',
      severity: 3,
      place: '操场东侧',
      description: '围栏松动，已拉警戒线。',
    });
    await teacher.getByTestId('photo-input').setInputFiles([
      { name: 'scene.png', mimeType: 'image/png', buffer: Buffer.from(PNG, 'base64') },
      { name: 'notes.txt', mimeType: 'image/png', buffer: Buffer.from('this is not a picture') },
    ]);
    await teacher.locator('.steady-photo-thumb').nth(1).waitFor();
    await shot(teacher, 'incidents-report-phone-zh');
    await teacher.getByTestId('report-submit').click();
    const errors = teacher.getByTestId('photo-errors');
    await errors.waitFor();
    await errors.getByText(/notes\.txt.*不是图片文件/).waitFor();
    assert.equal(await errors.getByText('scene.png').count(), 0, 'the real photo went up');
    await shot(teacher, 'incidents-report-phone-zh-photo-refused');
    await teacher.getByRole('button', { name: '查看事件' }).click();
    await teacher.getByTestId('incident-page').waitFor();
    const id = teacher.url().split('/').pop()!;
    assert.equal((await apiGet<IncidentView>(teacher, `/incidents/${id}`)).photos.length, 1);
    await teacher.getByTestId('photos').locator('img').first().waitFor();
  });

  it('marks a drill plainly, and records a late report as possibly concealed', async () => {
    const teacher = await open('k1.teacher1', PHONE);
    await teacher.goto('/incidents/new');
    await fillReport(teacher, {
      type: 'natural_disaster',
      place: '全园',
      description: '地震疏散演练：全体师生两分钟内撤离到操场。',
      drill: true,
    });
    await submitAndOpen(teacher);
    await teacher.getByTestId('drill-banner').getByText('演练', { exact: true }).waitFor();
    await shot(teacher, 'incidents-page-phone-zh-drill');

    const safety = await open('k1.safety', DESKTOP, true);
    await safety.goto('/incidents/new');
    await fillReport(safety, {
      type: 'injury',
      severity: 3,
      place: 'Playground',
      description: 'A child fell from the slide; the nurse is with her.',
      occurredAt: hoursAgo(3),
    });
    await shot(safety, 'incidents-report-desktop-en');
    const id = await submitAndOpen(safety);
    const flag = safety.locator('[data-testid="flag"][data-kind="concealed"]');
    await flag.getByText('Possibly concealed').waitFor();
    await flag.getByRole('button', { name: 'Add an explanation' }).click();
    await flag.locator('textarea').fill('The teacher on duty called the parents first and reported afterwards.');
    await flag.getByRole('button', { name: 'Append explanation' }).click();
    await flag.getByText('called the parents first').waitFor();
    const view = await apiGet<IncidentView>(safety, `/incidents/${id}`);
    assert.equal(view.flags[0]?.kind, 'concealed');
    assert.equal(view.flags[0]?.notes.length, 1);
    await shot(safety, 'incidents-page-desktop-en-concealed');

    // The safety officer moves it on and closes it with the after-action report.
    await safety.getByTestId('status-responding').click();
    await safety.locator('[data-testid="incident-header"] [data-status="responding"]').waitFor();
    await safety.getByTestId('close-incident').click();
    const drawer = safety.locator('.steady-close-drawer .ant-drawer-section');
    await drawer.getByTestId('close-form').waitFor();
    await drawer.locator('#causes').fill('The slide’s handrail is loose.');
    await drawer.locator('#actionsTaken').fill('First aid by the nurse; parents told; the slide closed.');
    await drawer.locator('#lessons').fill('Check the playground equipment every week.');
    await drawer.getByTestId('add-follow-up').click();
    await drawer.locator('#followUps_0_task').fill('Repair the slide handrail');
    // The owner list loads as the drawer opens; a tap that lands before it is simply tried again.
    const ownerShown = async () => (await drawer.getByTestId('follow-up').locator('.ant-select').innerText()).trim();
    await eventually(async () => {
      if ((await ownerShown()) === '') {
        await drawer.locator('#followUps_0_ownerId').click();
        await safety
          .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
          .first()
          .click({ timeout: 5_000 });
      }
      assert.notEqual(await ownerShown(), '', 'an owner is chosen');
    });
    await fillPicker(
      safety,
      drawer.locator('#followUps_0_dueDate'),
      new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
    );
    await safety.waitForTimeout(300);
    await shot(safety, 'incidents-close-drawer-desktop-en');
    await safety.getByTestId('close-submit').click();
    await safety
      .locator('[data-testid="incident-page"][data-status="closed"]')
      .waitFor({ timeout: 20_000 })
      .catch(async (error: unknown) => {
        await shot(safety, 'incidents-close-drawer-failed');
        const shown = await drawer.locator('.ant-form-item-explain-error, .ant-alert').allInnerTexts();
        throw new Error(`the incident did not close; the drawer shows: ${JSON.stringify(shown)}`, { cause: error });
      });
    await safety.getByTestId('after-action').waitFor();
    const [docx] = await Promise.all([safety.waitForEvent('download'), safety.getByTestId('export-docx').click()]);
    assert.equal(docx.suggestedFilename(), `after-action-${id}.docx`);
    const [cap] = await Promise.all([safety.waitForEvent('download'), safety.getByTestId('export-cap').click()]);
    assert.match(cap.suggestedFilename(), /\.cap\.xml$/);
    assert.match(
      readFileSync((await cap.path())!, 'utf8'),
      /<language>zh-CN<\/language>/,
      'the CAP alert is in the kindergarten’s language',
    );
    // A reader of another language may ask for a copy in theirs.
    const [capEn] = await Promise.all([
      safety.waitForEvent('download'),
      safety.getByTestId('export-in-my-language').getByTestId('export-cap-mine').click(),
    ]);
    assert.match(
      readFileSync((await capEn.path())!, 'utf8'),
      /<headline>[^<]*Injury/,
      'the copy asked for is in English',
    );
    await shot(safety, 'incidents-page-desktop-en-closed');

    // The follow-up is now a rectification task in the ledger, and it leads back to the incident.
    await safety.getByTestId('follow-up-item').getByRole('link', { name: 'Repair the slide handrail' }).click();
    await safety.getByTestId('task-source-link').waitFor();
    assert.match(await safety.locator('body').innerText(), /Incident ·/);
    await shot(safety, 'incidents-follow-up-task-en');
    await safety.getByTestId('task-source-link').click();
    await safety.locator('[data-testid="incident-page"][data-status="closed"]').waitFor();
  });

  it('turns a missed deadline red, flags it late and escalates, live', async () => {
    // The kindergarten's own plan, published with a one-minute chain so the deadline comes quickly.
    const head = await open('k2.head');
    const me = await apiGet<{ scopes: { unitId: string }[] }>(head, '/auth/me');
    const unitId = me.scopes[0]!.unitId;
    const plan = await apiSend<{ planId: string; content: { reportingChain: { deadlineMinutes: number }[] } }>(
      head,
      'POST',
      '/plans',
      { unitId, template: 'kindergarten' },
    );
    plan.content.reportingChain.forEach((step, index) => (step.deadlineMinutes = index + 1));
    await apiSend(head, 'PATCH', `/plans/${plan.planId}/draft`, { content: plan.content });
    await apiSend(head, 'POST', `/plans/${plan.planId}/publish`);

    const teacher = await open('k2.teacher1', PHONE);
    await teacher.goto('/incidents/new');
    await fillReport(teacher, {
      type: 'missing_child',
      severity: 2,
      place: '大门口',
      description: '放学时一名幼儿未见家长接走，老师正在园内寻找。',
    });
    // The plan's own principles are in view, and stay in view while the form scrolls.
    const strip = teacher.locator('[data-testid="principles"][data-source="plan"]');
    await strip.getByTestId('principle').filter({ hasText: '以人为本，生命至上' }).waitFor();
    await teacher.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await teacher.getByTestId('report-submit').scrollIntoViewIfNeeded();
    assert.ok((await teacher.evaluate(() => window.scrollY)) > 200, 'the form scrolled');
    const box = await strip.boundingBox();
    assert.ok(
      box && box.y >= 0 && box.y < 80 && box.height < 140,
      `the strip stays at the top, compact: ${JSON.stringify(box)}`,
    );
    assert.ok(await strip.getByText('119').isVisible());
    const overflow = await teacher.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the report form scrolls sideways by ${overflow}px on a phone`);
    await shot(teacher, 'incidents-report-phone-zh-plan-principles-scrolled');
    await strip.getByTestId('principles-toggle').click();
    await strip
      .getByTestId('principles-full')
      .getByText(/严禁迟报、谎报、瞒报、漏报/)
      .waitFor();
    await strip.getByTestId('principles-toggle').click();
    const id = await submitAndOpen(teacher);
    const supervisor = await open('cs1.head', DESKTOP, true);
    await supervisor.goto('/incidents');
    await boardRow(supervisor, id).waitFor();
    // Every step of the chain counts down on the board, each under its own name.
    const deadlines = boardRow(supervisor, id).getByTestId('board-deadline');
    await eventually(async () => assert.equal(await deadlines.count(), plan.content.reportingChain.length));
    // The template copies the central school, then files the written report with the bureau above.
    await deadlines.nth(2).getByText('3. written report').waitFor();

    // Nobody acknowledges: past the minute the step turns late on every open screen by itself.
    const late = teacher.locator('[data-testid="flag"][data-kind="late"]');
    await late.waitFor({ timeout: 120_000 });
    await teacher
      .locator('[data-testid="chain-step"][data-late="true"] [data-testid="countdown"][data-late="true"]')
      .waitFor();
    const view = await apiGet<IncidentView>(teacher, `/incidents/${id}`);
    assert.ok(
      view.steps[0]!.recipients.some((r) => r.reason === 'deputy'),
      'the step escalated to a deputy',
    );
    await teacher
      .locator('[data-testid="chain-step"]')
      .first()
      .locator('.ant-tag')
      .filter({ hasText: '接替' })
      .waitFor();
    await late.scrollIntoViewIfNeeded();
    await shot(teacher, 'incidents-page-phone-zh-late');
    await boardRow(supervisor, id).getByTestId('late-count').waitFor({ timeout: 15_000 });
    const lateStep = boardRow(supervisor, id).locator('[data-testid="board-deadline"][data-late="true"]').first();
    await lateStep.locator('[data-testid="countdown"][data-late="true"]').waitFor();
    assert.equal(
      await lateStep.locator('.steady-board-step').evaluate((el) => getComputedStyle(el).color),
      'rgb(196, 29, 29)',
      'a late step is in red',
    );
    await shot(supervisor, 'incidents-board-desktop-en-late');
  });

  it('lets a person set how they are reached, in order', async () => {
    const head = await open('k1.head');
    const me = await apiGet<{ personId: string; name: string }>(head, '/auth/me');
    await head.goto(`/people?q=${encodeURIComponent(me.name)}`);
    await head.getByTestId('people-table').getByRole('button', { name: me.name }).first().click();
    const section = head.getByTestId('contact-methods');
    await section.getByTestId('contact-edit').click();
    await section.getByTestId('contact-add').click();
    await chooseOption(head, section.locator('[data-testid="contact-row"]').nth(0).locator('.ant-select'), '电子邮件');
    await section.locator('#methods_0_to').fill('head@k1.example.org');
    await section.getByTestId('contact-add').click();
    await chooseOption(
      head,
      section.locator('[data-testid="contact-row"]').nth(1).locator('.ant-select'),
      '钉钉机器人',
    );
    await section.locator('#methods_1_url').fill('https://oapi.dingtalk.com/robot/send?access_token=e2e');
    await section.locator('#methods_1_secret').fill('SEC-e2e');
    await section.getByRole('button', { name: '上移' }).nth(1).click();
    await shot(head, 'incidents-contacts-desktop-zh-editing');
    await section.getByTestId('contact-save').click();
    await section.getByText('oapi.dingtalk.com').waitFor();
    const saved = await apiGet<{ position: number; channel: string; signed: boolean }[]>(
      head,
      `/people/${me.personId}/contacts`,
    );
    assert.deepEqual(
      saved.map((m) => [m.position, m.channel, m.signed]),
      [
        [1, 'dingtalk', true],
        [2, 'email', false],
      ],
    );
    await shot(head, 'incidents-contacts-desktop-zh');

    // Moving the saved robot down again asks for nothing: its address and secret are kept.
    await section.getByTestId('contact-edit').click();
    await section.getByTestId('contact-kept').waitFor();
    await section.getByRole('button', { name: '下移' }).first().click();
    await shot(head, 'incidents-contacts-desktop-zh-reorder');
    await section.getByTestId('contact-save').click();
    await eventually(async () => {
      const again = await apiGet<{ position: number; channel: string; signed: boolean }[]>(
        head,
        `/people/${me.personId}/contacts`,
      );
      assert.deepEqual(
        again.map((m) => [m.position, m.channel, m.signed]),
        [
          [1, 'email', false],
          [2, 'dingtalk', true],
        ],
      );
    });

    // The language they are written to in: their unit's until they choose, then English.
    const language = head.getByTestId('message-language');
    await language.getByText('跟随单位').waitFor();
    await chooseOption(head, language.locator('.ant-select'), 'English');
    await toast(head, '已保存消息语言');
    await eventually(async () =>
      assert.equal((await apiGet<{ language: string | null }>(head, '/auth/me')).language, 'en'),
    );
    await shot(head, 'incidents-message-language-desktop-zh');
    await chooseOption(head, language.locator('.ant-select'), '跟随单位');
    await eventually(async () =>
      assert.equal((await apiGet<{ language: string | null }>(head, '/auth/me')).language, null),
    );
  });

  it('reads well in English on a phone: the board as cards and the bell as a drawer', async () => {
    const admin = await open('admin', PHONE, true);
    await admin.goto('/incidents?all=1');
    await admin.locator('[data-testid="board-list"] [data-testid="board-row"]').first().waitFor();
    const overflow = await admin.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the board scrolls sideways by ${overflow}px on a phone`);
    await shot(admin, 'incidents-board-phone-en');
    await admin.goto('/incidents/new');
    await admin.getByTestId('report-form').waitFor();
    await shot(admin, 'incidents-report-phone-en');

    const head = await open('k1.head', PHONE, true);
    await head.getByTestId('bell').click();
    await head.locator('.steady-bell-drawer').getByTestId('notification').first().waitFor();
    await head.waitForTimeout(400);
    await shot(head, 'incidents-bell-phone-en');
  });
});
