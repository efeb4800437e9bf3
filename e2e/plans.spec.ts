import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import type { Browser, Locator, Page } from 'playwright-core';
import { SAMPLE_TREES } from '../src/server/demo/sample-organisation.js';
import { apiGet, eventually, pickOption, pressInDialog, signIn, toast } from './helpers/app.js';
import { DESKTOP, launchBrowser, newPage, PHONE, shot } from './helpers/browser.js';
import { startDemoServer, type RunningServer } from './helpers/server.js';
import type { Page as ApiPage, Unit } from './helpers/types.js';

const names = new Map<string, string>();
const walk = (units: typeof SAMPLE_TREES) => units.forEach((u) => (names.set(u.code, u.name), walk(u.children ?? [])));
walk(SAMPLE_TREES);
const nameOf = (code: string) => names.get(code) ?? assert.fail(`no sample unit ${code}`);

interface ChainStep {
  kind: string;
  target: string;
  unitType?: string;
  role: string;
  deadlineMinutes: number;
}
interface Person {
  id: string;
  name: string;
  roles: { unitId: string; role: string }[];
}
interface PlanVersion {
  planId: string;
  title: string;
  version: number;
  status: string;
  content: { reportingChain: ChainStep[] };
  blanks: { section: string; field: string; text: string }[];
}

/** The named entry of a .docx (a zip), read through the central directory and inflated. */
function zipEntry(zip: Buffer, name: string): string | undefined {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'the file has a zip directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const entry = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (entry === name) {
      const local = zip.readUInt32LE(at + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + skip;
  }
  return undefined;
}

let server: RunningServer;
let browser: Browser;
before(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Picks an option of the open drop-down and waits for it to close (a closing one still matches). */
async function pick(page: Page, option: string): Promise<void> {
  await pickOption(page, option);
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await eventually(async () => {
    if ((await open.count()) === 0) return;
    // On a busy machine a tap can land while the list is still opening and be lost: tap again.
    await page.waitForTimeout(1000);
    if ((await open.count()) > 0) await pickOption(page, option, { timeout: 2000 }).catch(() => undefined);
    assert.equal(await open.count(), 0);
  });
}

/** Chooses `option` in the antd Select that wraps the element with this id. */
async function choose(page: Page, id: string, option: string): Promise<void> {
  await page
    .locator('.ant-select')
    .filter({ has: page.locator(`#${id}`) })
    .click();
  await pick(page, option);
}

/** Sets a chain step's deadline through its number and unit fields. */
async function setDeadline(page: Page, step: number, amount: number, unit: '分钟' | '小时'): Promise<void> {
  const field = page.getByTestId('chain-step').nth(step);
  await field.getByTestId('deadline-unit').click();
  await pick(page, unit);
  const input = page.locator(`#chain-deadline-${step}`);
  await input.fill(String(amount));
  await input.blur();
}

async function unitOf(page: Page, code: string): Promise<Unit> {
  const units = await apiGet<ApiPage<Unit>>(page, `/units?q=${encodeURIComponent(nameOf(code))}`);
  return units.items.find((u) => u.name === nameOf(code)) ?? assert.fail(`${code} not visible`);
}

const summary = (page: Page, step: number): Locator =>
  page.getByTestId('chain-step').nth(step).getByTestId('chain-step-summary');

async function openSection(page: Page, label: string): Promise<void> {
  await page
    .getByTestId('section-nav')
    .getByRole('menuitem', { name: new RegExp(label) })
    .click();
  await page.getByTestId('section-body').locator('.ant-card-head-title').filter({ hasText: label }).waitFor();
}

describe('plans', () => {
  const createsKindergartenPlanTemplate =
    'creates a kindergarten plan from the template, sets the chain, ' +
    'is refused, fixes it, publishes and exports the .docx';
  it(createsKindergartenPlanTemplate, async () => {
    const { context, page } = await newPage(browser, { baseURL: server.url, viewport: DESKTOP });
    await signIn(page, 'k1.head');
    await page.getByRole('menuitem', { name: /预案/ }).click();
    await page.getByRole('heading', { name: '预案', exact: true }).waitFor();

    await page.getByTestId('plan-new').click();
    const form = page.getByTestId('plan-new-form');
    await form.getByTitle(nameOf('k1')).first().waitFor(); // the head's own kindergarten is chosen
    await form.locator('.ant-select-content').filter({ hasText: '幼儿园应急预案' }).waitFor(); // and its template suggested
    await page
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /^创\s?建$/ })
      .click();
    await page.waitForURL(/\/plans\/[0-9a-f-]+$/);
    const planId = page.url().split('/').pop()!;
    const title = `${nameOf('k1')}突发事件应急预案`;
    await page.getByRole('heading', { name: title }).waitFor();
    assert.equal(await page.getByTestId('plan-status').textContent(), '草稿');
    await shot(page, 'e2e-plan-created-zh');

    // The chain: notify this unit's accountable head within 10 minutes, copy the parent's supervisor
    // within an hour, report to the education bureau above (two levels up) within 2 hours.
    await openSection(page, '报告链');
    const steps = page.getByTestId('chain-step');
    assert.equal(await steps.count(), 3);
    await choose(page, 'chain-kind-0', '通知确认');
    await choose(page, 'chain-target-0', '本单位');
    await choose(page, 'chain-role-0', '第一责任人');
    await setDeadline(page, 0, 15, '分钟');
    await eventually(async () => assert.match((await summary(page, 0).textContent()) ?? '', /^15 分钟内/));
    await setDeadline(page, 0, 10, '分钟');
    await choose(page, 'chain-kind-1', '通知确认');
    await choose(page, 'chain-target-1', '上级单位');
    await choose(page, 'chain-role-1', '督导人员');
    await setDeadline(page, 1, 90, '分钟');
    await setDeadline(page, 1, 1, '小时');
    await choose(page, 'chain-target-2', '本单位');
    await choose(page, 'chain-target-2', '最近的某类上级单位');
    await choose(page, 'chain-unit-type-2', '教育局');
    await eventually(async () =>
      assert.equal(await summary(page, 0).textContent(), '10 分钟内 · 通知确认 · 本单位第一责任人'),
    );
    await eventually(async () =>
      assert.equal(await summary(page, 1).textContent(), '1 小时内 · 通知确认 · 上级单位督导人员'),
    );
    await eventually(async () =>
      assert.equal(await summary(page, 2).textContent(), '2 小时内 · 正式报告 · 上级教育局督导人员'),
    );

    // A last step earlier than the first: publishing is refused and the chain says why.
    await setDeadline(page, 1, 5, '分钟');
    await page.getByTestId('plan-save').click();
    await toast(page, '已保存');
    await page.getByTestId('plan-publish').click();
    await pressInDialog(page.getByTestId('publish-ok'));
    const problems = page.getByTestId('plan-problems');
    await problems.getByText(/^报告链：.*第 2 步的时限/).waitFor();
    await page.locator('[data-testid="section-body"][data-section="chain"]').waitFor();
    await steps
      .nth(1)
      .locator('.ant-form-item-explain-error')
      .filter({ hasText: '第 2 步的时限（5 分钟）必须晚于上一步（10 分钟）' })
      .waitFor();
    assert.equal(
      await page.getByTestId('section-nav').locator('[data-section="chain"]').getAttribute('data-problems'),
      '1',
    );
    assert.equal(await page.getByTestId('plan-status').textContent(), '草稿');
    await shot(page, 'e2e-plan-refused-zh');

    await setDeadline(page, 1, 1, '小时');
    await eventually(async () =>
      assert.equal(
        await page.getByTestId('section-nav').locator('[data-section="chain"]').getAttribute('data-problems'),
        '0',
      ),
    );
    await page.getByTestId('plan-save').click();
    await toast(page, '已保存');
    const saved = await apiGet<PlanVersion>(page, `/plans/${planId}`);
    assert.deepEqual(
      saved.content.reportingChain.map(({ kind, target, unitType, role, deadlineMinutes }) => ({
        kind,
        target,
        unitType,
        role,
        deadlineMinutes,
      })),
      [
        { kind: 'notify', target: 'unit', unitType: undefined, role: 'accountable_head', deadlineMinutes: 10 },
        { kind: 'notify', target: 'parent', unitType: undefined, role: 'supervisor', deadlineMinutes: 60 },
        { kind: 'report', target: 'nearest', unitType: 'education_bureau', role: 'supervisor', deadlineMinutes: 120 },
      ],
    );

    // The template's 【待填写】 blanks are still there: the dialog lists them, section by section, as the
    // server counted them, and asks to publish anyway.
    assert.ok(saved.blanks.length > 0);
    await page.getByTestId('plan-publish').click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm
      .locator('.ant-modal-confirm-title')
      .filter({ hasText: `还有 ${saved.blanks.length} 处【待填写】，仍要发布第 1 版吗？` })
      .waitFor();
    const listed = confirm.getByTestId('publish-blanks').locator('li');
    const bySection = new Map<string, number>();
    for (const b of saved.blanks) bySection.set(b.section, (bySection.get(b.section) ?? 0) + 1);
    assert.deepEqual(
      await listed.evaluateAll((items) =>
        items.map((li) => [li.getAttribute('data-section'), Number(li.getAttribute('data-count'))]),
      ),
      [...bySection.entries()],
    );
    await listed
      .filter({ hasText: /^应急处置：\d+ 处/ })
      .filter({ hasText: '【待填写：集合地点】' })
      .waitFor();
    await shot(page, 'e2e-plan-publish-blanks-zh');
    // Cancelling publishes nothing.
    await confirm.getByRole('button', { name: /取\s?消/ }).click();
    await confirm.waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('plan-status').textContent(), '草稿');
    await page.getByTestId('plan-publish').click();
    const published = toast(page, '已发布第 1 版');
    await pressInDialog(page.getByTestId('publish-ok').filter({ hasText: /仍然发布/ }));
    await published;
    await eventually(async () => assert.equal(await page.getByTestId('plan-status').textContent(), '已发布'));
    assert.equal(await problems.count(), 0);
    await page.getByTestId('plan-revise').waitFor();

    // Export: the download is a Word document (a zip) whose body carries the plan's title.
    await page.getByRole('tab', { name: '预览与导出' }).click();
    await page.getByTestId('plan-preview').locator('iframe').waitFor();
    // Export warns of the blanks it still prints.
    await page.getByTestId('export-blanks').getByText(`本版本仍有 ${saved.blanks.length} 处【待填写】`).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-docx').click()]);
    assert.match(download.suggestedFilename(), /\.docx$/);
    const file = readFileSync((await download.path())!);
    assert.equal(file.subarray(0, 2).toString('latin1'), 'PK');
    const body = zipEntry(file, 'word/document.xml') ?? assert.fail('no word/document.xml in the .docx');
    assert.ok(body.includes(title), 'the document names the plan');
    const [print] = await Promise.all([context.waitForEvent('page'), page.getByTestId('plan-print').click()]);
    await print.getByText(title).first().waitFor();
    await print.close();
    await shot(page, 'e2e-plan-preview-zh');

    // The kindergarten's page shows the plan in force.
    const k1 = await unitOf(page, 'k1');
    await page.goto(`/units?unit=${k1.id}`);
    const inForce = page.getByTestId('plan-in-force');
    await inForce.getByRole('link', { name: `${title}（第 1 版）` }).waitFor();
    await shot(page, 'e2e-unit-plan-in-force-zh');
    await context.close();
  });

  const revisesPlanAddsChain =
    'revises the plan: adds a chain step, moves it up, picks a deputy, ' +
    'publishes, and the history compares the versions in words';
  it(revisesPlanAddsChain, async () => {
    const { context, page } = await newPage(browser, { baseURL: server.url, viewport: DESKTOP });
    await signIn(page, 'k1.head');
    const k1 = await unitOf(page, 'k1');
    const plan =
      (await apiGet<ApiPage<{ id: string; kind: string }>>(page, `/plans?unitId=${k1.id}`)).items.find(
        (p) => p.kind === 'standing',
      ) ?? assert.fail('no standing plan');
    const gate =
      (await apiGet<ApiPage<Person>>(page, `/people?unitId=${k1.id}&subtree=false&pageSize=100`)).items.find((p) =>
        p.roles.some((r) => r.unitId === k1.id && r.role === 'gatekeeper'),
      ) ?? assert.fail('no gatekeeper in k1');
    await page.goto(`/plans/${plan.id}`);
    await page.getByTestId('plan-revise').click();
    const revised = toast(page, '已新建修订稿（第 2 版）');
    await pressInDialog(page.locator('.ant-modal-confirm').getByRole('button', { name: /^修\s?订$/ }));
    await revised;
    await eventually(async () => assert.equal(await page.getByTestId('plan-status').textContent(), '草稿'));

    // The chain editor: add a fourth step, make it the parent's head, move it up twice, give it half an hour.
    await openSection(page, '报告链');
    const steps = page.getByTestId('chain-step');
    await page
      .getByTestId('chain-editor')
      .getByRole('button', { name: /添加一步/ })
      .click();
    await eventually(async () => assert.equal(await steps.count(), 4));
    await eventually(async () =>
      assert.equal(await summary(page, 3).textContent(), '3 小时内 · 正式报告 · 上级单位督导人员'),
    );
    await choose(page, 'chain-role-3', '第一责任人');
    await steps.nth(3).getByRole('button', { name: '上移' }).click();
    await eventually(async () =>
      assert.equal(await summary(page, 3).textContent(), '2 小时内 · 正式报告 · 上级教育局督导人员'),
    );
    await steps.nth(2).getByRole('button', { name: '上移' }).click();
    await eventually(async () =>
      assert.equal(await summary(page, 1).textContent(), '3 小时内 · 正式报告 · 上级单位第一责任人'),
    );
    await eventually(async () =>
      assert.equal(await summary(page, 2).textContent(), '1 小时内 · 通知确认 · 上级单位督导人员'),
    );
    await setDeadline(page, 1, 30, '分钟');
    await eventually(async () =>
      assert.equal(await summary(page, 1).textContent(), '30 分钟内 · 正式报告 · 上级单位第一责任人'),
    );

    // The leadership group picker: the gatekeeper becomes a deputy leader.
    await openSection(page, '领导小组');
    const deputies = page.locator('.ant-select').filter({ has: page.locator('#plan-deputies') });
    await deputies.click();
    await pickOption(page, gate.name);
    await page.keyboard.press('Escape');
    await deputies.getByText(gate.name).waitFor();

    await page.getByTestId('plan-save').click();
    await toast(page, '已保存');
    const saved = await apiGet<PlanVersion & { content: { leadership: { deputyIds: string[] } } }>(
      page,
      `/plans/${plan.id}`,
    );
    assert.deepEqual(
      saved.content.reportingChain.map((s) => [s.target, s.role, s.deadlineMinutes]),
      [
        ['unit', 'accountable_head', 10],
        ['parent', 'accountable_head', 30],
        ['parent', 'supervisor', 60],
        ['nearest', 'supervisor', 120],
      ],
    );
    assert.deepEqual(saved.content.leadership.deputyIds, [gate.id]);
    await page.getByTestId('plan-publish').click();
    await pressInDialog(page.getByTestId('publish-ok'));
    // Waited for in the data, not by its toast, which a slow moment can let fade unseen.
    await eventually(async () => {
      const now = await apiGet<PlanVersion>(page, `/plans/${plan.id}`);
      assert.deepEqual([now.version, now.status], [2, 'published']);
    });

    // Version history: version 1 against version 2, each change named in words with values as people write them.
    await page.getByRole('tab', { name: '版本历史' }).click();
    const diff = page.getByTestId('plan-diff');
    const row = (label: string) => diff.locator('tr').filter({ has: page.getByText(label, { exact: true }) });
    await row('报告链 · 第 2 步 · 时限').waitFor();
    assert.deepEqual(await row('报告链 · 第 2 步 · 时限').locator('td').allTextContents(), [
      '报告链 · 第 2 步 · 时限',
      '1小时',
      '30分钟',
    ]);
    assert.deepEqual(await row('报告链 · 第 2 步 · 角色').locator('td').allTextContents(), [
      '报告链 · 第 2 步 · 角色',
      '督导人员',
      '第一责任人',
    ]);
    assert.deepEqual(await row('领导小组 · 副组长').locator('td').allTextContents(), [
      '领导小组 · 副组长',
      '—',
      gate.name,
    ]);
    const text = (await diff.textContent()) ?? '';
    for (const raw of ['deadlineMinutes', 'accountable_head', 'supervisor', 'deputyIds', gate.id])
      assert.ok(!text.includes(raw), `the diff shows “${raw}”`);
    await shot(page, 'e2e-plan-diff-zh');
    await context.close();
  });

  it('the unit page names the special period in force and its last day', async () => {
    const { context, page } = await newPage(browser, { baseURL: server.url, viewport: DESKTOP });
    await signIn(page, 'k1.head');
    const k1 = await unitOf(page, 'k1');
    const zone = 'Asia/Shanghai';
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
    const endDate = new Date(Date.parse(`${today}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
    const status = await page.evaluate(
      async ({ unitId, startDate, endDate }) => {
        // No helper functions in here: the test's compiler would name them with a function the page lacks.
        const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
        const headers = { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken };
        const body = JSON.stringify({
          unitId,
          template: 'special_period',
          period: { name: '防汛值守周', startDate, endDate },
        });
        const created = (await (await fetch('/api/v1/plans', { method: 'POST', headers, body })).json()) as {
          planId: string;
        };
        return (await fetch(`/api/v1/plans/${created.planId}/publish`, { method: 'POST', headers, body: '{}' })).status;
      },
      { unitId: k1.id, startDate: today, endDate },
    );
    assert.equal(status, 200);
    await page.goto(`/units?unit=${k1.id}`);
    const inForce = page.getByTestId('plan-in-force');
    await inForce.getByRole('link', { name: '防汛值守周' }).waitFor();
    const lastDay = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: zone }).format(
      new Date(`${endDate}T12:00:00+08:00`),
    );
    await inForce.getByText(`至 ${lastDay}`).waitFor();
    await inForce.getByText('每日报告，15:00 前报送').waitFor();
    await inForce.getByRole('link', { name: /（第 2 版）$/ }).waitFor(); // the standing plan stays beside it
    await shot(page, 'e2e-unit-special-period-zh');
    await context.close();
  });

  it('switches sections from the drop-down on a 375-pixel phone, in English', async () => {
    const { context, page } = await newPage(browser, { baseURL: server.url, viewport: PHONE, locale: 'en' });
    await page.addInitScript(() => localStorage.setItem('steady.locale', 'en'));
    await signIn(page, 'k2.head');
    const plan = await page.evaluate(async () => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string; scopes: { unitId: string }[] };
      const response = await fetch('/api/v1/plans', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ unitId: me.scopes[0]!.unitId, template: 'kindergarten', locale: 'en' }),
      });
      return (await response.json()) as PlanVersion;
    });
    await page.goto(`/plans/${plan.planId}`);
    await page.getByRole('heading', { name: plan.title }).waitFor();
    assert.equal(await page.getByTestId('section-nav').count(), 0, 'no side list on a phone');
    const select = page.getByTestId('section-select');
    await select.click();
    await pick(page, 'Reporting chain');
    await page.getByTestId('chain-editor').waitFor();
    assert.equal(await page.getByTestId('chain-step').count(), 3);
    await eventually(async () =>
      assert.equal(
        await summary(page, 2).textContent(),
        'within 2 h · Formal report · The education bureau above: Supervisor',
      ),
    );
    await shot(page, 'e2e-plan-phone-chain-en');
    await select.click();
    await pick(page, 'Leadership group');
    await page.locator('[data-testid="section-body"][data-section="leadership"]').waitFor();
    await page.getByText('Office contact', { exact: true }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);

    // Leaving with unsaved changes asks first.
    await page.locator('#plan-office').fill('Safety office');
    await page.getByRole('link', { name: /Back to plans/ }).click();
    const confirm = page.locator('.ant-modal-confirm').filter({ hasText: 'You have unsaved changes' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });
    assert.match(page.url(), new RegExp(`/plans/${plan.planId}$`));
    await page.getByRole('link', { name: /Back to plans/ }).click();
    await pressInDialog(confirm.getByRole('button', { name: 'Leave' }));
    await page.getByRole('heading', { name: 'Plans', exact: true }).waitFor();
    await context.close();
  });
});
