import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { apiGet, apiSend, eventually } from './helpers/app.js';
import { PHONE, shot } from './helpers/browser.js';
import { useDemoBrowser } from './helpers/demo.js';

interface CheckInView {
  id: string;
  checkpointName: string;
  at: string;
  method: string;
}
interface PatrolNowView {
  unitId: string;
  open: { id: string; checkIns: CheckInView[] }[];
}
interface CheckpointList {
  items: { id: string; name: string; checkInUrl: string | null }[];
}
interface Me {
  scopes: { unitId: string }[];
}

const demo = useDemoBrowser();
// A 1×1 PNG, as a phone camera's photo would be sent.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** Waits until the service worker has precached the app and controls the page. */
async function serviceWorkerReady(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

let points: Promise<{ unitId: string; urls: Map<string, string> }> | null = null;

/**
 * Four checkpoints of the first school, put up once by its safety officer; their QR addresses. The
 * third is never reached, so the patrol stays open and its check-ins are read from /patrols/now.
 */
function checkpoints(): Promise<{ unitId: string; urls: Map<string, string> }> {
  points ??= (async () => {
    const safety = await demo.open('s1.safety');
    const unitId = (await apiGet<Me>(safety, '/auth/me')).scopes[0]!.unitId;
    for (const name of ['东门', '操场', '食堂', '车棚'])
      await apiSend(safety, 'POST', '/patrol-checkpoints', { unitId, name, locationHint: '' });
    const list = await apiGet<CheckpointList>(safety, `/units/${unitId}/patrol-checkpoints`);
    return { unitId, urls: new Map(list.items.map((c) => [c.name, new URL(c.checkInUrl!).pathname])) };
  })();
  return points;
}

/** The check-ins at `point` in the unit's open patrols, read through the API by another, online, device. */
async function storedAt(watcher: Page, unitId: string, point: string): Promise<CheckInView[]> {
  const now = await apiGet<PatrolNowView>(watcher, `/units/${unitId}/patrols/now`);
  return now.open.flatMap((p) => p.checkIns).filter((c) => c.checkpointName === point);
}

/** The duty phone: signed in online once (so the app is installed), with a patrol open. */
async function dutyPhone(en: boolean, unitId: string): Promise<{ page: Page; context: BrowserContext }> {
  const page = await demo.open('s1.gate', { viewport: PHONE, en, serviceWorkers: 'allow' });
  await page.goto('/patrols');
  await page.getByTestId('patrol-now').waitFor();
  await serviceWorkerReady(page);
  const now = await apiGet<PatrolNowView>(page, `/units/${unitId}/patrols/now`);
  if (now.open.length === 0) await apiSend(page, 'POST', `/units/${unitId}/patrols`);
  return { page, context: page.context() };
}

/** Scans `point` offline, closes the page, reopens the app offline, and goes back online; answers the stored. */
async function scanOffline(en: boolean, point: string, words: Record<string, string>): Promise<CheckInView> {
  const { unitId, urls } = await checkpoints();
  const watcher = await demo.open('s1.safety');
  const { page: first, context } = await dutyPhone(en, unitId);
  const before = (await storedAt(watcher, unitId, point)).length;
  const lang = en ? 'en' : 'zh';

  await context.setOffline(true);
  await first.goto(urls.get(point)!);
  const queued = first.getByTestId('scan-queued');
  await queued.getByText(words.queued!).waitFor();
  await first.getByTestId('outbox-status').getByText(words.waiting!).waitFor();
  await shot(first, `patrol-offline-queued-phone-${lang}`);
  assert.equal((await storedAt(watcher, unitId, point)).length, before, 'nothing reached the server');

  // The page is closed and opened again, still without network: the check-in still waits on the phone.
  await first.close();
  const page = await context.newPage();
  await page.goto('/patrols');
  await page.getByTestId('outbox-status').getByText(words.waiting!).waitFor();
  await page.getByTestId('patrol-waiting').getByText(words.pageWaiting!).waitFor();
  // The points as saved on the phone when it was last online.
  await page.getByTestId('saved-at').waitFor();
  // Saved a moment ago, said on the school's clock (Shanghai), not the phone's (the test browser's zone differs).
  const savedAt = await page.getByTestId('saved-at').innerText();
  const clock = new Intl.DateTimeFormat(en ? 'en' : 'zh-CN', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Shanghai',
  });
  const lately = [0, 1, 2, 3].map((m) => clock.format(new Date(Date.now() - m * 60_000)));
  assert.ok(
    lately.some((t) => savedAt.includes(t)),
    `saved at ${savedAt}, not on the school's clock (${lately[0]})`,
  );
  await page.locator(`[data-testid="patrol-point"][data-point="${point}"]`).waitFor();
  // The unit tree cannot load offline; the picker names the unit (from the session), never its id.
  assert.equal(await page.getByText(unitId).count(), 0, 'the unit shown by name offline');
  await shot(page, `patrol-offline-reopened-phone-${lang}`);
  assert.equal((await storedAt(watcher, unitId, point)).length, before, 'still nothing on the server');

  // Back online: the waiting check-in goes by itself, once, with the time of the scan.
  const backOnline = new Date().toISOString();
  await context.setOffline(false);
  await page.getByTestId('outbox-status').getByText(words.allSent!).waitFor();
  await page.getByTestId('patrol-waiting').waitFor({ state: 'detached' });
  // Sent, the screen reads the patrol again: the point is ticked.
  await page.locator(`[data-testid="patrol-point"][data-point="${point}"]`).getByTestId('point-checked').waitFor();
  const stored = await eventually(async () => {
    const found = await storedAt(watcher, unitId, point);
    assert.equal(found.length, before + 1);
    return found.at(-1)!;
  });
  assert.equal(stored.method, 'scan');
  assert.ok(stored.at < backOnline, `stored at the scan (${stored.at}), not the send (${backOnline})`);
  // A flush again (as at every start) sends nothing more.
  await page.reload();
  await page.getByTestId('patrol-now').waitFor();
  assert.equal((await storedAt(watcher, unitId, point)).length, before + 1, 'stored exactly once');
  await shot(page, `patrol-offline-sent-phone-${lang}`);
  return stored;
}

describe('patrol check-ins offline', () => {
  it('a scan made offline survives closing the page, waits when reopened offline, and is stored once', async () => {
    await scanOffline(false, '东门', {
      queued: '已保存在本手机，联网后自动发送',
      waiting: '离线 — 1 条待发送',
      pageWaiting: '1 次签到已保存在本手机',
      allSent: '已全部发送',
    });
  });

  it('a photo after a check-in needs the network: offline, the phone says so and the check-in stays', async () => {
    const { unitId, urls } = await checkpoints();
    const watcher = await demo.open('s1.safety');
    const { page, context } = await dutyPhone(false, unitId);
    await page.goto(urls.get('操场')!);
    await page.getByTestId('scan-result').getByText('已签到：操场').waitFor();
    const row = page.locator('[data-testid="patrol-point"][data-point="操场"]');
    await row.getByTestId('point-checked').waitFor();
    await context.setOffline(true);
    const chooser = page.waitForEvent('filechooser');
    await row.getByRole('button', { name: /拍照/ }).click();
    await (await chooser).setFiles({ name: 'point.png', mimeType: 'image/png', buffer: PNG });
    await row.getByTestId('photo-offline').getByText('没有网络，照片无法上传。签到已保存', { exact: false }).waitFor();
    await shot(page, 'patrol-offline-photo-phone-zh');
    await context.setOffline(false);
    const stored = await storedAt(watcher, unitId, '操场');
    assert.equal(stored.length, 1, 'the check-in is kept');
  });

  it('a tap on a point offline waits on the phone too, and is stored once when the network returns', async () => {
    const { unitId } = await checkpoints();
    const watcher = await demo.open('s1.safety');
    const { page, context } = await dutyPhone(false, unitId);
    const before = (await storedAt(watcher, unitId, '车棚')).length;
    const row = page.locator('[data-testid="patrol-point"][data-point="车棚"]');
    await context.setOffline(true);
    await row.getByTestId('point-check-in').click();
    await page.getByText('车棚：已保存在本手机，联网后自动发送').waitFor();
    await page.getByTestId('outbox-status').getByText('离线 — 1 条待发送').waitFor();
    assert.equal((await storedAt(watcher, unitId, '车棚')).length, before, 'nothing reached the server');
    await context.setOffline(false);
    await page.getByTestId('outbox-status').getByText('已全部发送').waitFor();
    await row.getByTestId('point-checked').waitFor();
    const stored = await eventually(async () => {
      const found = await storedAt(watcher, unitId, '车棚');
      assert.equal(found.length, before + 1);
      return found.at(-1)!;
    });
    assert.notEqual(stored.method, 'scan');
    await page.reload();
    await page.getByTestId('patrol-now').waitFor();
    assert.equal((await storedAt(watcher, unitId, '车棚')).length, before + 1, 'stored exactly once');
  });

  it('reads in English, offline and after', async () => {
    await scanOffline(true, '操场', {
      queued: 'Saved on this phone, will be sent when the network returns',
      waiting: 'Offline — 1 waiting to send',
      pageWaiting: 'Check-ins saved on this phone: 1',
      allSent: 'All sent',
    });
  });
});
