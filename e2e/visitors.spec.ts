import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { apiGet } from './helpers/app.js';
import { PHONE, shot } from './helpers/browser.js';
import { useDemoBrowser } from './helpers/demo.js';

interface VisitorView {
  id: string;
  name: string;
  idMasked: string;
  purpose: string;
  hostName: string;
  checkedOutAt: string | null;
}
interface Me {
  scopes: { unitId: string; unitName: string }[];
}

const downloads = mkdtempSync(join(tmpdir(), 'steady-e2e-visitors-'));
const demo = useDemoBrowser();

after(() => rmSync(downloads, { recursive: true, force: true }));

const open = (username: string, en = false) => demo.open(username, { viewport: PHONE, en });

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
const FULL_ID = '11010119900307451X';

describe('visitors at the gate', () => {
  it('a gatekeeper on a phone checks a visitor in (the ID masked as typed) and out again', async () => {
    const page = await open('s1.gate');
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/visitors') && request.method() === 'POST')
        sent.push(request.postData() ?? '');
    });
    await page.getByTestId('nav-toggle').click();
    const drawer = page.locator('.steady-nav-drawer .ant-drawer-section');
    await drawer.getByRole('menuitem', { name: /门卫登记/ }).click();
    const form = page.getByTestId('check-in-form');
    await form.waitFor();

    // A check-in with nothing filled in names what is missing and sends nothing.
    await page.getByTestId('check-in-submit').click();
    await form.getByText('请填写姓名').waitFor();
    assert.equal(sent.length, 0);

    const started = Date.now();
    await form.locator('#name').fill('王建国');
    const id = page.getByTestId('id-number');
    await id.pressSequentially(FULL_ID);
    assert.equal(await id.inputValue(), '**************451X', 'all but the last four are hidden while typing');
    await form.getByText('家长来访').click();
    assert.equal(await form.locator('#purpose').inputValue(), '家长来访');
    await form.locator('#hostName').fill('李老师');
    await form.locator('#vehiclePlate').fill('湘a12345');
    await shot(page, 'visitors-check-in-phone-zh');
    await page.getByTestId('check-in-submit').click();
    await page.getByTestId('check-in-done').getByText('王建国 已登记进入').waitFor();
    const took = Date.now() - started;
    assert.ok(took < 20_000, `checking in took ${took} ms`);
    assert.equal(await form.locator('#name').inputValue(), '', 'the form is ready for the next visitor');

    assert.equal(sent.length, 1);
    assert.ok(!sent[0]!.includes('199003074'), 'the full ID number never left the phone');
    const me = await apiGet<Me>(page, '/auth/me');
    const unitId = me.scopes[0]!.unitId;
    const inside = await apiGet<{ items: VisitorView[] }>(page, `/visitors?unitId=${unitId}&inside=true`);
    const visitor = inside.items.find((v) => v.name === '王建国') ?? assert.fail('the visitor is not inside');
    assert.equal(visitor.idMasked, '**************451X');
    assert.equal(visitor.purpose, '家长来访');
    assert.equal(visitor.hostName, '李老师');

    // Still inside: one tap checks them out.
    await page.getByTestId('inside-tab').click();
    const row = page.locator(`[data-testid="inside-row"][data-visitor-id="${visitor.id}"]`);
    await row.waitFor();
    await row.getByText('湘A12345').waitFor();
    assert.ok((await overflow(page)) <= 0, 'the inside list scrolls sideways on a phone');
    await shot(page, 'visitors-inside-phone-zh');
    await row.getByTestId('check-out').click();
    await page.getByText('王建国 已离开').waitFor();
    await row.waitFor({ state: 'detached' });
    const after = await apiGet<{ items: VisitorView[] }>(page, `/visitors?unitId=${unitId}`);
    assert.ok(after.items.find((v) => v.id === visitor.id)?.checkedOutAt, 'the check-out is stored');

    // The history shows the visit, and the export holds it.
    await page.getByTestId('visitor-tabs').getByText('记录').click();
    const historyRow = page.getByTestId('history-row').filter({ hasText: '王建国' });
    await historyRow.waitFor();
    assert.equal(await historyRow.getByText('仍在场').count(), 0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
    assert.match(download.suggestedFilename(), /^visitors-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const cells = book.worksheets.flatMap((sheet) => sheet.getSheetValues().flat().map(String));
    assert.ok(cells.includes('王建国'), 'the export holds the visit');
    assert.ok(
      cells.some((c) => c.includes('451X')) && !cells.some((c) => c.includes('199003074')),
      'the export holds only the masked ID',
    );
    await shot(page, 'visitors-history-phone-zh');
  });

  it('reads in English too', async () => {
    const page = await open('s1.gate', true);
    await page.goto('/visitors');
    await page
      .getByTestId('check-in-form')
      .getByText('Only the last four characters are kept', { exact: false })
      .waitFor();
    await page.getByTestId('check-in-submit').getByText('Check in').waitFor();
    assert.ok((await overflow(page)) <= 0);
    await shot(page, 'visitors-check-in-phone-en');
  });
});
