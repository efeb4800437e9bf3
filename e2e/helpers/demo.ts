import { after, before } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { signIn } from './app.js';
import { DESKTOP, launchBrowser, newPage } from './browser.js';
import { startDemoServer, type RunningServer } from './server.js';

export interface PageOptions {
  viewport?: { width: number; height: number };
  /** Switch the interface to English before the page loads. */
  en?: boolean;
  /** The browser's own language (default zh-CN). */
  locale?: string;
  /** Let the app install its service worker (blocked unless asked: only the offline tests need it). */
  serviceWorkers?: 'allow' | 'block';
}

export interface DemoBrowser {
  /** The running server's base URL. */
  readonly url: string;
  /** A page in a fresh context (its own cookies), not signed in. */
  fresh(options?: PageOptions): Promise<Page>;
  /** A page signed in as `username`, showing the application shell. */
  open(username: string, options?: PageOptions): Promise<Page>;
}

/**
 * One demo server and one Chromium for a spec file: started before its tests, closed after them,
 * with every context the tests opened. With `clockAt`, the server's clock and each page's start at
 * that moment and run on.
 */
export function useDemoBrowser({ clockAt }: { clockAt?: Date } = {}): DemoBrowser {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let started = 0;
  before(async () => {
    started = Date.now();
    server = await startDemoServer(clockAt ? { clockAt } : {});
    browser = await launchBrowser();
  });
  after(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });
  const fresh = async ({ viewport = DESKTOP, en = false, locale, serviceWorkers }: PageOptions = {}) => {
    // The page's clock starts where the server's did, at the test's start: close enough for a day.
    const { context, page } = await newPage(browser, {
      baseURL: server.url,
      viewport,
      ...(locale ? { locale } : {}),
      ...(serviceWorkers ? { serviceWorkers } : {}),
      ...(clockAt ? { clockAt: new Date(clockAt.getTime() + (Date.now() - started)) } : {}),
    });
    contexts.push(context);
    if (en) await context.addInitScript(() => localStorage.setItem('steady.locale', 'en'));
    return page;
  };
  return {
    get url() {
      return server.url;
    },
    fresh,
    open: async (username, options) => {
      const page = await fresh(options);
      await signIn(page, username);
      return page;
    },
  };
}
