import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { apiGet, apiSend, pickOption } from './helpers/app.js';
import { fillPicker, PHONE, shot, unitInputTime } from './helpers/browser.js';
import { useDemoBrowser } from './helpers/demo.js';

interface DrillView {
  id: string;
  title: string;
  status: string;
  participants: number | null;
  evacuationSeconds: number | null;
  evacuationOnTarget: boolean | null;
  problems: string[];
}
interface Me {
  scopes: { unitId: string; unitName: string }[];
}

const demo = useDemoBrowser();

const open = (username: string, en = false) => demo.open(username, { viewport: PHONE, en });

/** `minutes` from now on the unit's clock, as a date-and-time field takes it. */
const inputTime = (minutes: number) => unitInputTime(new Date(Date.now() + minutes * 60_000));
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('drills', () => {
  it('a kindergarten safety officer plans a drill and records it on a phone, with problems and a photo', async () => {
    const safety = await open('k1.safety');
    const k1 = (await apiGet<Me>(safety, '/auth/me')).scopes[0]!.unitId;
    // The kindergarten's plan, which asks for drills, is in force.
    const plan = await apiSend<{ planId: string }>(safety, 'POST', '/plans', { unitId: k1, template: 'kindergarten' });
    const head = await open('k1.head');
    await apiSend(head, 'POST', `/plans/${plan.planId}/publish`);

    await safety.goto('/drills');
    await safety.getByTestId('drills-page').waitFor();

    // Plan it.
    await safety.getByTestId('schedule-drill').click();
    const scheduleForm = safety.getByTestId('schedule-form');
    await scheduleForm.waitFor();
    await safety.getByTestId('schedule-type').click();
    await pickOption(safety, '消防疏散演练');
    assert.equal(await safety.getByTestId('schedule-title').inputValue(), '消防疏散演练', 'the type names the drill');
    await safety.getByTestId('schedule-title').fill('秋季消防疏散演练');
    await safety.locator('#schedule-ok').click();
    const row = safety.getByTestId('drill-row').filter({ hasText: '秋季消防疏散演练' });
    await row.waitFor();
    assert.equal(await row.getAttribute('data-status'), 'planned');
    const drillId = (await row.getAttribute('data-drill-id')) ?? assert.fail('no drill id');

    // Record it: an end before the start is refused on the spot and nothing is sent.
    await row.click();
    const form = safety.getByTestId('record-form');
    await form.waitFor();
    await fillPicker(safety, 'started-at', inputTime(-40));
    await fillPicker(safety, 'ended-at', inputTime(-50));
    await safety.getByTestId('participants').fill('186');
    await safety.getByTestId('evac-min').fill('1');
    await safety.getByTestId('evac-sec').fill('45');
    await form.getByText('达标').waitFor();
    await safety.getByTestId('evaluation').fill('疏散有序，小班速度偏慢，教师到位及时。');
    await safety.getByTestId('add-problem').click();
    await safety.getByTestId('problem-input').nth(0).fill('二楼东侧楼梯照明不足');
    await safety.getByTestId('add-problem').click();
    await safety.getByTestId('problem-input').nth(1).fill('集合点没有班级标识牌');
    await safety.getByTestId('record-submit').click();
    await form.getByText('结束时间必须晚于开始时间').waitFor();
    assert.equal(
      (await apiGet<{ items: DrillView[] }>(safety, '/drills')).items.find((d) => d.id === drillId)?.status,
      'planned',
    );

    await fillPicker(safety, 'ended-at', inputTime(-25));
    await shot(safety, 'drills-record-phone-zh');
    await safety.getByTestId('record-submit').click();
    const details = safety.locator('[data-testid="drill-details"][data-status="done"]');
    await details.waitFor();
    assert.equal(await details.getByTestId('evacuation-meter').getAttribute('data-on-target'), 'true');
    assert.equal(await details.getByTestId('drill-problem').count(), 2);
    assert.equal(await details.getByTestId('make-task').count(), 2, 'each problem can become a rectification task');

    // Photos: a real one goes up; a file that is not a picture is refused with the server's reason.
    await details.getByTestId('drill-photo-input').setInputFiles([
      { name: 'assembly.png', mimeType: 'image/png', buffer: PNG },
      { name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('only some text, not a picture') },
    ]);
    await details.locator('[data-testid="drill-photos"][data-count="1"]').waitFor();
    await details
      .getByTestId('photo-error')
      .filter({ hasText: 'notes.png' })
      .filter({ hasText: '不是图片文件' })
      .waitFor();
    await details.locator('.steady-drill-gallery img').first().waitFor();
    assert.ok((await overflow(safety)) <= 0, 'the drill page scrolls sideways on a phone');
    await shot(safety, 'drills-details-phone-zh');

    // A problem becomes a rectification task. The tasks' endpoint belongs to the inspections module,
    // so here it is stood in for: first it refuses the owner, then it accepts.
    const sentTasks: Record<string, unknown>[] = [];
    await safety.route('**/api/v1/rectification-tasks', async (route) => {
      sentTasks.push(route.request().postDataJSON() as Record<string, unknown>);
      if (sentTasks.length === 1) {
        await route.fulfill({
          status: 422,
          contentType: 'application/problem+json',
          body: JSON.stringify({
            type: 'about:blank',
            title: '提交的内容有误',
            status: 422,
            errors: [{ field: 'ownerPersonId', message: '责任人：不是本单位人员' }],
          }),
        });
      } else {
        await route.continue();
      }
    });
    await details.getByTestId('make-task').first().click();
    const dialog = safety.locator('.ant-modal-container').filter({ hasText: '整改期限' });
    await dialog.waitFor();
    assert.equal(await dialog.locator('#title').inputValue(), '二楼东侧楼梯照明不足');
    await dialog.getByTestId('task-owner').click();
    await safety
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .first()
      .click();
    await dialog.getByText('高', { exact: true }).click();
    await safety.locator('#task-ok').click();
    await dialog.getByText('责任人：不是本单位人员').waitFor();
    assert.equal(
      await dialog.locator('.ant-form-item-has-error #ownerPersonId').count(),
      1,
      'the refusal shows at the owner field',
    );
    await safety.locator('#task-ok').click();
    await details.getByText('已生成整改任务').waitFor();
    assert.equal(sentTasks.length, 2);
    const task = sentTasks[1]!;
    assert.equal(task.unitId, k1);
    assert.equal(task.risk, 'high');
    assert.equal(task.title, '二楼东侧楼梯照明不足');
    assert.match(String(task.dueAt), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    assert.deepEqual(task.source, { kind: 'drill', drillId, problem: '二楼东侧楼梯照明不足' });
    assert.equal(typeof task.ownerPersonId, 'string');
    await safety.unroute('**/api/v1/rectification-tasks');
    // The task is real: it is in the ledger, and the drill still shows it after a reload.
    const ledger = await apiGet<{ items: { taskId: string; sourceDetail: string; risk: string }[] }>(
      safety,
      `/rectification-ledger?sourceId=${drillId}`,
    );
    assert.deepEqual(
      ledger.items.map((row) => [row.sourceDetail, row.risk]),
      [['二楼东侧楼梯照明不足', 'high']],
    );
    await safety.reload();
    await safety.locator(`[data-testid="drill-row"][data-drill-id="${drillId}"]`).click();
    await details.getByTestId('task-made').waitFor();
    assert.equal(await details.getByTestId('make-task').count(), 1, 'only the other problem still waits for a task');

    const recorded = (await apiGet<{ items: DrillView[] }>(safety, '/drills')).items.find((d) => d.id === drillId)!;
    assert.equal(recorded.status, 'done');
    assert.equal(recorded.participants, 186);
    assert.equal(recorded.evacuationSeconds, 105);
    assert.equal(recorded.evacuationOnTarget, true);
    assert.deepEqual(recorded.problems, ['二楼东侧楼梯照明不足', '集合点没有班级标识牌']);
    assert.equal((await apiGet<unknown[]>(safety, `/drills/${drillId}/photos`)).length, 1);

    // Compliance: the kindergarten's fire drill is done this quarter, so it is on schedule; the
    // other drill types were never held, so the unit is overdue — never green for "never held".
    await safety.goto('/drills?view=compliance');
    const unit = safety.locator(`[data-testid="compliance-unit"][data-unit-id="${k1}"]`);
    await unit.waitFor();
    await unit.click();
    const fire = safety.locator('[data-testid="type-line"][data-type="fire_evacuation"]');
    await fire.waitFor();
    assert.equal(await fire.getAttribute('data-state'), 'on_schedule');
    assert.equal(await unit.getAttribute('data-state'), 'overdue', 'earthquake and lockdown drills were never held');
    assert.equal(
      await safety.locator('[data-testid="type-line"][data-type="earthquake"]').getAttribute('data-state'),
      'overdue',
    );
    await shot(safety, 'drills-compliance-phone-zh');
  });

  it('reads in English too', async () => {
    const page = await open('k1.safety', true);
    await page.goto('/drills');
    await page.getByTestId('record-new').getByText('Record a drill').waitFor();
    await page.getByTestId('drill-row').first().click();
    await page.getByTestId('drill-details').getByText('Make a rectification task').first().waitFor();
    assert.ok((await overflow(page)) <= 0);
    await shot(page, 'drills-details-phone-en');
  });
});
