import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { Page as UnitPage, Unit } from './helpers/types.js';
import { SAMPLE_TREES } from '../src/server/demo/sample-organisation.js';
import { apiGet, apiSend, eventually, pickOption, shownParentOf, signIn, signOut, treeRows } from './helpers/app.js';
import { DESKTOP, launchBrowser, newPage, PHONE, shot } from './helpers/browser.js';
import { startDemoServer, type RunningServer } from './helpers/server.js';

/** Sample unit names by code, from the sample organisation itself. */
const names = new Map<string, string>();
const walk = (units: typeof SAMPLE_TREES) => units.forEach((u) => (names.set(u.code, u.name), walk(u.children ?? [])));
walk(SAMPLE_TREES);
const nameOf = (code: string) => names.get(code) ?? assert.fail(`no sample unit ${code}`);

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

async function openUnits(page: import('playwright-core').Page) {
  await page.getByRole('menuitem', { name: /单位|Units/ }).click();
  await page.getByTestId('unit-tree').locator('[data-unit-id]').first().waitFor();
}

async function unitByName(page: import('playwright-core').Page, name: string): Promise<Unit> {
  const found = await apiGet<UnitPage<Unit>>(page, `/units?q=${encodeURIComponent(name)}`);
  return found.items.find((u) => u.name === name) ?? assert.fail(`unit ${name} not visible`);
}

describe('organisation', () => {
  it('shows a school safety officer only their own school', async () => {
    const { context, page } = await newPage(browser, { baseURL: server.url, viewport: DESKTOP });
    await signIn(page, 's1.safety');
    await openUnits(page);
    const shown = (await treeRows(page)).map((r) => r.name);
    assert.deepEqual(shown, [nameOf('s1')]);
    for (const other of ['s2', 'k1', 'cs1', 'cs2', 'bureau', 'so']) {
      assert.equal(await page.getByText(nameOf(other), { exact: true }).count(), 0, `${nameOf(other)} must not show`);
    }
    const visible = await apiGet<UnitPage<Unit>>(page, '/units');
    assert.deepEqual(
      visible.items.map((u) => u.name),
      [nameOf('s1')],
    );
    await shot(page, 'e2e-units-s1-safety');
    await signOut(page);
    await context.close();
  });

  it('lets the administrator add a unit, move it, and see it in its new place; then speaks English', async () => {
    const { context, page } = await newPage(browser, { baseURL: server.url, viewport: DESKTOP });
    await signIn(page, 'admin');
    await openUnits(page);
    const cs1 = await unitByName(page, nameOf('cs1'));
    const s4 = await unitByName(page, nameOf('s4'));
    const tree = page.getByTestId('unit-tree');

    await tree.locator(`[data-unit-id="${cs1.id}"]`).click();
    await page.getByTestId('unit-detail').getByRole('heading', { name: cs1.name }).waitFor();
    await page
      .getByTestId('unit-detail')
      .getByRole('button', { name: /添加下级单位$/ })
      .click();
    const newName = `演练测试学校 ${Date.now() % 100000}`;
    const form = page.getByTestId('unit-form');
    await form.locator('#name').fill(newName);
    await page
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /^创\s?建$/ })
      .click();
    await page.locator('.ant-message-notice').filter({ hasText: newName }).waitFor();
    const created = await unitByName(page, newName);
    assert.equal(created.parentId, cs1.id);
    assert.equal(created.type, 'school');
    await tree.locator(`[data-unit-id="${created.id}"]`).waitFor();
    await eventually(async () =>
      assert.equal(await shownParentOf(page, created.id), cs1.id, 'new unit shows under its central school'),
    );

    await page.getByTestId('unit-detail').getByRole('heading', { name: newName }).waitFor();
    await page
      .getByTestId('unit-detail')
      .getByRole('button', { name: /移\s?动$/ })
      .click();
    const moveForm = page.getByTestId('move-form');
    await moveForm.locator('.ant-select').click();
    await page.keyboard.type(s4.name);
    await pickOption(page, s4.name);
    await page
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /移\s?动/ })
      .click();
    await page.locator('.ant-message-notice').filter({ hasText: newName }).filter({ hasText: s4.name }).waitFor();
    await eventually(async () =>
      assert.equal(await shownParentOf(page, created.id), s4.id, 'moved unit shows under its new parent'),
    );
    assert.equal((await treeRows(page)).filter((r) => r.id === created.id).length, 1, 'and only there');
    assert.equal((await unitByName(page, newName)).parentId, s4.id);
    await page.getByTestId('unit-detail').getByText(s4.name, { exact: true }).waitFor();
    await shot(page, 'e2e-units-after-move-zh');

    // The name search finds any visible unit and opens the tree at it.
    await tree.locator('input[type="search"]').fill(nameOf('k3'));
    await tree.locator('input[type="search"]').press('Enter');
    await tree
      .locator('.ant-list-item')
      .filter({ hasText: nameOf('k3') })
      .click();
    await page
      .getByTestId('unit-detail')
      .getByRole('heading', { name: nameOf('k3') })
      .waitFor();
    await tree
      .locator('.ant-tree-treenode-selected')
      .filter({ hasText: nameOf('k3') })
      .waitFor();

    await page.locator('header').getByText('English', { exact: true }).click();
    for (const label of ['To-do', 'Units', 'People', 'Incidents', 'Dispute cases']) {
      await page.locator('nav').getByText(label, { exact: true }).waitFor();
    }
    for (const button of ['Add sub-unit', 'Edit', 'Move', 'View people']) {
      await page
        .getByTestId('unit-detail')
        .getByRole('button', { name: new RegExp(`${button}$`) })
        .waitFor();
    }
    await page.getByRole('heading', { name: 'Units', exact: true }).waitFor();
    await page.reload();
    await page.locator('nav').getByText('People', { exact: true }).waitFor();
    await page
      .getByTestId('unit-detail')
      .getByRole('button', { name: /Add sub-unit$/ })
      .waitFor();
    await shot(page, 'e2e-units-after-move-en');
    await context.close();
  });

  it('lets the administrator edit a unit: the new name shows in the tree and the detail', async () => {
    const { context, page } = await newPage(browser, { baseURL: server.url, viewport: DESKTOP });
    await signIn(page, 'admin');
    const cs2 = await unitByName(page, nameOf('cs2'));
    const oldName = `待改名学校 ${Date.now() % 100000}`;
    const unit = await apiSend<Unit>(page, 'POST', '/units', { parentId: cs2.id, name: oldName, type: 'school' });
    await page.goto(`/units?unit=${unit.id}`);
    const tree = page.getByTestId('unit-tree');
    const detail = page.getByTestId('unit-detail');
    await detail.getByRole('heading', { name: oldName }).waitFor();
    await tree.locator(`[data-unit-id="${unit.id}"]`).filter({ hasText: oldName }).waitFor();

    await detail.getByRole('button', { name: /编\s?辑$/ }).click();
    const form = page.getByTestId('unit-form');
    await page
      .locator('.ant-modal-title')
      .filter({ hasText: `编辑「${oldName}」` })
      .waitFor();
    assert.equal(await form.locator('#name').inputValue(), oldName, 'the form opens with the unit as it is');
    const newName = `${oldName}（已改名）`;
    await form.locator('#name').fill(newName);
    await form
      .locator('.ant-select')
      .filter({ has: page.locator('#locale') })
      .click();
    await pickOption(page, 'English');
    // Not anchored at the start: reopened right after a save, the button can keep the invisible
    // remains of its loading icon, which make its accessible name "loading 保 存".
    await page
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /保\s?存$/ })
      .click();
    await page.locator('.ant-message-notice').filter({ hasText: '已保存' }).waitFor();
    await page.locator('.ant-modal-wrap').filter({ has: form }).waitFor({ state: 'hidden' });

    await detail.getByRole('heading', { name: newName }).waitFor();
    await eventually(async () => {
      const row = (await treeRows(page)).find((r) => r.id === unit.id);
      assert.equal(row?.name, newName, 'the tree shows the new name');
    });
    assert.equal((await treeRows(page)).filter((r) => r.name === oldName).length, 0, 'and not the old one');
    assert.equal(await shownParentOf(page, unit.id), cs2.id, 'in the same place');
    await detail.locator('.ant-descriptions').getByText('English', { exact: true }).waitFor();
    const stored = await apiGet<Unit>(page, `/units/${unit.id}`);
    assert.equal(stored.name, newName);
    assert.equal(stored.locale, 'en');
    await page.reload();
    await tree.locator(`[data-unit-id="${unit.id}"]`).filter({ hasText: newName }).waitFor();
    await shot(page, 'e2e-units-after-edit');
    await context.close();
  });

  it('works on a 375-pixel phone: the unit tree, and the unit form opens and saves', async () => {
    const { context, page } = await newPage(browser, { baseURL: server.url, viewport: PHONE });
    await signIn(page, 'admin');
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await page.getByTestId('nav-toggle').click();
    const drawer = page.locator('.steady-nav-drawer .ant-drawer-section');
    await drawer.getByRole('menuitem', { name: /单位/ }).click();
    await drawer.waitFor({ state: 'hidden' });
    const tree = page.getByTestId('unit-tree');
    const cs1 = await unitByName(page, nameOf('cs1'));
    await tree.locator(`[data-unit-id="${cs1.id}"]`).waitFor();
    assert.ok((await sideways()) <= 0, `the unit tree scrolls sideways by ${await sideways()}px`);
    const treeBox = (await tree.boundingBox()) ?? assert.fail('no tree box');
    assert.ok(treeBox.x >= 0 && treeBox.x + treeBox.width <= 375, `tree box ${JSON.stringify(treeBox)}`);

    await tree.locator(`[data-unit-id="${cs1.id}"]`).click();
    const detail = page.getByTestId('unit-detail');
    await detail.getByRole('heading', { name: cs1.name }).waitFor();
    await detail.getByRole('button', { name: /添加下级单位$/ }).click();
    const form = page.getByTestId('unit-form');
    await form.locator('#name').waitFor();
    await page.waitForTimeout(400); // let the modal finish opening before measuring it
    const modal = (await page.locator('.ant-modal').filter({ has: form }).boundingBox()) ?? assert.fail('no modal box');
    assert.ok(modal.x >= 0 && modal.x + modal.width <= 375, `the form fits the screen: ${JSON.stringify(modal)}`);
    assert.ok((await sideways()) <= 0, `the open form scrolls sideways by ${await sideways()}px`);
    const name = `手机新建学校 ${Date.now() % 100000}`;
    await form.locator('#name').fill(name);
    await shot(page, 'e2e-phone-unit-form');
    await page
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /^创\s?建$/ })
      .click();
    await page.locator('.ant-message-notice').filter({ hasText: name }).waitFor();
    const created = await unitByName(page, name);
    assert.equal(created.parentId, cs1.id);
    await detail.getByRole('heading', { name }).waitFor();
    await eventually(async () =>
      assert.equal(await shownParentOf(page, created.id), cs1.id, 'the new unit shows under its parent'),
    );

    await detail.getByRole('button', { name: /编\s?辑$/ }).click();
    await page
      .locator('.ant-modal-title')
      .filter({ hasText: `编辑「${name}」` })
      .waitFor();
    const renamed = `${name} 二部`;
    await form.locator('#name').fill(renamed);
    // Not anchored at the start: reopened right after a save, the button can keep the invisible
    // remains of its loading icon, which make its accessible name "loading 保 存".
    await page
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /保\s?存$/ })
      .click();
    await page.locator('.ant-message-notice').filter({ hasText: '已保存' }).waitFor();
    await detail.getByRole('heading', { name: renamed }).waitFor();
    await eventually(async () => assert.equal((await treeRows(page)).find((r) => r.id === created.id)?.name, renamed));
    assert.equal((await apiGet<Unit>(page, `/units/${created.id}`)).name, renamed);
    await page.waitForTimeout(400); // the message fades; measure the settled page
    assert.ok((await sideways()) <= 0, `the unit page scrolls sideways by ${await sideways()}px`);
    await shot(page, 'e2e-phone-units');
    await context.close();
  });

  it('works on a 375-pixel phone: the navigation drawer opens and the people list is usable', async () => {
    const { context, page } = await newPage(browser, { baseURL: server.url, viewport: PHONE });
    await signIn(page, 'cs1.head');
    assert.equal(await page.locator('.ant-layout-sider').count(), 0, 'no side bar on a phone');
    await page.getByTestId('nav-toggle').click();
    const drawer = page.locator('.steady-nav-drawer .ant-drawer-section');
    await drawer.waitFor();
    await drawer.getByRole('menuitem', { name: /人员/ }).click();
    await drawer.waitFor({ state: 'hidden' });
    const list = page.getByTestId('people-list');
    await list.locator('.ant-card').first().waitFor();

    const someone = await apiGet<UnitPage<{ name: string }>>(page, '/people?pageSize=1');
    const name = someone.items[0]?.name ?? assert.fail('cs1.head sees nobody');
    await page.getByTestId('people-search').locator('input').fill(name);
    await page.getByTestId('people-search').locator('input').press('Enter');
    const matches = await apiGet<UnitPage<{ name: string }>>(page, `/people?q=${encodeURIComponent(name)}`);
    await eventually(async () => assert.equal(await list.locator('.ant-card').count(), Math.min(matches.total, 20)));
    await list.locator('.ant-card').filter({ hasText: name }).first().click();
    const drawer2 = page.locator('.steady-person-drawer .ant-drawer-section');
    await drawer2.getByText(name).first().waitFor();
    await drawer2.getByTestId('person-roles').waitFor();
    await page.waitForTimeout(400); // let the drawer finish sliding in before the screenshot
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    await shot(page, 'e2e-phone-person');
    await context.close();
  });
});
