import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { apiGet, apiSend, eventually, pressInDialog } from './helpers/app.js';
import { DESKTOP, PHONE, shot } from './helpers/browser.js';
import { useDemoBrowser } from './helpers/demo.js';

interface Me {
  name: string;
  scopes: { unitId: string; unitName: string; roles: string[] }[];
}
interface Group {
  groupKey: string;
  kind: string;
  name: string;
  total: number;
  present: number;
  missing: number;
  notReported: number;
  mine: boolean;
}
interface RollCall {
  id: string;
  state: string;
  counts: { total: number; accounted: number; missing: number; notReported: number };
  groups: Group[];
  now: string;
}
interface GroupList {
  subjects: { subjectId: string; name: string; status: string | null; history: { status: string }[] }[];
}

/*
 * The sample school s2 has three classes of made-up pupils (src/server/demo/sample-rosters.ts); the
 * first, 一年级1班 (6 pupils), is s2.teacher1's.
 */
const demo = useDemoBrowser();
const CLASS = '一年级1班';

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/**
 * The app's service worker is active (it has stored the app): from now on the app opens without a
 * network. The page is loaded again under it when it did not control the page yet.
 */
async function installed(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.race([
      navigator.serviceWorker.ready.then(() => undefined),
      new Promise((_, fail) => setTimeout(() => fail(new Error('no service worker within 30 s')), 30_000)),
    ]),
  );
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the service worker controls the page');
}

async function schoolOf(page: Page): Promise<string> {
  return (await apiGet<Me>(page, '/auth/me')).scopes[0]!.unitId;
}

/** The board's count for one class, as the head sees it: "accounted/total". */
const groupCount = (page: Page, name: string) =>
  page.getByTestId('roll-group').filter({ hasText: name }).getByTestId('group-count');

describe('roll call', () => {
  it('a teacher marks a class offline on a phone, reopens it offline, and every mark is stored once', async () => {
    const head = await demo.open('s2.head', { viewport: DESKTOP });
    const school = await schoolOf(head);
    const started = await apiSend<RollCall>(head, 'POST', '/roll-calls', { unitId: school, targetSeconds: 180 });
    await head.goto(`/roll-calls?unit=${school}`);
    await head.getByTestId('roll-board').waitFor();

    const teacher = await demo.open('s2.teacher1', { viewport: PHONE, serviceWorkers: 'allow' });
    // The home screen (the to-do) says the roll call is open, and one tap opens the class's list.
    const waiting = teacher.locator('[data-testid="todo-item"][data-kind="roll_call_mark"]');
    await waiting.getByText(`点名进行中：清点本班 ${CLASS}（还有 6 人未点）`).waitFor();
    await waiting.click();
    const rows = teacher.getByTestId('roll-row');
    await rows.nth(5).waitFor();
    assert.equal(await rows.count(), 6);
    const markUrl = teacher.url();
    const classId = decodeURIComponent(markUrl.split('/groups/')[1]!);
    await installed(teacher);

    // The network goes: each tap shows at once, waiting to be sent.
    const context = teacher.context();
    await context.setOffline(true);
    await rows.nth(0).getByTestId('mark-present').click();
    await rows.nth(1).getByTestId('mark-missing').click();
    await rows.nth(2).getByTestId('mark-injured').click();
    await teacher.getByTestId('all-present').click();
    await pressInDialog(teacher.getByTestId('all-present-ok'));
    await teacher.getByTestId('roll-waiting').getByText('6 条记录待发送').waitFor();
    assert.equal(await teacher.locator('[data-testid="roll-row"][data-waiting="yes"]').count(), 6);
    await teacher.getByTestId('count-present').getByText('在场 4').waitFor();
    await teacher.getByTestId('count-missing').getByText('失联 1').waitFor();
    assert.ok((await overflow(teacher)) <= 1, 'the list fits a 375 px phone');
    await shot(teacher, 'roll-call-teacher-offline-phone-zh');

    // The page is closed and opened again, still without a network: the marks are still there, waiting.
    await teacher.close();
    const again = await context.newPage();
    await again.goto(markUrl);
    const reopened = again.getByTestId('roll-row');
    await reopened.nth(5).waitFor();
    await again.locator('[data-testid="roll-row"][data-waiting="yes"]').nth(5).waitFor();
    assert.equal(await reopened.nth(1).getAttribute('data-status'), 'missing');
    assert.equal(await reopened.nth(2).getAttribute('data-status'), 'injured');
    await again.getByTestId('saved-at').waitFor();
    await shot(again, 'roll-call-teacher-reopened-offline-phone-zh');
    // Nothing reached the server meanwhile.
    const before = await apiGet<RollCall>(head, `/roll-calls/${started.id}`);
    assert.equal(before.groups.find((g) => g.groupKey === classId)!.notReported, 6);

    // The network returns: the outbox sends, each mark is stored exactly once.
    await context.setOffline(false);
    await eventually(async () => assert.equal(await again.locator('[data-waiting="yes"]').count(), 0), 45_000);
    const stored = await apiGet<GroupList>(head, `/roll-calls/${started.id}/groups/${classId}`);
    assert.deepEqual(
      stored.subjects.map((s) => s.history.length),
      [1, 1, 1, 1, 1, 1],
    );
    assert.deepEqual(
      stored.subjects.map((s) => s.status),
      ['present', 'missing', 'injured', 'present', 'present', 'present'],
    );

    // The head's board (a desktop page, live) counts the class right and names the missing child.
    await groupCount(head, CLASS).getByText('5/6').waitFor();
    await head.getByTestId('total-missing').getByText('1').waitFor();
    await head.getByTestId('missing-names').getByText(stored.subjects[1]!.name).waitFor();
    await shot(head, 'roll-call-board-desktop-zh');

    await head.getByTestId('close-roll-call').click();
    await pressInDialog(head.getByTestId('close-ok'));
    await head.getByTestId('start-roll-call').waitFor();
    const closed = await apiGet<RollCall>(head, `/roll-calls/${started.id}`);
    assert.equal(closed.state, 'closed');
  });

  it('the head (desktop, English) starts a roll call and watches it fill as a teacher marks, live', async () => {
    const head = await demo.open('s2.head', { viewport: DESKTOP, en: true });
    const school = await schoolOf(head);
    await head.goto(`/roll-calls?unit=${school}`);
    await head.getByTestId('start-roll-call').click();
    await pressInDialog(head.getByTestId('start-ok'));
    const board = head.getByTestId('roll-board');
    await board.waitFor();
    await groupCount(head, CLASS).getByText('0/6').waitFor();
    const { items } = await apiGet<{ items: RollCall[] }>(head, `/roll-calls?unitId=${school}&state=open`);
    const rollCall = items[0]!;

    const teacher = await demo.open('s2.teacher1', { viewport: PHONE, en: true });
    await teacher.goto('/roll-calls');
    await teacher.getByTestId('my-class').click();
    const rows = teacher.getByTestId('roll-row');
    await rows.nth(5).waitFor();
    await rows.nth(0).getByTestId('mark-missing').click();
    // Live: the head's board counts the tap without a reload.
    await head.getByTestId('total-missing').getByText('1').waitFor();
    await groupCount(head, CLASS).getByText('0/6').waitFor();

    await teacher.getByTestId('all-present').click();
    await pressInDialog(teacher.getByTestId('all-present-ok'));
    await groupCount(head, CLASS).getByText('5/6').waitFor();
    await shot(teacher, 'roll-call-teacher-phone-en');

    // Another person finds the missing child and marks them later: the teacher's phone shows the latest
    // mark, and the history on a tap.
    const classId = decodeURIComponent(teacher.url().split('/groups/')[1]!);
    const list = await apiGet<GroupList>(head, `/roll-calls/${rollCall.id}/groups/${classId}`);
    const child = list.subjects[0]!;
    await apiSend(head, 'POST', `/roll-calls/${rollCall.id}/marks`, {
      marks: [
        { key: crypto.randomUUID(), subjectId: child.subjectId, status: 'present', markedAt: new Date().toISOString() },
      ],
    });
    await groupCount(head, CLASS).getByText('6/6').waitFor();
    await head.getByTestId('total-missing').getByText('0').waitFor();
    const row = rows.filter({ hasText: child.name });
    await eventually(async () => assert.equal(await row.getAttribute('data-status'), 'present'));
    await row.getByTestId('history-link').click();
    const history = teacher.getByTestId('mark-history');
    await history.getByTestId('history-entry').nth(1).waitFor();
    assert.deepEqual(
      await history
        .getByTestId('history-entry')
        .evaluateAll((entries) => entries.map((e) => e.getAttribute('data-status'))),
      ['missing', 'present'],
    );
    // The dialog has finished opening (no zoom animation left) before the picture.
    await teacher.locator('.ant-modal.ant-zoom-appear, .ant-modal.ant-zoom-enter').waitFor({ state: 'detached' });
    await shot(teacher, 'roll-call-history-phone-en');
    await shot(head, 'roll-call-board-desktop-en');
    const phoneBoard = await demo.open('s2.head', { viewport: PHONE, en: true });
    await phoneBoard.goto(`/roll-calls/${rollCall.id}`);
    await groupCount(phoneBoard, CLASS).getByText('6/6').waitFor();
    assert.ok((await overflow(phoneBoard)) <= 1, 'the board fits a 375 px phone');
    await shot(phoneBoard, 'roll-call-board-phone-en');
    await apiSend(head, 'POST', `/roll-calls/${rollCall.id}/close`);
  });

  it('the safety officer starts a roll call from a planned drill, and it belongs to that drill', async () => {
    const safety = await demo.open('s2.safety', { viewport: DESKTOP });
    const school = await schoolOf(safety);
    const { today } = await apiGet<{ today: string }>(safety, `/units/${school}/today`);
    const drill = await apiSend<{ id: string }>(safety, 'POST', '/drills', {
      unitId: school,
      type: 'fire_evacuation',
      plannedDate: today,
      title: '消防疏散演练（点名）',
    });
    await safety.goto(`/drills?unit=${school}`);
    await safety.getByTestId('drill-row').filter({ hasText: '消防疏散演练（点名）' }).click();
    await safety.getByTestId('drill-drawer').getByTestId('roll-call-start').click();
    await pressInDialog(safety.getByTestId('start-ok'));
    await safety.waitForURL(/\/roll-calls\/[0-9a-f-]{36}$/);
    await safety.getByTestId('roll-board').getByText('演练').waitFor();
    const id = safety.url().split('/roll-calls/')[1]!;
    const started = await apiGet<RollCall & { drillId: string | null }>(safety, `/roll-calls/${id}`);
    assert.equal(started.drillId, drill.id);
    assert.equal(started.state, 'open');
    // Back on the drill, its entry shows the count, and follows a mark made elsewhere without a reload.
    await safety.goto(`/drills?unit=${school}`);
    await safety.getByTestId('drill-row').filter({ hasText: '消防疏散演练（点名）' }).click();
    const entry = safety.getByTestId('drill-drawer').getByTestId('roll-call-open');
    await entry.filter({ hasText: `已清点 0/${started.counts.total}，失联 0` }).waitFor();
    const group = started.groups[0]!.groupKey;
    const list = await apiGet<GroupList>(safety, `/roll-calls/${id}/groups/${group}`);
    await apiSend(safety, 'POST', `/roll-calls/${id}/marks`, {
      marks: [
        { key: crypto.randomUUID(), subjectId: list.subjects[0]!.subjectId, status: 'missing', markedAt: started.now },
      ],
    });
    await entry.filter({ hasText: `已清点 0/${started.counts.total}，失联 1` }).waitFor();
    await apiSend(safety, 'POST', `/roll-calls/${id}/close`);
  });
});
