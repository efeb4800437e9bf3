import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { apiGet, apiSend } from './helpers/app.js';
import { DESKTOP, PHONE, shot } from './helpers/browser.js';
import { useDemoBrowser } from './helpers/demo.js';

const demo = useDemoBrowser();

interface Sheet {
  id: string;
  items: { id: string; kind: string; metric: string | null }[];
}
interface Me {
  scopes: { unitId: string; unitName: string }[];
}

describe('assessment', () => {
  let sheet: Sheet;
  let s1: string;

  const bureauRanksUnitsBelow =
    'the bureau ranks the units below it, opens the records behind a figure and exports, on a desktop in zh-CN';
  it(bureauRanksUnitsBelow, async () => {
    const bureau = await demo.open('bureau.safety', { viewport: DESKTOP });
    const bureauId = (await apiGet<Me>(bureau, '/auth/me')).scopes[0]!.unitId;
    // The last two calendar months, ended, in the sample's zone: every school owed a drill in each.
    const today = DateTime.now().setZone('Asia/Shanghai');
    sheet = await apiSend<Sheet>(bureau, 'POST', '/assessment/sheets', {
      unitId: bureauId,
      title: '安全工作考核（浏览器测试）',
      periodStart: today.minus({ months: 2 }).startOf('month').toISODate(),
      periodEnd: today.minus({ months: 1 }).endOf('month').toISODate(),
      items: [
        { kind: 'computed', metric: 'drills_held', title: '按要求组织演练', weight: 40 },
        { kind: 'computed', metric: 'daily_reports_on_time', title: '每日报告按时报送', weight: 30 },
        { kind: 'manual', title: '安全教育开展情况', weight: 30, guidance: '查看安全教育课记录' },
      ],
    });
    const head = await demo.open('s1.head', { viewport: DESKTOP });
    s1 = (await apiGet<Me>(head, '/auth/me')).scopes[0]!.unitId;
    const manual = sheet.items.find((i) => i.kind === 'manual')!.id;
    await apiSend(bureau, 'PUT', `/assessment/sheets/${sheet.id}/units/${s1}/items/${manual}/score`, {
      score: 27,
      evidence: '每月一次安全教育课，记录齐全',
    });

    await bureau.goto(`/assessment?sheet=${sheet.id}`);
    const table = bureau.getByTestId('ranking');
    await table.getByText('城关镇第一小学').waitFor();
    const firstRow = table.locator('tbody tr.ant-table-row').first();
    assert.match(await firstRow.innerText(), /城关镇第一小学/, 'the only unit with a hand score ranks first');
    // Units never drilled score 0 on drills, not 100 %: open the records behind one.
    await firstRow.locator('td').nth(3).getByRole('button').click();
    await bureau.getByTestId('records-formula').waitFor();
    assert.match(await bureau.getByTestId('records-formula').innerText(), /40 分 × 组织了演练的月份/);
    assert.equal(await bureau.getByTestId('record').count(), 2, 'two months, each a record');
    await shot(bureau, 'assessment-records-desktop-zh');
    await bureau.keyboard.press('Escape');
    assert.ok((await table.getByText('无数据').count()) > 0, 'items without data say so');
    await shot(bureau, 'assessment-ranking-desktop-zh');
  });

  it('a school sees its own sheet on a phone in English and answers an item', async () => {
    const head = await demo.open('s1.head', { viewport: PHONE, en: true });
    await head.goto(`/assessment?sheet=${sheet.id}`);
    await head.getByTestId('unit-sheet').waitFor();
    assert.equal(await head.getByTestId('ranking').count(), 0, 'a school does not see the ranking');
    const items = head.getByTestId('sheet-item');
    assert.equal(await items.count(), 3);
    assert.match(await items.nth(0).innerText(), /40 points × months \(quarters for kindergartens\) with a drill held/);
    assert.match(await items.nth(2).innerText(), /Evidence: 每月一次安全教育课/);
    await items
      .nth(0)
      .getByPlaceholder('An explanation of this item, or a correction you ask for')
      .fill('A drill was held on the last school day of the month; its record was entered late.');
    await items.nth(0).getByRole('button', { name: 'Send answer' }).click();
    await items
      .nth(0)
      .getByText('A drill was held on the last school day of the month; its record was entered late.')
      .first()
      .waitFor();
    const view = await apiGet<{ score: { items: { answer: string | null }[] } }>(
      head,
      `/assessment/sheets/${sheet.id}/units/${s1}`,
    );
    assert.equal(
      view.score.items[0]!.answer,
      'A drill was held on the last school day of the month; its record was entered late.',
    );
    const overflow = await head.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the sheet scrolls sideways by ${overflow}px on a phone`);
    await head.evaluate(() => window.scrollTo(0, 0));
    await shot(head, 'assessment-own-sheet-phone-en');
  });

  it('the bureau’s compliance view and analytics charts render (the charting library loads lazily)', async () => {
    const bureau = await demo.open('bureau.safety', { viewport: DESKTOP });
    await bureau.goto('/compliance');
    await bureau.getByTestId('compliance-unit').first().waitFor();
    assert.match(
      await bureau.getByTestId('compliance-unit').filter({ hasText: '城关镇第一小学' }).innerText(),
      /保安员配备/,
    );
    await shot(bureau, 'compliance-desktop-zh');
    await bureau.goto('/analytics');
    await bureau.locator('canvas').first().waitFor();
    assert.ok((await bureau.locator('canvas').count()) >= 2, 'the heat map and the ageing chart are drawn');
    await shot(bureau, 'analytics-desktop-zh');
  });
});
