import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

const CHROMIUM = process.env.STEADY_CHROMIUM ?? '/usr/bin/chromium';

/**
 * The browser's own time zone, unlike every sample unit's (Asia/Shanghai): a screen that takes
 * "today" or a day boundary from the browser instead of from the server shows the wrong day, at
 * any hour the tests run (Los Angeles is 15 or 16 hours behind Shanghai).
 */
export const BROWSER_TIME_ZONE = 'America/Los_Angeles';

/** The zone of every sample unit. */
export const UNITS_TIME_ZONE = 'Asia/Shanghai';

/**
 * `YYYY-MM-DD HH:mm` of an instant on the unit's clock, as a date-and-time field takes it: the
 * fields read the unit's clock, not the browser's, so the tests type what a person at the unit would.
 */
export function unitInputTime(at: Date, zone = UNITS_TIME_ZONE): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/**
 * Types a date (`YYYY-MM-DD`) or date and time (`YYYY-MM-DD HH:mm`) into an Ant Design picker and
 * takes it as a person would: a date by leaving the field, a date and time with the panel's OK.
 */
export async function fillPicker(page: Page, field: string | Locator, value: string): Promise<void> {
  const input = typeof field === 'string' ? page.getByTestId(field) : field;
  await input.click();
  await input.fill(value);
  const popup = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
  const ok = popup.locator('.ant-picker-ok button');
  if (value.includes(' ')) await ok.click();
  else await input.press('Tab');
  await popup.waitFor({ state: 'hidden' });
  const shown = await input.inputValue();
  if (shown !== value) throw new Error(`the ${String(field)} field shows ${shown}, not ${value}`);
}

/**
 * When the tests themselves run under libfaketime (see `faketime.ts`), the browser cannot: Chromium
 * hangs with it preloaded. It runs on the real clock, and each page's clock is set to the faked now
 * of the test process instead, so the browser and the server agree on the moment as they would in life.
 */
function browserEnv(): NodeJS.ProcessEnv {
  const { LD_PRELOAD: _preload, FAKETIME: _faketime, ...env } = process.env;
  return env;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is not installed at ${CHROMIUM} (set STEADY_CHROMIUM to another path).`);
  return chromium.launch({
    executablePath: CHROMIUM,
    env: browserEnv(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export const DESKTOP = { width: 1366, height: 860 };
export const PHONE = { width: 375, height: 812 };

/** A fresh context (own cookies) with the given screen size and browser language, in the browser's zone. */
export async function newPage(
  browser: Browser,
  options: {
    baseURL: string;
    viewport?: { width: number; height: number };
    locale?: string;
    clockAt?: Date;
    /** The app's service worker (offline start) only where a test asks for it: others stay as they were. */
    serviceWorkers?: 'allow' | 'block';
  },
): Promise<{ context: BrowserContext; page: Page }> {
  const phone = options.viewport?.width === PHONE.width;
  const context = await browser.newContext({
    baseURL: options.baseURL,
    viewport: options.viewport ?? DESKTOP,
    locale: options.locale ?? 'zh-CN',
    deviceScaleFactor: phone ? 2 : 1,
    isMobile: phone,
    hasTouch: phone,
    timezoneId: BROWSER_TIME_ZONE,
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  // A faked moment (a server started at a chosen hour, or the whole run under libfaketime): the
  // page's clock starts there and then runs on in real time.
  const clockAt = options.clockAt ?? (process.env.FAKETIME ? new Date() : undefined);
  if (clockAt) await context.clock.install({ time: clockAt });
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
