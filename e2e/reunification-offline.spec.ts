import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { apiGet, apiSend, eventually } from './helpers/app.js';
import { PHONE, shot } from './helpers/browser.js';
import { useDemoBrowser } from './helpers/demo.js';

interface Me {
  personId: string;
  scopes: { unitId: string }[];
}
interface View {
  releases: { pupilName: string; adultName: string | null }[];
  refusals: { pupilName: string; failed: string[] }[];
}

const demo = useDemoBrowser();

/** Waits until the service worker has precached the app and controls the page. */
async function serviceWorkerReady(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Release staff's phone: the reunification opened online once, so the children are kept on it. */
async function staffPhone(id: string, en: boolean): Promise<Page> {
  const page = await demo.open('s1.gate', { viewport: PHONE, en, serviceWorkers: 'allow' });
  await page.goto(`/reunifications/${id}`);
  await page.getByTestId('find-child').waitFor();
  await serviceWorkerReady(page);
  return page;
}

async function find(page: Page, name: string): Promise<void> {
  await page.getByTestId('find-child').locator('input').fill(name);
  await page.getByTestId('find-child').locator('input').press('Enter');
}

async function tellAdult(page: Page, adult: { name: string; mobile: string; idLast4: string }): Promise<void> {
  await page.getByTestId('adult-name').fill(adult.name);
  await page.getByTestId('adult-mobile').fill(adult.mobile);
  await page.getByTestId('adult-id').fill(adult.idLast4);
  await page.getByTestId('check-adult').click();
}

describe('reunification offline', () => {
  it('release staff check an adult and release a child without network; stored once when it returns', async () => {
    const keeper = await demo.open('s1.safety', { viewport: PHONE });
    const school = (await apiGet<Me>(keeper, '/auth/me')).scopes[0]!.unitId;
    const probe = await demo.open('s1.gate', { viewport: PHONE });
    const gate = await apiGet<Me>(probe, '/auth/me');
    await probe.close();
    const cls = await apiSend<{ id: string }>(keeper, 'POST', '/rosters/classes', {
      unitId: school,
      name: '四年级2班',
    });
    await apiSend(keeper, 'POST', '/rosters/pupils', {
      classId: cls.id,
      name: '吴小雪',
      adults: [{ name: '吴敏', relation: '母亲', mobile: '13800005555', idLast4: '246x' }],
    });
    await apiSend(keeper, 'POST', '/rosters/pupils', {
      classId: cls.id,
      name: '郑小川',
      adults: [{ name: '郑伟', relation: '父亲', mobile: '13800006666', idLast4: '1357' }],
    });
    const fire = await apiSend<{ id: string }>(keeper, 'POST', '/incidents', {
      unitId: school,
      type: 'fire',
      severity: 3,
      place: '实验楼',
      description: '实验楼起火，全校疏散。',
    });
    const { id } = await apiSend<{ id: string }>(keeper, 'POST', '/reunifications', {
      unitId: school,
      incidentId: fire.id,
      point: '西门广场',
      staffPersonIds: [gate.personId],
    });

    // zh-CN: the list is opened online, then the network goes and the page is opened again.
    const page = await staffPhone(id, false);
    await find(page, '小雪');
    await page.getByTestId('child-row').filter({ hasText: '吴小雪' }).waitFor();
    const context = page.context();
    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('saved-at').first().waitFor();
    await find(page, '小雪');
    await page.getByTestId('child-row').filter({ hasText: '吴小雪' }).click();
    await tellAdult(page, { name: '吴 敏', mobile: '+86 138 0000 5555', idLast4: '246X' });
    const verdict = page.getByTestId('verdict');
    await verdict.getByText('相符 — 放行：交给 吴敏（母亲）', { exact: false }).waitFor();
    assert.equal(await verdict.getAttribute('data-verdict'), 'matches');
    await page.getByTestId('outbox-status').getByText('离线 — 1 条待发送').waitFor();
    await verdict.scrollIntoViewIfNeeded();
    await shot(page, 'reunification-offline-matches-phone-zh');
    await page.getByTestId('next-child').click();
    await find(page, '小雪');
    await page.getByTestId('child-row').filter({ hasText: '吴小雪' }).getByText('待发送').waitFor();
    let view = await apiGet<View>(keeper, `/reunifications/${id}`);
    assert.equal(view.releases.length, 0, 'nothing reached the server');

    // Back online: the release goes by itself, once.
    await context.setOffline(false);
    await page.getByTestId('outbox-status').getByText('已全部发送').waitFor();
    view = await eventually(async () => {
      const seen = await apiGet<View>(keeper, `/reunifications/${id}`);
      assert.equal(seen.releases.length, 1);
      return seen;
    });
    assert.deepEqual(
      view.releases.map((r) => [r.pupilName, r.adultName]),
      [['吴小雪', '吴敏']],
    );
    await find(page, '小雪');
    await page.getByTestId('child-row').filter({ hasText: '吴小雪' }).getByText('已接走').waitFor();

    // English: someone who does not match is turned away offline; the server records the refusal.
    const en = await staffPhone(id, true);
    await en.context().setOffline(true);
    await find(en, '小川');
    await en.getByTestId('child-row').filter({ hasText: '郑小川' }).click();
    await tellAdult(en, { name: '郑伟', mobile: '13800006666', idLast4: '1358' });
    await en.getByTestId('verdict').getByText('Does not match — do not hand the child over; tell the head').waitFor();
    await en.getByTestId('verdict').scrollIntoViewIfNeeded();
    await shot(en, 'reunification-offline-no-match-phone-en');
    await en.context().setOffline(false);
    view = await eventually(async () => {
      const seen = await apiGet<View>(keeper, `/reunifications/${id}`);
      assert.equal(seen.refusals.length, 1);
      return seen;
    });
    assert.deepEqual(view.refusals[0]!.failed, ['idLast4']);
    assert.equal(view.releases.length, 1, 'not released');
    // The server's verdict wins: the queued attempt is shown as not accepted, with the server's reason.
    await en.getByTestId('outbox-failed').getByText('1 not accepted').waitFor();
    await en.getByTestId('outbox-failed-show').click();
    const row = en.getByTestId('outbox-failed-row').filter({ hasText: 'release: 郑小川' });
    await row.waitFor();
    await en
      .locator('.ant-drawer-content-wrapper')
      .evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
    await shot(en, 'reunification-offline-refused-phone-en');

    // Closed: the phone, opening it with network, forgets the kept list and the secret.
    const kept = () =>
      page.evaluate(
        () =>
          new Promise<string[]>((resolve, reject) => {
            const open = indexedDB.open('steady-offline');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const all = open.result.transaction('cache').objectStore('cache').getAllKeys();
              all.onsuccess = () => resolve(all.result.map((k) => String((k as string[])[1])));
              all.onerror = () => reject(all.error);
            };
          }),
      );
    assert.ok((await kept()).some((k) => k.startsWith(`reunification:${id}`)));
    await apiSend(keeper, 'POST', `/reunifications/${id}/close`);
    await page.reload();
    await eventually(async () => {
      assert.deepEqual(
        (await kept()).filter((k) => k.startsWith('reunification:')),
        [],
      );
    });
  });
});
