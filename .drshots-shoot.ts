// Temporary screenshot script (not part of the repo).
import { chromium, type Page } from 'playwright-core';
const base = 'http://localhost:8791';
const PASSWORD = 'shots-password-1';
const directive = process.argv[2]!;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });

async function session(username: string, locale: 'zh-CN' | 'en') {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale });
  context.setDefaultTimeout(30_000);
  await context.addInitScript((l) => localStorage.setItem('steady.locale', l), locale);
  const page = await context.newPage();
  await page.goto('/');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await page.getByTestId('user-menu').waitFor();
  return { context, page };
}
const snap = (page: Page, name: string, full = true) => page.screenshot({ path: `/tmp/drshots/${name}.png`, fullPage: full });

for (const locale of ['zh-CN', 'en'] as const) {
  const k = await session('k1.teacher1', locale);
  await k.page.goto('/daily-reports');
  await k.page.getByTestId('zero-report').waitFor();
  await snap(k.page, `report-${locale}`);
  await k.context.close();

  const s = await session('s3.safety', locale);
  await s.page.goto('/daily-reports');
  await s.page.getByTestId('today-sent').waitFor();
  await snap(s.page, `report-sent-${locale}`);
  await s.context.close();

  const sup = await session('cs1.head', locale);
  await sup.page.goto('/daily-reports/matrix');
  await sup.page.getByTestId('matrix').waitFor();
  await sup.page.waitForTimeout(800);
  await snap(sup.page, `matrix-${locale}`);
  await sup.page.locator('[data-testid=matrix] button[data-status=late]').first().click();
  await sup.page.getByTestId('day-drawer').locator('.ant-descriptions, .ant-typography').first().waitFor();
  await sup.page.waitForTimeout(500);
  await snap(sup.page, `matrix-drawer-${locale}`, false);
  await sup.page.goto(`/directives/${directive}`);
  await sup.page.getByTestId('sender-status').waitFor();
  await snap(sup.page, `directive-sender-${locale}`);
  await sup.page.goto('/directives/new');
  await sup.page.getByTestId('directive-form').waitFor();
  await snap(sup.page, `directive-new-${locale}`);
  await sup.page.goto('/directives?view=sent');
  await sup.page.getByTestId('sent-item').first().waitFor();
  await snap(sup.page, `directives-sent-${locale}`);
  await sup.context.close();

  const kh = await session('k1.head', locale);
  await kh.page.goto('/directives');
  await kh.page.getByTestId('inbox-item').first().waitFor();
  await snap(kh.page, `directives-inbox-${locale}`);
  await kh.page.getByTestId('inbox-item').first().click();
  await kh.page.getByTestId('unit-actions').waitFor();
  await snap(kh.page, `directive-recipient-${locale}`);
  await kh.context.close();
}
await browser.close();
