import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { apiGet } from './helpers/app.js';
import { BROWSER_TIME_ZONE, DESKTOP, PHONE, shot } from './helpers/browser.js';
import { useDemoBrowser } from './helpers/demo.js';
import { nextUtcTime } from './helpers/faketime.js';

/*
 * CI must be green whatever the hour. This spec starts the demo server with its clock (libfaketime)
 * at 18:30 UTC — 02:30 the next day in Asia/Shanghai, where every sample unit lives, and 10:30 the
 * day before that in the browser's own zone (Los Angeles) — the hours at which screens that took
 * "today" from the browser lost today's records. Each day-related screen must start from the unit's.
 */
const CLOCK_AT = nextUtcTime('18:30');
const demo = useDemoBrowser({ clockAt: CLOCK_AT });

interface Me {
  scopes: { unitId: string; unitName: string }[];
}
interface UnitToday {
  unitId: string;
  timeZone: string;
  today: string;
  now: string;
}

const browserDay = (page: Page) => page.evaluate(() => new Intl.DateTimeFormat('en-CA').format(new Date()));

async function unitToday(page: Page): Promise<UnitToday> {
  const me = await apiGet<Me>(page, '/auth/me');
  return apiGet<UnitToday>(page, `/units/${me.scopes[0]!.unitId}/today`);
}

describe('at 18:30 UTC, with the browser in another zone than the units', () => {
  it('the server, the browser and the unit each read the moment as set', async () => {
    const page = await demo.open('s1.gate', { viewport: PHONE });
    const today = await unitToday(page);
    const serverNow = Date.parse(today.now);
    assert.ok(
      serverNow >= CLOCK_AT.getTime() && serverNow < CLOCK_AT.getTime() + 30 * 60_000,
      `the server's clock reads ${today.now}`,
    );
    assert.ok(new Date(serverNow).getUTCHours() >= 16, 'the server reads an hour between 16:00 and 24:00 UTC');
    assert.equal(today.timeZone, 'Asia/Shanghai');
    assert.equal(
      today.today,
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(serverNow)),
    );
    assert.equal(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone), BROWSER_TIME_ZONE);
    assert.notEqual(await browserDay(page), today.today, 'the browser’s own date is another day than the unit’s');
  });

  it('a visitor checked in now is in the history as it opens, and the export is named for the unit’s day', async () => {
    const page = await demo.open('s1.gate', { viewport: PHONE });
    const { today } = await unitToday(page);
    await page.goto('/visitors');
    const form = page.getByTestId('check-in-form');
    await form.locator('#name').fill('赵夜来');
    await page.getByTestId('id-number').pressSequentially('44010119880512123X');
    await form.locator('#purpose').fill('送货');
    await page.getByTestId('check-in-submit').click();
    await page.getByTestId('check-in-done').getByText('赵夜来').waitFor();
    await page.getByTestId('visitor-tabs').getByText('记录').click();
    await page.getByTestId('history-row').filter({ hasText: '赵夜来' }).waitFor();
    assert.equal(await page.getByTestId('history-to').inputValue(), today);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
    assert.match(download.suggestedFilename(), new RegExp(`^visitors-\\d{4}-\\d{2}-\\d{2}-${today}\\.xlsx$`));
    await shot(page, 'any-hour-visitor-history-phone-zh');
  });

  it('the duty calendar marks the unit’s today, and the daily-report matrix ends on it', async () => {
    const teacher = await demo.open('s1.teacher1', { viewport: DESKTOP });
    const { unitId, today } = await unitToday(teacher);
    await teacher.goto(`/duty?unit=${unitId}&view=week`);
    const marked = teacher.locator('.duty-week-day.today');
    await marked.waitFor();
    assert.equal(await marked.getAttribute('data-date'), today);

    const head = await demo.open('cs1.head', { viewport: DESKTOP });
    await head.goto('/daily-reports/matrix');
    const end = head.getByTestId('matrix-end');
    await head.waitForFunction(
      (want) => (document.querySelector('[data-testid="matrix-end"]') as HTMLInputElement | null)?.value === want,
      today,
    );
    assert.equal(await end.inputValue(), today);
    await shot(head, 'any-hour-matrix-desktop-zh');
  });
});
