import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { vendorAccounts } from '../test/receivers/vendor-accounts.js';
import { startVendorReceiver, type VendorReceiver } from '../test/receivers/vendor-receiver.js';
import { apiGet, apiSend, eventually, signIn } from './helpers/app.js';
import { launchBrowser, newPage, PHONE, shot } from './helpers/browser.js';
import { startDemoServer, type RunningServer } from './helpers/server.js';

/*
 * Reaching people, on a phone (375 px), in both languages: the administrator sets up an SMS vendor
 * and sees delivery health; the head sets their contact methods (a bad mobile is named); a chain
 * message arrives in the WeCom fake, and its link acknowledges in one tap without signing in.
 */
let server: RunningServer;
let browser: Browser;
let vendors: VendorReceiver;

before(async () => {
  vendors = await startVendorReceiver();
  vendors.appUsers.add('k1-head');
  server = await startDemoServer({ env: { STEADY_SECRET_KEY: 'e2e-secret-key-for-sealing-vendor-secrets-2026' } });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await vendors?.close();
});

const open = async (username: string | null, locale = 'zh-CN'): Promise<Page> => {
  const { context, page } = await newPage(browser, { baseURL: server.url, viewport: PHONE, locale });
  // The app keeps the language the person chose; a new browser starts in Chinese.
  if (locale === 'en') await context.addInitScript(() => localStorage.setItem('steady.locale', 'en'));
  if (username) await signIn(page, username);
  return page;
};
const noSidewaysScroll = async (page: Page) => {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px at 375 px`);
};

describe('reaching people', () => {
  it('the administrator configures Aliyun SMS on a phone; secrets are not shown back; health shows', async () => {
    const admin = await open('admin');
    await admin.goto('/channels');
    await admin.getByTestId('channels-page').waitFor();
    await admin.getByTestId('vendor-aliyun_sms').click();
    const form = admin.getByTestId('vendor-form-aliyun_sms');
    const account = vendorAccounts(vendors).aliyun_sms;
    await form.locator('#config_signName').fill(account.config.signName);
    await form.locator('#config_alertTemplate').fill('SMS 1!');
    await form.locator('#config_noticeTemplate').fill(account.config.noticeTemplate);
    await form.locator('#config_endpoint').fill(account.config.endpoint);
    await form.locator('#secrets_accessKeyId').fill(account.secrets.accessKeyId);
    await form.locator('#secrets_accessKeySecret').fill(account.secrets.accessKeySecret);
    await form.locator('.ant-switch').click();
    await form.getByTestId('vendor-save').click();
    await form.getByText('告警模板：只能包含字母、数字、_ 和 -').waitFor();
    await shot(admin, 'reach-channels-phone-zh-error');
    await form.locator('#config_alertTemplate').fill(account.config.alertTemplate);
    await form.getByTestId('vendor-save').click();
    await admin.getByTestId('vendor-aliyun_sms').getByText('已启用').waitFor();
    assert.equal(await form.locator('#secrets_accessKeySecret').inputValue(), '', 'the secret is not shown back');
    assert.equal(await form.locator('#secrets_accessKeySecret').getAttribute('placeholder'), '已保存，留空则不变');
    await form.getByRole('button', { name: '生成回调地址' }).click();
    await form
      .getByTestId('callback-url')
      .getByText(/\/api\/v1\/callbacks\/aliyun_sms\/.+\/reply/)
      .waitFor();
    await noSidewaysScroll(admin);
    await shot(admin, 'reach-channels-phone-zh');
    for (const vendor of ['wecom_app'] as const)
      await apiSend(admin, 'PUT', `/channels/${vendor}`, { enabled: true, ...vendorAccounts(vendors)[vendor] });
  });

  it('the head sets SMS and WeCom on a phone; a bad mobile is named and nothing is saved', async () => {
    const head = await open('k1.head');
    const me = await apiGet<{ personId: string; name: string }>(head, '/auth/me');
    await head.goto(`/people?q=${encodeURIComponent(me.name)}`);
    await head.getByTestId('people-list').locator('.ant-card').filter({ hasText: me.name }).first().click();
    const section = head.getByTestId('contact-methods');
    await section.getByTestId('contact-edit').click();
    await section.getByTestId('contact-add').click();
    await section.locator('#methods_0_mobile').fill('12345');
    await section.getByTestId('contact-add').click();
    await section.locator('[data-testid="contact-row"]').nth(1).locator('.ant-select').click();
    await head
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: '企业微信（本人）' })
      .click();
    await section.locator('#methods_1_userId').fill('k1-head');
    await section.getByTestId('contact-save').click();
    await section.getByText('请填写有效的手机号（11 位，或 +国家码 号码）').waitFor();
    assert.deepEqual(await apiGet(head, `/people/${me.personId}/contacts`), [], 'nothing saved');
    await shot(head, 'reach-contacts-phone-zh-error');
    // WeCom first: the chain message below carries its one-tap link there.
    await section.locator('#methods_0_mobile').fill('138 0013 8000');
    await section.getByRole('button', { name: '上移' }).nth(1).click();
    await section.getByTestId('contact-save').click();
    await section.getByText('+8613800138000').waitFor();
    const saved = await apiGet<{ channel: string; target: string }[]>(head, `/people/${me.personId}/contacts`);
    assert.deepEqual(
      saved.map((m) => [m.channel, m.target]),
      [
        ['wecom_app', 'k1-head'],
        ['sms', '+8613800138000'],
      ],
    );
    await noSidewaysScroll(head);
    await shot(head, 'reach-contacts-phone-zh');
    const en = await open('k1.head', 'en');
    await en.goto(`/people?q=${encodeURIComponent(me.name)}`);
    await en.getByTestId('people-list').locator('.ant-card').filter({ hasText: me.name }).first().click();
    await en.getByTestId('contact-methods').getByTestId('contact-edit').click();
    await en.getByTestId('contact-add').click();
    await en.locator('[data-testid="contact-row"]').nth(2).locator('.ant-select').click();
    await en
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: 'Browser push (this device)' })
      .click();
    await en
      .getByTestId('push-row')
      .getByText(/In mainland China browser pushes usually do not arrive/)
      .waitFor();
    await noSidewaysScroll(en);
    await shot(en, 'reach-contacts-phone-en');
  });

  const chainMessageReachesHead =
    'a chain message reaches the head in WeCom; its link acknowledges in one tap, without signing in, once';
  it(chainMessageReachesHead, async () => {
    const teacher = await open('k1.teacher1');
    const units = await apiGet<{ items: { id: string; name: string }[] }>(
      teacher,
      `/units?q=${encodeURIComponent('城关镇中心幼儿园')}`,
    );
    const k1 = units.items.find((u) => u.name === '城关镇中心幼儿园')!.id;
    const incident = await apiSend<{ id: string }>(teacher, 'POST', '/incidents', {
      unitId: k1,
      type: 'fire',
      severity: 3,
      place: '厨房',
      description: '油锅起火，已扑灭',
    });
    const notice = await eventually(async () => {
      const found = vendors.received.find((m) => m.vendor === 'wecom_app' && m.to === 'k1-head');
      assert.ok(found, 'the WeCom notice arrived');
      return found;
    });
    const link = /https?:\/\/\S+\/a\/[A-Za-z0-9_-]{32}/.exec(notice.text)?.[0];
    assert.ok(link, notice.text);
    const phone = await open(null);
    await phone.goto(new URL(link).pathname);
    await phone.getByTestId('ack-page').waitFor();
    assert.equal(await phone.getByTestId('ack-page').getAttribute('data-state'), 'open');
    const text = await phone.locator('body').innerText();
    assert.ok(!text.includes('13800138000') && !text.includes('k1.head'), 'nothing personal');
    await noSidewaysScroll(phone);
    await shot(phone, 'reach-ack-phone-zh');
    await phone.getByTestId('ack-button').click();
    await phone.getByTestId('ack-done').waitFor();
    await shot(phone, 'reach-ack-phone-zh-done');
    await phone.reload();
    await phone.getByTestId('ack-done').getByText('确认方式：确认链接').waitFor();
    const seen = await apiGet<{ steps: { state: string }[]; events: { kind: string; data: { via?: string } }[] }>(
      teacher,
      `/incidents/${incident.id}`,
    );
    assert.equal(seen.steps[0]!.state, 'done');
    assert.equal(seen.events.find((e) => e.kind === 'step.acknowledged')?.data.via, 'link');
    // The timeline says how the acknowledgement came.
    const timeline = await open('k1.head');
    await timeline.goto(`/incidents/${incident.id}`);
    await timeline
      .getByText(/确认收到（第 1 步）（通过确认链接）/)
      .first()
      .waitFor();
    await shot(timeline, 'reach-incident-timeline-phone-zh');
    const english = await open(null, 'en');
    await english.goto(new URL(link).pathname);
    await english.getByTestId('ack-done').getByText('Receipt acknowledged').first().waitFor();
    await shot(english, 'reach-ack-phone-en-done');
    await english.goto('/a/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    await english.getByTestId('ack-not-found').waitFor();
    await shot(english, 'reach-ack-phone-en-not-found');
  });

  it('delivery health in English on a phone', async () => {
    const admin = await open('admin', 'en');
    await admin.goto('/channels');
    await admin.getByTestId('channel-health').locator('[data-testid="health-row"][data-channel="wecom_app"]').waitFor();
    await noSidewaysScroll(admin);
    await shot(admin, 'reach-channels-phone-en');
  });
});
