import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { SAMPLE_TREES } from '../src/server/demo/sample-organisation.js';
import { apiGet, pickOption, signIn, signOut, submitSignIn, toast } from './helpers/app.js';
import { DESKTOP, launchBrowser, newPage, shot } from './helpers/browser.js';
import { startDemoServer, type RunningServer } from './helpers/server.js';
import type { Page as ApiPage, Unit } from './helpers/types.js';

const s1Name =
  SAMPLE_TREES[0]?.children?.[0]?.children?.find((u) => u.code === 's1')?.name ?? assert.fail('no sample school s1');

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

describe('people', () => {
  const registersTeacherRoleAccount =
    'registers a teacher with a role and an account, changes roles, ' +
    'resets the password; the teacher then chooses their own';
  it(registersTeacherRoleAccount, async () => {
    const { context, page } = await newPage(browser, { baseURL: server.url, viewport: DESKTOP });
    await signIn(page, 'admin');
    const s1 =
      (await apiGet<ApiPage<Unit>>(page, `/units?q=${encodeURIComponent(s1Name)}`)).items.find(
        (u) => u.name === s1Name,
      ) ?? assert.fail('s1 not visible');
    await page.goto(`/people?unit=${s1.id}`);
    await page.getByTestId('people-table').locator('tbody tr.ant-table-row').first().waitFor();

    await page.getByRole('button', { name: /添加人员/ }).click();
    const editor = page.locator('.steady-person-editor .ant-drawer-section');
    await editor.locator('#name').fill('周老师');
    await editor.locator('#phone').fill('139 0000 1234');
    await editor.getByTitle(s1Name).first().waitFor(); // the home unit defaults to the filtered unit
    await editor.getByRole('button', { name: /添加角色/ }).click();
    await editor.locator('.ant-select').filter({ hasText: '角色' }).last().click();
    await pickOption(page, '班主任');
    await editor.getByText('同时开通登录账号').click();
    await editor.locator('#account_username').fill('e2e.teacher');
    await editor.locator('#account_password').fill('first-pass-123');
    await editor.getByRole('button', { name: /^创\s?建$/ }).click();
    await toast(page, '周老师');

    const drawer = page.locator('.steady-person-drawer .ant-drawer-section');
    const roles = drawer.getByTestId('person-roles');
    await roles.getByText('班主任').waitFor();
    await drawer.getByText('e2e.teacher').waitFor();
    await shot(page, 'e2e-person-created-zh');

    await roles.locator('.ant-tag').filter({ hasText: '班主任' }).locator('.ant-tag-close-icon').click();
    await page.getByTestId('remove-role-reason').fill('调任值班岗位');
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /移\s?除/ })
      .click();
    await toast(page, '已移除角色');
    assert.equal(await roles.getByText('班主任').count(), 0);

    await drawer.getByTestId('add-role-form').locator('.ant-select').filter({ hasText: '角色' }).click();
    await pickOption(page, '值班人员');
    await drawer.getByTestId('add-role-form').getByLabel(/原因/).fill('本学期值班安排');
    await drawer.getByRole('button', { name: /添加角色/ }).click();
    await toast(page, '已添加角色');
    await roles.getByText('值班人员').waitFor();

    await drawer.getByRole('button', { name: /重置密码/ }).click();
    const reset = page.locator('.ant-modal').filter({ hasText: '重置「周老师」的密码' });
    await reset.locator('#password').fill('reset-pass-456');
    await reset.getByRole('button', { name: /重置密码/ }).click();
    await toast(page, '密码已重置');
    await reset.waitFor({ state: 'hidden' });
    await page.locator('.steady-person-drawer .ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    await signOut(page);

    await submitSignIn(page, 'e2e.teacher', 'reset-pass-456');
    await page.getByRole('heading', { name: '请设置新密码' }).waitFor();
    await page.locator('#currentPassword').fill('reset-pass-456');
    await page.locator('#newPassword').fill('my-own-pass-789');
    await page.locator('#confirm').fill('my-own-pass-789');
    await page.getByRole('button', { name: /确认修改/ }).click();
    await page.getByRole('heading', { name: '您好，周老师' }).waitFor();
    await page.getByText('值班人员').first().waitFor();
    // The teacher was told of both changes, each with who made it and why.
    const inbox = await apiGet<{ items: { title: string; body: string }[] }>(page, '/notifications');
    const told = inbox.items.filter((n) => n.title.startsWith('【角色变更】')).map((n) => n.body);
    assert.ok(
      told.some((b) => b.includes('原因：调任值班岗位')),
      `removal told with its reason: ${told.join(' | ')}`,
    );
    assert.ok(
      told.some((b) => b.includes('原因：本学期值班安排')),
      `grant told with its reason: ${told.join(' | ')}`,
    );
    await context.close();
  });
});
