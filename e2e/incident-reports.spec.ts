import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { apiGet, apiSend, chooseOption, eventually } from './helpers/app.js';
import { PHONE, shot } from './helpers/browser.js';
import { useDemoBrowser } from './helpers/demo.js';

const demo = useDemoBrowser();

interface ReportView {
  id: string;
  state: string;
  reception: string | null;
  versions: { signedOffBy: string | null; sentAt: string | null; content: { source: string; measures: string } }[];
}

async function noSidewaysScroll(page: Page, where: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${where} scrolls sideways by ${overflow}px on a phone`);
}

/**
 * On a phone: the unit's handler drafts the first report from the incident page and submits it; the
 * head opens it, signs it off and sends it up; the unit above sees it in its inbox. Once in Chinese
 * at one kindergarten, once in English at another.
 */
async function draftSignSend(lang: 'zh' | 'en', unitCode: 'k1' | 'k2', text: { source: string; measures: string }) {
  const en = lang === 'en';
  const handler = await demo.open(`${unitCode}.safety`, { viewport: PHONE, en });
  const me = await apiGet<{ scopes: { unitId: string }[] }>(handler, '/auth/me');
  const incident = await apiSend<{ id: string }>(handler, 'POST', '/incidents', {
    unitId: me.scopes[0]!.unitId,
    type: 'injury',
    severity: 4,
    place: en ? 'Playground' : '户外活动区',
    description: en ? 'A child fell from the climbing frame.' : '一名幼儿从攀爬架跌落，右臂疼痛',
  });
  await handler.goto(`/incidents/${incident.id}`);
  await handler.getByTestId('reports-panel').getByTestId('start-first').click();
  await handler.getByTestId('report-page').waitFor();
  const reportId = (await handler.getByTestId('report-page').getAttribute('data-report-id'))!;
  await handler.getByTestId('missing').waitFor();
  await handler.getByTestId('field-source').fill(text.source);
  await handler.getByTestId('field-measures').fill(text.measures);
  await handler.getByTestId('submit').click();
  await handler.locator('[data-testid="report-page"][data-state="submitted"]').waitFor();
  await noSidewaysScroll(handler, `the ${lang} draft`);
  await handler.evaluate(() => window.scrollTo(0, 0));
  await shot(handler, `incident-reports-draft-phone-${lang}`);
  const submitted = await apiGet<ReportView>(handler, `/incident-reports/${reportId}`);
  assert.deepEqual(
    [submitted.versions[0]!.content.source, submitted.versions[0]!.content.measures],
    [text.source, text.measures],
  );
  assert.equal(await handler.getByTestId('sign-off').count(), 0, 'the safety officer cannot sign off');

  const head = await demo.open(`${unitCode}.head`, { viewport: PHONE, en });
  await head.goto(`/incident-reports/${reportId}`);
  await head.getByTestId('sign-off').scrollIntoViewIfNeeded();
  await shot(head, `incident-reports-sign-off-phone-${lang}`);
  await head.getByTestId('sign-off').click();
  await head.locator('[data-testid="report-page"][data-state="signed_off"]').waitFor();
  await head.getByTestId('send').click();
  await head.locator('[data-testid="report-page"][data-state="sent"][data-reception="received"]').waitFor();
  await head.getByTestId('versions').getByTestId('version').first().click();
  await noSidewaysScroll(head, `the ${lang} signed report`);
  await shot(head, `incident-reports-signed-phone-${lang}`);
  const sent = await apiGet<ReportView>(head, `/incident-reports/${reportId}`);
  assert.ok(sent.versions[0]!.signedOffBy && sent.versions[0]!.sentAt, 'signed off by the head, then sent');
  return { incidentId: incident.id, reportId };
}

describe('staged incident reports', () => {
  it('on a phone, in Chinese: the safety officer drafts, the head signs off and sends, it is returned', async () => {
    const { incidentId, reportId } = await draftSignSend('zh', 'k1', {
      source: '班主任现场发现',
      measures: '校医现场处置后送县医院',
    });
    const bureau = await demo.open('bureau.safety', { viewport: PHONE });
    await bureau.goto('/incidents');
    await bureau
      .locator(
        `[data-testid="board-row"][data-incident-id="${incidentId}"] ` +
          '[data-testid="board-reporting"][data-latest="first1"][data-reception="received"]',
      )
      .waitFor();
    await shot(bureau, 'incident-reports-board-phone-zh');
    const central = await demo.open('cs1.head', { viewport: PHONE });
    await central.goto('/incident-reports');
    await central.locator(`[data-testid="inbox-report"][data-mine="true"]`).first().waitFor();
    await noSidewaysScroll(central, 'the inbox');
    await shot(central, 'incident-reports-inbox-phone-zh');
    await central.locator(`[data-testid="inbox-report"][data-mine="true"]`).first().click();
    await central.getByTestId('return').click();
    await central.getByTestId('return-reason').fill('请补充家长通知情况');
    await central.getByTestId('return-send').click();
    await central.locator('[data-testid="report-page"][data-reception="returned"]').waitFor();
    await shot(central, 'incident-reports-returned-phone-zh');
    const handler = await demo.open('k1.safety', { viewport: PHONE });
    await handler.goto(`/incidents/${incidentId}`);
    await handler
      .getByTestId('reports-panel')
      .locator('[data-testid="report-row"][data-stage="first"]')
      .getByText('已退回')
      .waitFor();
    await noSidewaysScroll(handler, 'the incident page with its reports');
    await handler.getByTestId('reports-panel').scrollIntoViewIfNeeded();
    await handler.getByTestId('timeline').locator('[data-kind="report.returned"]').getByText('退回首报').waitFor();
    await handler.getByTestId('record-verbal').click();
    await handler.getByTestId('verbal-to').fill('中心学校安全办 孙主任');
    await handler.getByTestId('verbal-summary').fill('幼儿跌落受伤，已送医。');
    await handler.getByTestId('verbal-save').click();
    await handler.getByTestId('verbal').getByText('中心学校安全办 孙主任').waitFor();
    await shot(handler, 'incident-reports-panel-phone-zh');
    await handler.goto(`/incident-reports/${reportId}`);
    await handler.getByTestId('returned').getByText('请补充家长通知情况').waitFor();
    await eventually(async () =>
      assert.equal((await apiGet<ReportView>(handler, `/incident-reports/${reportId}`)).state, 'draft'),
    );
  });

  it('on a phone, in English: the same at another kindergarten', async () => {
    await draftSignSend('en', 'k2', {
      source: 'The class teacher saw it',
      measures: 'First aid, then to the county hospital',
    });
  });

  it('the plan sets the time limits of each stage', async () => {
    const page = await demo.open('k3.head', { viewport: PHONE });
    const me = await apiGet<{ scopes: { unitId: string }[] }>(page, '/auth/me');
    const plan = await apiSend<{ planId: string; content: { reportStages: { firstMinutes: number } } }>(
      page,
      'POST',
      '/plans',
      { unitId: me.scopes[0]!.unitId, template: 'kindergarten' },
    );
    assert.equal(plan.content.reportStages.firstMinutes, 60, 'the default: a written first report within the hour');
    await page.goto(`/plans/${plan.planId}`);
    await chooseOption(page, page.getByTestId('section-select'), '信息报送时限');
    await page.getByTestId('report-stages-editor').waitFor();
    await page.locator('#stages-firstMinutes').fill('45');
    await noSidewaysScroll(page, 'the plan’s reporting time limits');
    await shot(page, 'incident-reports-plan-limits-phone-zh');
  });
});
