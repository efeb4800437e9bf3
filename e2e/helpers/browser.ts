import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM = process.env.STEADY_CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM} (set STEADY_CHROMIUM to another path).`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export const DESKTOP = { width: 1366, height: 860 };
export const PHONE = { width: 375, height: 812 };

/** A fresh context (own cookies) with the given screen size and browser language. */
export async function newPage(
  browser: Browser,
  options: { baseURL: string; viewport?: { width: number; height: number }; locale?: string },
): Promise<{ context: BrowserContext; page: Page }> {
  const phone = options.viewport?.width === PHONE.width;
  const context = await browser.newContext({
    baseURL: options.baseURL,
    viewport: options.viewport ?? DESKTOP,
    locale: options.locale ?? 'zh-CN',
    deviceScaleFactor: phone ? 2 : 1,
    isMobile: phone,
    hasTouch: phone,
  });
  // Generous: CI runs browser tests beside the server suite on two cores.
  context.setDefaultTimeout(45_000);
  const page = await context.newPage();
  return { context, page };
}

/** Saves a screenshot under STEADY_SHOTS (default /tmp/shots) for people to look at. */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.STEADY_SHOTS ?? '/tmp/shots';
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: false });
}
