import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './server.js';

/** Fills and sends the sign-in form (in whichever language the page shows). */
export async function submitSignIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('form button[type="submit"]').click();
}

/** Signs in and waits for the application shell. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await submitSignIn(page, username, password);
  await page.getByTestId('user-menu').waitFor();
}

/** Signs out from the user menu and waits for the sign-in form. */
export async function signOut(page: Page, label: RegExp = /退出登录|Sign out/): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: label }).click();
  await page.locator('#username').waitFor();
}

/** Answers a JSON API call with the page's session cookie (a fetch in the page itself). */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return (await response.json()) as unknown;
  }, `/api/v1${path}`) as Promise<T>;
}

/** The unit tree's visible node titles, in order. */
export async function treeUnitNames(page: Page): Promise<string[]> {
  const tree = page.getByTestId('unit-tree');
  await tree.locator('.ant-tree-treenode').first().waitFor();
  return tree.locator('[data-unit-id]').evaluateAll((nodes) => nodes.map((n) => n.firstChild?.textContent?.trim() ?? ''));
}

/** Rows of the unit tree as shown: name and depth (0 for a top unit). */
export async function treeRows(page: Page): Promise<{ id: string; name: string; level: number }[]> {
  return page
    .getByTestId('unit-tree')
    .locator('.ant-tree-treenode:not([aria-hidden])')
    .evaluateAll((rows) =>
      rows.map((row) => {
        const title = row.querySelector('[data-unit-id]');
        return {
          id: title?.getAttribute('data-unit-id') ?? '',
          name: title?.firstChild?.textContent?.trim() ?? '',
          level: row.querySelectorAll('.ant-tree-indent-unit').length,
        };
      }),
    );
}

/** The tree row directly above `id` at one level up: its parent as the tree shows it. */
export async function shownParentOf(page: Page, id: string): Promise<string | undefined> {
  const rows = await treeRows(page);
  const index = rows.findIndex((r) => r.id === id);
  const row = rows[index];
  if (!row) return undefined;
  for (let i = index - 1; i >= 0; i--) if (rows[i]!.level === row.level - 1) return rows[i]!.id;
  return undefined;
}

/** Picks an option of the open antd Select/TreeSelect drop-down whose text starts with `text`. */
export async function pickOption(page: Page, text: string, options: { timeout?: number } = {}): Promise<void> {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: new RegExp(`^${escaped}`) }).first().click(options);
}

/** Retries `check` until it returns without throwing, or throws its last error after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** A change through the API with the page's session and its CSRF token, as the app would send it. */
export async function apiSend<T = unknown>(page: Page, method: string, path: string, body: unknown = {}): Promise<T> {
  const { csrfToken } = await apiGet<{ csrfToken: string }>(page, '/auth/me');
  return page.evaluate(
    async ({ method, url, body, csrfToken }) => {
      const response = await fetch(url, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
      return (response.status === 204 ? undefined : await response.json()) as unknown;
    },
    { method, url: `/api/v1${path}`, body, csrfToken },
  ) as Promise<T>;
}
