import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiGet, apiSend } from './helpers/app.js';
import { DESKTOP, PHONE, shot } from './helpers/browser.js';
import { useDemoBrowser } from './helpers/demo.js';

const demo = useDemoBrowser();

interface Me {
  scopes: { unitId: string }[];
}
interface Letter {
  id: string;
  status: string;
  issuerSignedAt: string | null;
  recipientSignedAt: string | null;
  duties: { title: string }[];
}

describe('responsibility letters', () => {
  const centralSchoolIssuesLetter =
    'a central school issues a letter with the school’s plan duties; ' +
    'the head signs on a phone, the central school on a desktop';
  it(centralSchoolIssuesLetter, async () => {
    const head = await demo.open('s1.head', { viewport: PHONE });
    const s1 = (await apiGet<Me>(head, '/auth/me')).scopes[0]!.unitId;
    const plan = await apiSend<{ planId: string }>(head, 'POST', '/plans', { unitId: s1, template: 'school' });
    await apiSend(head, 'POST', `/plans/${plan.planId}/publish`);

    const central = await demo.open('cs1.head', { viewport: DESKTOP });
    const cs1 = (await apiGet<Me>(central, '/auth/me')).scopes[0]!.unitId;
    const { ids } = await apiSend<{ ids: string[] }>(central, 'POST', '/letters', {
      issuerUnitId: cs1,
      template: 'bureau-to-head',
      periodLabel: '2027 年',
      signDueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      unitIds: [s1],
    });

    await head.goto('/letters');
    await head.getByTestId('letter-row').filter({ hasText: '2027 年安全工作目标责任书' }).getByRole('link').click();
    await head.getByRole('button', { name: '以乙方身份签署' }).click();
    await head
      .getByTestId('recipient-signed')
      .getByText(/于 .* 签署/)
      .waitFor();
    const overflow = await head.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the letter scrolls sideways by ${overflow}px on a phone`);
    await shot(head, 'letter-signed-phone-zh');

    await central.goto(`/letters/${ids[0]}`);
    await central.getByRole('button', { name: '以甲方身份签署' }).click();
    await central
      .getByTestId('issuer-signed')
      .getByText(/于 .* 签署/)
      .waitFor();
    const letter = await apiGet<Letter>(central, `/letters/${ids[0]}`);
    assert.equal(letter.status, 'signed');
    assert.ok(letter.duties.some((d) => d.title === '班主任'));
    await shot(central, 'letter-signed-desktop-zh');
  });
});
