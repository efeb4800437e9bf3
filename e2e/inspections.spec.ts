import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { apiGet } from './helpers/app.js';
import { PHONE, shot } from './helpers/browser.js';
import { useDemoBrowser } from './helpers/demo.js';

/** A 1×1 PNG: the smallest real picture. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

interface LedgerPage {
  total: number;
  items: { taskId: string; itemCode: string | null; title: string; state: string; ownerName: string; risk: string }[];
}

const demo = useDemoBrowser();

const phone = (username: string) => demo.open(username, { viewport: PHONE });

const item = (page: Page, code: string) => page.locator(`[data-testid="run-item"][data-code="${code}"]`);

describe('inspections', () => {
  const phoneSchoolSafetyOfficer =
    'on a phone, a school’s safety officer runs a canteen inspection with one failure and finds the task in the ledger';
  it(phoneSchoolSafetyOfficer, async () => {
    const page = await phone('s1.safety');

    // The menu leads to the real screen, not a "coming soon" page.
    await page.getByTestId('nav-toggle').click();
    await page.getByRole('menuitem', { name: '隐患排查' }).click();
    await page.getByTestId('inspections-page').waitFor();

    // Copy the shipped canteen checklist into the school.
    await page.getByTestId('add-checklist').click();
    await page.locator('[data-template-id="canteen"] button').click();
    const card = page.getByTestId('checklist-card').filter({ hasText: '食堂与食品卫生' });
    await card.waitFor();
    await card.getByTestId('start-run').click();
    await page.getByTestId('run-page').waitFor();
    const total = await page.getByTestId('run-item').count();
    assert.ok(total >= 10, `the canteen checklist has ${total} items`);

    // One failure, with a note and a photo; everything else passes.
    await item(page, 'C01').locator('[data-result="fail"]').click();
    await item(page, 'C01').getByTestId('fail-note').fill('食品经营许可证已过期，未在就餐区公示');
    await item(page, 'C01')
      .getByTestId('photo-input-C01')
      .setInputFiles({ name: 'licence.png', mimeType: 'image/png', buffer: PNG });
    await item(page, 'C01').locator('.steady-insp-thumb img').waitFor();
    await item(page, 'C02').locator('[data-result="pass"]').click();
    await page.getByTestId('run-progress').getByText(`2/${total}`).waitFor();
    await page.getByTestId('rest-pass').click();
    await page.getByTestId('run-progress').getByText(`${total}/${total}`).waitFor();
    await shot(page, 'inspections-phone-run');
    await page.getByTestId('run-submit').click();
    await page.getByTestId('run-done').waitFor();
    await page.getByTestId('run-done').getByText('已生成 1 个整改任务').waitFor();

    // The ledger shows the hazard as an open task with the item's three-day deadline.
    await page.getByTestId('to-ledger').click();
    await page.getByTestId('ledger-page').waitFor();
    const row = page.getByTestId('ledger-row').filter({ hasText: '食品经营许可证' });
    await row.waitFor();
    await row.locator('[data-state="open"]').waitFor();
    await row.locator('[data-risk="high"]').waitFor();
    await shot(page, 'inspections-phone-ledger');

    const s1 = new URL(page.url()).searchParams.get('unit');
    const ledger = await apiGet<LedgerPage>(page, `/rectification-ledger?unitId=${s1}`);
    assert.equal(ledger.total, 1);
    assert.equal(ledger.items[0]!.itemCode, 'C01');
    assert.equal(ledger.items[0]!.state, 'open');

    // The task page carries what was found, its photo, and the owner's next step.
    await row.click();
    await page.getByTestId('task-page').waitFor();
    await page.getByTestId('task-title').getByText('食品经营许可证').waitFor();
    await page.getByText('食品经营许可证已过期，未在就餐区公示').waitFor();
    await page.getByTestId('report-fixed-panel').waitFor();
    const task = await apiGet<{ dueAt: string; createdAt: string; events: { kind: string }[] }>(
      page,
      `/rectification-tasks/${ledger.items[0]!.taskId}`,
    );
    assert.equal(Date.parse(task.dueAt) - Date.parse(task.createdAt), 3 * 86_400_000);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= PHONE.width, `the task page fits the phone (scroll width ${scrollWidth})`);
  });
});
