import type { Locator, Page } from 'playwright-core';
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
  // A tap on a menu still opening can be lost on a busy machine: open it and tap again until signed out.
  const signedOut = page.locator('#username');
  const deadline = Date.now() + 45_000;
  for (;;) {
    const item = page.getByRole('menuitem', { name: label });
    if (!(await item.isVisible())) await page.getByTestId('user-menu').click();
    await item.click({ timeout: 5000 }).catch(() => undefined);
    if (
      await signedOut.waitFor({ timeout: 5000 }).then(
        () => true,
        () => false,
      )
    )
      return;
    if (Date.now() > deadline) throw new Error('still signed in 45 s after choosing to sign out');
  }
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
  return tree
    .locator('[data-unit-id]')
    .evaluateAll((nodes) => nodes.map((n) => n.firstChild?.textContent?.trim() ?? ''));
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

const startingWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/** Picks an option of the open antd Select/TreeSelect drop-down whose text starts with `text`. */
export async function pickOption(page: Page, text: string, options: { timeout?: number } = {}): Promise<void> {
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: startingWith(text) })
    .first()
    .click(options);
}

/**
 * Opens the antd Select `select` and picks the option whose text starts with `text`, in that select's
 * own list (found through its input's aria-controls), then waits for the list to close. Another select's
 * list that is still closing cannot be matched by mistake.
 */
export async function chooseOption(page: Page, select: Locator, text: string): Promise<void> {
  await select.click();
  const listId = await select.locator('input[aria-controls]').first().getAttribute('aria-controls');
  if (!listId) throw new Error(`the select has no list to choose "${text}" from`);
  const list = page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${listId}"]`) });
  const option = list
    .locator('.ant-select-item-option')
    .filter({ hasText: startingWith(text) })
    .first();
  // A press on an option while the list is still opening can be lost on a busy machine (the list then
  // stays open with nothing chosen): press again until the list closes.
  const deadline = Date.now() + 45_000;
  for (;;) {
    await option.click();
    try {
      await list.waitFor({ state: 'hidden', timeout: 5_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline || !(await option.isVisible())) throw error;
    }
  }
}

/**
 * Waits for a toast (antd message) with this text. On timeout it says which toasts were on screen, so
 * that a refusal shown instead is in the test's failure.
 */
export async function toast(page: Page, text: string | RegExp, timeout = 45_000): Promise<void> {
  try {
    await page.locator('.ant-message-notice').filter({ hasText: text }).last().waitFor({ timeout });
  } catch (error) {
    const shown = await page
      .locator('.ant-message-notice, .ant-alert, .ant-form-item-explain-error')
      .allTextContents()
      .catch(() => []);
    throw new Error(`no toast "${String(text)}" within ${timeout} ms; on screen: ${JSON.stringify(shown)}`, {
      cause: error,
    });
  }
}

/**
 * Presses a confirm dialog's button and waits for the dialog to go. On a busy machine a press during the
 * dialog's opening animation can be lost; it is pressed again unless the dialog is already at work.
 * Wait for what the press shows (a toast) before calling this: a toast can come and go meanwhile.
 */
export async function pressInDialog(button: Locator, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await button.click();
  for (;;) {
    const gone = await button.waitFor({ state: 'detached', timeout: 3000 }).then(
      () => true,
      () => false,
    );
    if (gone) return;
    if (Date.now() > deadline) throw new Error(`the dialog is still open ${timeoutMs} ms after pressing its button`);
    const working = await button
      .evaluate((b) => b.classList.contains('ant-btn-loading'), undefined, { timeout: 500 })
      .catch(() => true);
    if (!working) await button.click({ timeout: 2000 }).catch(() => undefined);
  }
}

/**
 * Clicks `target` until `effect` shows. On a busy machine a click while the layout still moves (error
 * messages sliding in above, say) can land beside the target; it is clicked again only if nothing came.
 */
export async function clickUntil(target: Locator, effect: Locator, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await target.click();
    if (
      await effect.waitFor({ timeout: 3000 }).then(
        () => true,
        () => false,
      )
    )
      return;
    if (Date.now() > deadline) throw new Error(`clicking did not show what it should within ${timeoutMs} ms`);
  }
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
      const response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
      return (response.status === 204 ? undefined : await response.json()) as unknown;
    },
    { method, url: `/api/v1${path}`, body, csrfToken },
  ) as Promise<T>;
}
