import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiGet, apiSend, chooseOption, pickOption } from './helpers/app.js';
import { PHONE, shot } from './helpers/browser.js';
import { useDemoBrowser } from './helpers/demo.js';

interface Me {
  personId: string;
  name: string;
  scopes: { unitId: string; unitName: string; roles: string[] }[];
}

const demo = useDemoBrowser();

describe('reunification', () => {
  it('release staff on a phone release a child to its mother and refuse a stranger; the head sees it', async () => {
    const keeper = await demo.open('s1.safety', { viewport: PHONE });
    const school = (await apiGet<Me>(keeper, '/auth/me')).scopes[0]!.unitId;
    const gatePage = await demo.open('s1.gate', { viewport: PHONE });
    const gate = await apiGet<Me>(gatePage, '/auth/me');
    const cls = await apiSend<{ id: string }>(keeper, 'POST', '/rosters/classes', {
      unitId: school,
      name: '二年级3班',
    });
    await apiSend(keeper, 'POST', '/rosters/pupils', {
      classId: cls.id,
      name: '陈小雨',
      adults: [{ name: '陈静', relation: '母亲', mobile: '13800007777', idLast4: '4321' }],
    });
    await apiSend(keeper, 'POST', '/rosters/pupils', {
      classId: cls.id,
      name: '林一诺',
      adults: [{ name: '林涛', relation: '父亲', mobile: '13800008888', idLast4: '8765' }],
    });
    const fire = await apiSend<{ id: string }>(keeper, 'POST', '/incidents', {
      unitId: school,
      type: 'fire',
      severity: 3,
      place: '教学楼',
      description: '教学楼起火，全校疏散。',
    });
    assert.ok(fire.id);

    // The safety officer opens it on a phone: the incident, the point, who releases.
    await keeper.goto(`/reunifications?unit=${school}`);
    const form = keeper.getByTestId('open-form');
    await chooseOption(keeper, form.getByTestId('open-incident'), '火灾 · 教学楼');
    await form.getByPlaceholder('例如：东门运动场').fill('东门运动场');
    await form.getByTestId('open-staff').click();
    await pickOption(keeper, gate.name);
    await keeper.keyboard.press('Escape');
    await form.getByTestId('open-submit').click();
    await keeper.getByTestId('reunification-page').waitFor();
    await keeper.getByTestId('point').getByText('接领点：东门运动场').waitFor();
    const opened = { id: keeper.url().split('/reunifications/')[1]!.split(/[?#]/)[0]! };

    const head = await demo.open('s1.head', { viewport: PHONE, en: true });
    await head.goto(`/reunifications/${opened.id}`);
    await head.getByTestId('point').getByText('Point: 东门运动场').waitFor();

    const page = gatePage;
    await page.goto('/');
    await page.getByText('接领放行：到东门运动场核对接领人并放行学生').click();
    await page.getByTestId('reunification-page').waitFor();
    const waiting = page.getByTestId('waiting-count');
    const before = Number((await waiting.locator('strong').textContent()) ?? 'NaN');

    await page.getByTestId('find-child').locator('input').fill('小雨');
    await page.getByTestId('find-child').locator('input').press('Enter');
    await page.getByTestId('child-row').filter({ hasText: '陈小雨' }).getByText('可接送：陈静（母亲）').click();
    await page.getByTestId('adult-name').fill('陈静');
    await page.getByTestId('adult-mobile').fill('138 0000 7777');
    await page.getByTestId('adult-id').fill('4321');
    await page.getByTestId('check-adult').click();
    await page.getByTestId('verdict').getByText('放行：交给 陈静（母亲）').waitFor();
    await waiting
      .locator('strong')
      .getByText(String(before - 1), { exact: true })
      .waitFor();
    await shot(page, 'reunification-released-phone-zh');

    await page.getByTestId('next-child').click();
    await page.getByTestId('find-child').locator('input').fill('一诺');
    await page.getByTestId('find-child').locator('input').press('Enter');
    await page.getByTestId('child-row').filter({ hasText: '林一诺' }).click();
    await page.getByTestId('adult-name').fill('王某');
    await page.getByTestId('adult-mobile').fill('13900001234');
    await page.getByTestId('adult-id').fill('0000');
    await page.getByTestId('check-adult').click();
    await page.getByTestId('verdict').getByText('拒绝 — 请勿交出孩子，已告知校长').waitFor();
    await page.getByTestId('verdict').getByText('不符：姓名、手机号、证件后四位').waitFor();
    await waiting
      .locator('strong')
      .getByText(String(before - 1), { exact: true })
      .waitFor();
    await shot(page, 'reunification-refused-phone-zh');

    // The head's screen was told, not reloaded by hand.
    await head.getByTestId('refused-count').getByText('1', { exact: true }).waitFor();
    await head.getByTestId('releases').getByText('to 陈静 (母亲)', { exact: false }).waitFor();
    await head.getByTestId('refusals').getByText('asked by 王某, +8613900001234', { exact: false }).waitFor();
    await shot(head, 'reunification-head-phone-en');
    assert.equal(
      Number((await head.getByTestId('waiting-count').locator('strong').textContent()) ?? 'NaN'),
      before - 1,
    );
  });
});
