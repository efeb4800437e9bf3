import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { apiGet, apiSend, eventually } from './helpers/app.js';
import { PHONE, shot } from './helpers/browser.js';
import { useDemoBrowser } from './helpers/demo.js';

interface VisitorView {
  id: string;
  name: string;
  checkedOutAt: string | null;
}
interface Me {
  scopes: { unitId: string; unitName: string }[];
}

const demo = useDemoBrowser();

/** Waits until the service worker has precached the app and controls the page. */
async function serviceWorkerReady(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** The visits of the gate's unit with this name, read through the API by another, online, device. */
async function storedVisits(watcher: Page, unitId: string, name: string): Promise<VisitorView[]> {
  const all = await apiGet<{ items: VisitorView[] }>(watcher, `/visitors?unitId=${unitId}&pageSize=100`);
  return all.items.filter((v) => v.name === name);
}

/** Checks a visitor in with the form, as the gatekeeper does. */
async function checkIn(page: Page, name: string, purpose: RegExp): Promise<void> {
  const form = page.getByTestId('check-in-form');
  await form.locator('#name').fill(name);
  await page.getByTestId('id-number').pressSequentially('110101199003074512');
  await form.getByText(purpose).click();
  await page.getByTestId('check-in-submit').click();
}

/** The gate phone: signed in online once (so the app is installed and the inside list saved). */
async function gatePhone(en: boolean): Promise<{ page: Page; context: BrowserContext; unitId: string }> {
  const page = await demo.open('s1.gate', { viewport: PHONE, en, serviceWorkers: 'allow' });
  const unitId = (await apiGet<Me>(page, '/auth/me')).scopes[0]!.unitId;
  await page.goto('/visitors?tab=inside');
  await page.getByTestId('inside-list').waitFor();
  await serviceWorkerReady(page);
  return { page, context: page.context(), unitId };
}

describe('the gate log offline', () => {
  it('an offline check-in survives closing the page, reopens offline, and is stored once back online', async () => {
    const watcher = await demo.open('s1.safety');
    const { page: first, context, unitId } = await gatePhone(false);
    // Someone already inside before the network goes: the phone keeps that list.
    const early = await apiSend<VisitorView>(first, 'POST', '/visitors', {
      unitId,
      name: '钱师傅',
      idNumber: '****1234',
      purpose: '维修',
    });
    await first.getByTestId('inside-tab').click();
    await first.getByTestId('inside-list').getByRole('button', { name: /刷新/ }).click();
    await first.locator(`[data-visitor-id="${early.id}"]`).waitFor();

    await context.setOffline(true);
    await first.getByTestId('visitor-tabs').getByText('登记').click();
    await checkIn(first, '孙离线', /家长来访/);
    await first.getByTestId('check-in-done').getByText('孙离线 已在', { exact: false }).waitFor();
    await first.getByTestId('check-in-done').getByText('联网后自动发送', { exact: false }).waitFor();
    const status = first.getByTestId('outbox-status');
    await status.getByText('离线 — 1 条待发送').waitFor();
    assert.equal((await storedVisits(watcher, unitId, '孙离线')).length, 0, 'nothing reached the server');

    // The page is closed and opened again, still without network: the app comes from the service worker.
    await first.close();
    const page = await context.newPage();
    await page.goto('/visitors?tab=inside');
    const queued = page.getByTestId('inside-row-queued');
    await queued.filter({ hasText: '孙离线' }).getByText('待发送').waitFor();
    await page.locator(`[data-visitor-id="${early.id}"]`).getByText('钱师傅').waitFor();
    await page.getByTestId('saved-at').getByText('离线显示', { exact: false }).waitFor();
    await page.getByTestId('outbox-status').getByText('离线 — 1 条待发送').waitFor();
    await shot(page, 'gate-offline-reopened-phone-zh');

    // Back online: the waiting check-in goes by itself, once.
    await context.setOffline(false);
    await page.locator('[data-testid="inside-row"]').filter({ hasText: '孙离线' }).waitFor();
    await queued.waitFor({ state: 'detached' });
    const stored = await eventually(async () => {
      const found = await storedVisits(watcher, unitId, '孙离线');
      assert.equal(found.length, 1);
      return found[0]!;
    });
    assert.equal(stored.checkedOutAt, null);
    const inside = await apiGet<{ items: VisitorView[] }>(watcher, `/visitors?unitId=${unitId}&inside=true`);
    const names = inside.items.map((v) => v.name);
    assert.ok(names.includes('孙离线') && names.includes('钱师傅'), names.join());
    assert.equal(await page.getByTestId('inside-row').filter({ hasText: '孙离线' }).count(), 1);
    await page.getByTestId('outbox-status').getByText('已全部发送').waitFor();
    await shot(page, 'gate-offline-sent-phone-zh');

    // A check-out made offline waits too, and goes once.
    await context.setOffline(true);
    const row = page.locator(`[data-visitor-id="${stored.id}"]`);
    await row.getByTestId('check-out').click();
    await row.getByTestId('check-out-waiting').waitFor();
    await context.setOffline(false);
    await row.waitFor({ state: 'detached' });
    const out = await eventually(async () => {
      const [visit] = await storedVisits(watcher, unitId, '孙离线');
      assert.ok(visit?.checkedOutAt);
      return visit;
    });
    assert.ok(out);
  });

  it('a waiting check-out the server refuses when sent (checked out meanwhile) is shown as not accepted', async () => {
    const watcher = await demo.open('s1.safety');
    const { page, context, unitId } = await gatePhone(false);
    const visit = await apiSend<VisitorView>(page, 'POST', '/visitors', {
      unitId,
      name: '李冲突',
      idNumber: '****5678',
      purpose: '送货',
    });
    await page.getByTestId('inside-list').getByRole('button', { name: /刷新/ }).click();
    const row = page.locator(`[data-visitor-id="${visit.id}"]`);
    await context.setOffline(true);
    await row.getByTestId('check-out').click();
    await row.getByTestId('check-out-waiting').waitFor();
    // Meanwhile the safety officer checks the same visitor out from another phone.
    await apiSend(watcher, 'POST', `/visitors/${visit.id}/check-out`, {});
    await context.setOffline(false);
    const failed = page.getByTestId('outbox-failed');
    await failed.getByText('1 条未被接受').waitFor();
    await row.waitFor({ state: 'detached' });
    await failed.getByTestId('outbox-failed-show').click();
    const refused = page.getByTestId('outbox-failed-row').filter({ hasText: '登记离开：李冲突' });
    await refused.getByText('该访客已登记离开', { exact: false }).waitFor();
    await eventually(async () => {
      const box = await refused.boundingBox();
      assert.ok(box && box.y + box.height <= PHONE.height, 'the refused write is in sight on the phone');
    });
    await shot(page, 'gate-offline-refused-phone-zh');
    await refused.getByTestId('outbox-failed-dismiss').click();
    await failed.waitFor({ state: 'detached' });
    const [stored] = (await apiGet<{ items: VisitorView[] }>(watcher, `/visitors?unitId=${unitId}`)).items.filter(
      (v) => v.id === visit.id,
    );
    assert.ok(stored?.checkedOutAt, 'the check-out made first stands');
  });

  it('reads in English, offline and after', async () => {
    const watcher = await demo.open('s1.safety');
    const { page: first, context, unitId } = await gatePhone(true);
    await context.setOffline(true);
    await first.getByTestId('visitor-tabs').getByText('Check in').click();
    await checkIn(first, 'Amy Offline', /Parent visit/);
    await first.getByTestId('check-in-done').getByText('sent when the network returns', { exact: false }).waitFor();
    await first.close();
    const page = await context.newPage();
    await page.goto('/visitors?tab=inside');
    await page
      .getByTestId('inside-row-queued')
      .filter({ hasText: 'Amy Offline' })
      .getByText('Waiting to send')
      .waitFor();
    await page.getByTestId('outbox-status').getByText('Offline — 1 waiting to send').waitFor();
    await shot(page, 'gate-offline-reopened-phone-en');
    await context.setOffline(false);
    await page.getByTestId('inside-row').filter({ hasText: 'Amy Offline' }).waitFor();
    await eventually(async () => assert.equal((await storedVisits(watcher, unitId, 'Amy Offline')).length, 1));
    await page.getByTestId('outbox-status').getByText('All sent').waitFor();
    await shot(page, 'gate-offline-sent-phone-en');
  });
});
