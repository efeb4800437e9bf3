import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { SAMPLE_TREES } from '../src/server/demo/sample-organisation.js';
import { apiGet, apiSend, eventually, pickOption } from './helpers/app.js';
import { DESKTOP, PHONE, shot } from './helpers/browser.js';
import { useDemoBrowser } from './helpers/demo.js';

const s1Name = SAMPLE_TREES[0]!.children![0]!.children![0]!.name;
interface Person {
  id: string;
  name: string;
  username: string | null;
}
interface ShiftView {
  id: string;
  localDate: string;
  startsAt: string;
  endsAt: string;
  staff: { id: string }[];
  handover: { acknowledgedBy: { id: string } | null } | null;
}

const demo = useDemoBrowser();

const open = (username: string, en = false, viewport = PHONE) =>
  demo.open(username, { viewport, en, locale: en ? 'en-GB' : 'zh-CN' });

/** Waits for loading overlays to fade, so a screenshot shows the page as a person sees it. */
async function settled(page: Page): Promise<void> {
  await page
    .locator('.ant-spin-blur, .ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  await page.waitForTimeout(400);
}

/** The local date in Shanghai `days` from now, and whether today's 08:00 change of shift has passed. */
function shanghai(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + days * 86_400_000));
}
const beforeChange = () =>
  Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hourCycle: 'h23' }).format(
      new Date(),
    ),
  ) < 8;

describe('duty roster', () => {
  let s1: string;
  let people: Person[];
  let current: ShiftView;
  let next: ShiftView;
  const personId = (username: string) => people.find((p) => p.username === username)!.id;

  const pixelPhoneCalendarShows =
    'on a 375-pixel phone, the calendar shows the shift on now; ' +
    'a handover is written, and acknowledged by the next shift';
  it(pixelPhoneCalendarShows, async () => {
    // The safety officer sets a rotation going: the teacher has the shift on now, the gatekeeper the next.
    const safety = await open('s1.safety');
    s1 = (
      await apiGet<{ items: { id: string; name: string }[] }>(safety, `/units?q=${encodeURIComponent(s1Name)}`)
    ).items.find((u) => u.name === s1Name)!.id;
    people = await apiGet<Person[]>(safety, `/duty/people?unitId=${s1}`);
    const first = shanghai(beforeChange() ? -1 : 0);
    await apiSend(safety, 'POST', '/duty/rotations', {
      unitId: s1,
      name: '本周值班',
      kind: 'daily',
      startDate: first,
      daysAhead: 7,
      slots: [
        { dutyLeaderId: personId('s1.head'), staffIds: [personId('s1.teacher1')] },
        { dutyLeaderId: personId('s1.safety'), staffIds: [personId('s1.gate')] },
      ],
    });
    const roster = (
      await apiGet<{ shifts: ShiftView[] }>(safety, `/duty/roster?unitId=${s1}&from=${first}&to=${shanghai(6)}`)
    ).shifts;
    [current, next] = [roster[0]!, roster[1]!];

    const teacher = await open('s1.teacher1');
    await teacher.goto(`/duty?unit=${s1}`);
    const mine = teacher.locator(`[data-testid="shift-card"][data-shift-id="${current.id}"]`);
    await mine.waitFor();
    assert.equal(await mine.getAttribute('data-mine'), 'true');
    await mine.getByText('值班中').waitFor();
    await mine.locator('a[href^="tel:"]').first().waitFor();
    const width = await teacher.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `the page fits a 375-pixel screen (scroll width ${width})`);
    await settled(teacher);
    await shot(teacher, 'e2e-duty-today-zh');

    await mine.getByTestId('handover-write').click();
    await teacher.getByTestId('handover-happened').fill('夜间巡查三次，校园平安。');
    await teacher.getByTestId('handover-pending').fill('东门门禁读卡器失灵，已报修');
    await teacher.locator('#handover-save').click();
    await mine
      .getByTestId('handover-state')
      .getByText(/待接班人确认/)
      .waitFor();

    const gate = await open('s1.gate');
    await gate.goto(`/duty?unit=${s1}`);
    const inbox = gate.getByTestId('handover-inbox');
    await inbox.getByText('东门门禁读卡器失灵，已报修', { exact: false }).waitFor();
    await settled(gate);
    await shot(gate, 'e2e-duty-handover-inbox-zh');
    await inbox.getByTestId('handover-acknowledge').click();
    await gate.getByText('已确认接班').waitFor();
    await eventually(async () => {
      const after = (
        await apiGet<{ shifts: ShiftView[] }>(
          gate,
          `/duty/roster?unitId=${s1}&from=${current.localDate}&to=${current.localDate}`,
        )
      ).shifts;
      assert.equal(after[0]!.handover!.acknowledgedBy!.id, personId('s1.gate'));
    });
  });

  const englishPhoneSwapProposed =
    'in English on a phone, a swap is proposed with taps and changes the roster only when the other person agrees';
  it(englishPhoneSwapProposed, async () => {
    const gate = await open('s1.gate', true);
    await gate.goto(`/duty?unit=${s1}&view=week&date=${next.localDate}`);
    // The teacher's next turn is the shift after the gatekeeper's.
    const theirs = (
      await apiGet<{ shifts: ShiftView[] }>(gate, `/duty/roster?unitId=${s1}&from=${next.localDate}&to=${shanghai(6)}`)
    ).shifts[1]!;
    const own = gate.locator(`[data-testid="shift-card"][data-shift-id="${next.id}"]`);
    await own.getByTestId('swap-start').click();
    const target = gate.locator(`[data-testid="shift-card"][data-shift-id="${theirs.id}"]`);
    // Sunday and Monday sit in different weeks: the arrow moves on and the chosen shift stays chosen.
    if ((await gate.locator(`.duty-week-day[data-date="${theirs.localDate}"]`).count()) === 0)
      await gate.getByRole('button', { name: 'Next' }).click();
    await target.getByTestId('swap-pick').click();
    await gate.getByTestId('swap-person').click();
    await pickOption(gate, people.find((p) => p.username === 's1.teacher1')!.name);
    await settled(gate);
    await shot(gate, 'e2e-duty-swap-en');
    await gate.locator('#swap-send').click();
    await gate.getByText('Swap request sent; waiting for their answer').waitFor();

    const teacher = await open('s1.teacher1', true);
    await teacher.goto(`/duty?unit=${s1}`);
    const request = teacher.getByTestId('swap-request');
    await request.waitFor();
    await settled(teacher);
    await shot(teacher, 'e2e-duty-swap-request-en');
    await request.getByTestId('swap-accept').click();
    await teacher.getByText('Agreed; the roster has changed').waitFor();
    const after = (
      await apiGet<{ shifts: ShiftView[] }>(
        teacher,
        `/duty/roster?unitId=${s1}&from=${next.localDate}&to=${theirs.localDate}`,
      )
    ).shifts;
    assert.deepEqual(
      after.find((s) => s.id === next.id)!.staff.map((p) => p.id),
      [personId('s1.teacher1')],
    );
    assert.deepEqual(
      after.find((s) => s.id === theirs.id)!.staff.map((p) => p.id),
      [personId('s1.gate')],
    );
  });

  it('on a computer, dragging one’s shift onto another proposes a swap with that shift', async () => {
    const teacher = await open('s1.teacher1', false, DESKTOP);
    const roster = (
      await apiGet<{ shifts: ShiftView[] }>(
        teacher,
        `/duty/roster?unitId=${s1}&from=${next.localDate}&to=${shanghai(6)}`,
      )
    ).shifts;
    const teacherId = personId('s1.teacher1');
    const own = roster.find((s) => Date.parse(s.startsAt) > Date.now() && s.staff.some((p) => p.id === teacherId))!;
    const other = roster.find((s) => s.localDate > own.localDate && !s.staff.some((p) => p.id === teacherId))!;
    await teacher.goto(`/duty?unit=${s1}&view=month&date=${own.localDate}`);
    await teacher.getByTestId('duty-month').waitFor();
    // The month shows one day's shifts; the week shows both ends of the drag.
    await teacher.goto(`/duty?unit=${s1}&view=week&date=${own.localDate}`);
    const source = teacher.locator(`[data-testid="shift-card"][data-shift-id="${own.id}"]`);
    let target = teacher.locator(`[data-testid="shift-card"][data-shift-id="${other.id}"]`);
    if ((await target.count()) === 0) {
      const back = roster.find(
        (s) =>
          s.localDate < own.localDate && !s.staff.some((p) => p.id === teacherId) && Date.parse(s.endsAt) > Date.now(),
      );
      target = teacher.locator(`[data-testid="shift-card"][data-shift-id="${back?.id ?? other.id}"]`);
    }
    await source.dragTo(target);
    await teacher.getByRole('dialog').getByText('申请换班').waitFor();
    await settled(teacher);
    await shot(teacher, 'e2e-duty-drag-swap-desktop-zh');
    await teacher
      .getByRole('dialog')
      .getByRole('button', { name: /取\s*消/ })
      .click();
  });

  it('shows who is on duty now, the planning tools and leave, in both languages', async () => {
    for (const en of [false, true]) {
      const page = await open('cs1.head', en);
      const suffix = en ? 'en' : 'zh';
      await page.goto('/duty/now');
      await page.locator(`[data-testid="on-duty-unit"][data-unit-id="${s1}"] a[href^="tel:"]`).first().waitFor();
      await settled(page);
      await shot(page, `e2e-duty-now-${suffix}`);
      await page.goto(`/duty?unit=${s1}&view=month`);
      await page.getByTestId('duty-month').waitFor();
      await page.locator('.duty-toolbar .ant-select').getByText(s1Name).waitFor();
      await settled(page);
      await shot(page, `e2e-duty-month-${suffix}`);
      await page.goto(`/duty/leave`);
      await page.getByTestId('away-now').waitFor();
      await settled(page);
      await shot(page, `e2e-duty-leave-${suffix}`);
      const keeper = await open('s1.safety', en);
      await keeper.goto(`/duty/roster?unit=${s1}`);
      await keeper.getByTestId('rotations').getByText('本周值班').waitFor();
      // Each pass issues a different feed: the person's own in Chinese, the unit's in English.
      await keeper
        .getByTestId(en ? 'feed-unit' : 'feed-mine')
        .getByTestId('feed-issue')
        .click();
      await keeper.getByTestId('feed-url').waitFor();
      assert.match(await keeper.getByTestId('feed-url').inputValue(), /\/api\/v1\/public\/duty-feeds\/[\w-]+\.ics$/);
      await settled(keeper);
      await shot(keeper, `e2e-duty-roster-${suffix}`);
    }
  });
});
