import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { signIn, signOut } from './helpers/app.js';
import { DESKTOP, launchBrowser, newPage, PHONE, shot } from './helpers/browser.js';
import { DEMO_PASSWORD, startDemoServer, type RunningServer } from './helpers/server.js';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

describe('sign-in', () => {
  let server: RunningServer;
  before(async () => {
    server = await startDemoServer();
  });
  after(async () => {
    await server?.stop();
  });

  it('explains a wrong password in the language chosen on the sign-in page', async () => {
    const { context, page } = await newPage(browser, { baseURL: server.url, viewport: PHONE });
    await page.goto('/');
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.locator('#username').fill('admin');
    await page.locator('#password').fill('not-the-password');
    await page.locator('form button[type="submit"]').click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /[A-Za-z]/, 'the server answers in English');
    assert.equal(await page.locator('#password').inputValue(), '', 'the wrong password is cleared');
    await shot(page, 'e2e-signin-error-en');

    await signIn(page, 'admin');
    await page.getByRole('heading', { name: /Hello/ }).waitFor();
    await signOut(page);
    await context.close();
  });

  it('sends a signed-out visitor of a deep link to sign-in, then shows the page', async () => {
    const { context, page } = await newPage(browser, { baseURL: server.url, viewport: DESKTOP });
    await page.goto('/incidents');
    await page.locator('#username').fill('k1.head');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await page.getByTestId('board-page').getByRole('heading', { name: '事件看板' }).waitFor();
    await context.close();
  });
});

describe('first-run setup', () => {
  let server: RunningServer;
  before(async () => {
    server = await startDemoServer({ demo: false });
  });
  after(async () => {
    await server?.stop();
  });

  it('creates the top unit and the first administrator, then signs them in', async () => {
    const { context, page } = await newPage(browser, { baseURL: server.url, viewport: DESKTOP });
    await page.goto('/');
    await page.getByRole('heading', { name: '首次使用设置' }).waitFor();
    await page.locator('#unit_name').fill('示范县应急管理局');
    await page.locator('#admin_name').fill('李明');
    await page.locator('#admin_username').fill('First.Admin');
    await page.locator('#admin_password').fill('short');
    await page.getByRole('button', { name: /完成设置/ }).click();
    await page.getByText('密码至少 8 个字符').waitFor();
    await page.locator('#admin_password').fill('a-long-password-1');
    await shot(page, 'e2e-setup-zh');
    await page.getByRole('button', { name: /完成设置/ }).click();
    await page.getByRole('heading', { name: '您好，李明' }).waitFor();
    await page.getByText('示范县应急管理局').first().waitFor();
    await signOut(page);
    await signIn(page, 'first.admin', 'a-long-password-1');
    await context.close();
  });
});
