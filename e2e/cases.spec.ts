import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { apiGet, clickUntil, signIn } from './helpers/app.js';
import { PHONE, shot } from './helpers/browser.js';
import { useDemoBrowser } from './helpers/demo.js';

interface CaseView {
  id: string;
  number: string;
  status: string;
  category: string;
  issue: string;
  outcome: string | null;
  parties: { name: string; contact: string; raisedIt: boolean }[];
  sessions: { notes: string; mediator: string }[];
}

const demo = useDemoBrowser();

async function fresh(en = false): Promise<Page> {
  const page = await demo.fresh({ viewport: PHONE, en });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: demo.url });
  return page;
}

async function open(username: string, en = false): Promise<Page> {
  const page = await fresh(en);
  await signIn(page, username);
  return page;
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('dispute cases', () => {
  const communityWorkerOpensCase =
    'a community worker opens a case on a phone, adds a session; the person who raised it follows the private link';
  it(communityWorkerOpensCase, async () => {
    const page = await open('c1.staff');
    await page.getByTestId('nav-toggle').click();
    await page
      .locator('.steady-nav-drawer .ant-drawer-section')
      .getByRole('menuitem', { name: /矛盾纠纷/ })
      .click();
    await page.getByTestId('cases-page').waitFor();
    await page.getByTestId('new-case').click();
    const form = page.getByTestId('case-form');
    await form.waitFor();

    // Sending it empty names what is missing and opens nothing.
    await page.getByTestId('case-submit').click();
    await form.getByText('请选择类别').waitFor();
    await form.getByText('请填写反映的问题').waitFor();

    await page.locator('[data-testid="category-grid"] [data-category="wages"]').click();
    await page.getByTestId('issue').fill('装修工人反映被拖欠三个月工资，共计一万二千元。');
    await page.getByTestId('party-name').first().fill('刘师傅');
    await page.getByTestId('party-contact').first().fill('13900001111');
    await clickUntil(page.getByTestId('add-party'), page.getByTestId('party-name').nth(1));
    await page.getByTestId('party-name').nth(1).fill('某装修公司');
    await form.locator('#ownerId').waitFor();
    assert.ok((await overflow(page)) <= 0, 'the case form scrolls sideways on a phone');
    await shot(page, 'cases-new-phone-zh');
    await page.getByTestId('case-submit').click();

    // The number and the private link, shown once, copied with a tap.
    const created = page.getByTestId('case-created');
    await created.waitFor();
    const number = (await created.getByTestId('case-number').textContent()) ?? '';
    assert.match(number, /^\d{4}-\d{4}$/);
    const link = await created.getByTestId('status-link').inputValue();
    assert.match(link, new RegExp(`^${demo.url}/case-status/[A-Za-z0-9_-]{10,}$`));
    // The clipboard answers only the focused page; several pages share this browser.
    await page.bringToFront();
    await created.getByTestId('copy-link').click();
    await page.getByText('已复制').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
    await shot(page, 'cases-created-phone-zh');
    await page.getByTestId('open-created').click();
    const casePage = page.getByTestId('case-page');
    await casePage.waitFor();
    const caseId = (await casePage.getAttribute('data-case-id')) ?? assert.fail('no case id');

    // A mediation session.
    await page.getByTestId('session-notes').fill('双方到场，核对工时和工资单，公司同意分两次付清。');
    await page.getByTestId('session-submit').click();
    await page.getByTestId('session').filter({ hasText: '核对工时' }).waitFor();
    await casePage.locator('[data-testid="case-status"][data-status="mediating"]').first().waitFor();
    const stored = await apiGet<CaseView>(page, `/cases/${caseId}`);
    assert.equal(stored.number, number);
    assert.equal(stored.category, 'wages');
    assert.deepEqual(stored.parties, [
      { name: '刘师傅', contact: '13900001111', raisedIt: true },
      { name: '某装修公司', contact: '', raisedIt: false },
    ]);
    assert.equal(stored.sessions.length, 1);
    assert.ok(stored.sessions[0]!.mediator, 'the session names its mediator');
    assert.ok((await overflow(page)) <= 0, 'the case page scrolls sideways on a phone');
    await shot(page, 'cases-page-phone-zh');

    // The person who raised it, not signed in, sees the status and dates only.
    const visitor = await fresh();
    await visitor.goto(link);
    const status = visitor.getByTestId('public-status');
    await status.waitFor();
    assert.equal(await status.getAttribute('data-status'), 'mediating');
    await status.getByText(number).waitFor();
    const shown = (await visitor.locator('body').textContent()) ?? '';
    assert.ok(
      !shown.includes('刘师傅') && !shown.includes('工资') && !shown.includes('核对工时'),
      'the public page shows no names and no details',
    );
    await shot(visitor, 'cases-public-phone-zh');
    await visitor.goto(`${demo.url}/case-status/not-a-real-token-at-all`);
    await visitor.getByTestId('public-not-found').waitFor();

    // An agreement; then the statistics count it.
    await page.locator('#text').fill('公司于本月底前付清全部工资。');
    await page.getByRole('button', { name: /保存处理结果/ }).click();
    await page.getByTestId('outcome-kind').getByText('达成协议').waitFor();
    assert.equal((await apiGet<CaseView>(page, `/cases/${caseId}`)).outcome, 'agreement');
    await page.goto('/cases?view=stats');
    const wages = page.locator('[data-testid="stats-row"][data-category="wages"]');
    await wages.waitFor();
    await page.getByTestId('median-days').waitFor();
    await shot(page, 'cases-stats-phone-zh');
  });

  it('the list filters by status and reads in English', async () => {
    const page = await open('c1.staff', true);
    await page.goto('/cases');
    await page.getByTestId('case-row').first().waitFor();
    await page.getByTestId('status-filter').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: /^Open$/ })
      .click();
    await page.getByText('No cases match').waitFor();
    assert.ok((await overflow(page)) <= 0);
    await shot(page, 'cases-list-phone-en');
  });
});
