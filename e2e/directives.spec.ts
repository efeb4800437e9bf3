import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiGet, eventually } from './helpers/app.js';
import { DESKTOP, PHONE, shot } from './helpers/browser.js';
import { useDemoBrowser } from './helpers/demo.js';

const demo = useDemoBrowser();

interface DirectiveView {
  id: string;
  attachments: { name: string }[];
  targets: { unitId: string; unitName: string; signedAt: string | null; replyText: string | null; reminders: number }[];
}

describe('directives', () => {
  const centralSchoolSendsNotice =
    'a central school sends a notice to its schools; one signs for it and replies on a phone; the rest are reminded';
  it(centralSchoolSendsNotice, async () => {
    const sender = await demo.open('cs1.safety', { viewport: DESKTOP });
    await sender.goto('/directives/new');
    const form = sender.getByTestId('directive-form');
    await form.waitFor();
    await sender.getByTestId('directive-title').fill('关于做好寒假期间校园安全工作的通知');
    await sender
      .getByTestId('directive-text-input')
      .fill('请落实寒假期间 24 小时值班和领导带班制度，收到后签收，并回复本单位值班安排。');
    await sender.getByTestId('all-children').click();
    await form
      .locator('input[type="file"]')
      .setInputFiles({ name: '值班安排表.txt', mimeType: 'text/plain', buffer: Buffer.from('寒假值班安排（样表）\n') });
    await sender.getByTestId('send-directive').click();
    await sender.getByTestId('directive-page').waitFor();
    const id = new URL(sender.url()).pathname.split('/').pop()!;
    const sent = await apiGet<DirectiveView>(sender, `/directives/${id}`);
    assert.ok(sent.targets.length >= 5, 'every unit directly below the central school is a target');
    assert.deepEqual(
      sent.attachments.map((a) => a.name),
      ['值班安排表.txt'],
    );

    // A school head signs for it and replies, on a phone, from the inbox.
    const head = await demo.open('s1.head', { viewport: PHONE });
    await head.goto('/directives');
    await head.getByTestId('inbox-item').filter({ hasText: '寒假期间校园安全' }).click();
    await head.getByTestId('sign').click();
    await head.getByTestId('reply-text').fill('已签收。寒假值班表已排定，校长带班。');
    await head.getByTestId('reply-send').click();
    await head.getByTestId('unit-actions').getByText('已签收。寒假值班表已排定，校长带班。').waitFor();
    const overflow = await head.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the directive page scrolls sideways by ${overflow}px on a phone`);
    await shot(head, 'directives-signed-phone-zh');

    // The sender sees who signed and replied, and reminds the others.
    await sender.reload();
    const school = (await apiGet<{ scopes: { unitId: string }[] }>(head, '/auth/me')).scopes[0]!.unitId;
    const row = sender.locator(`[data-testid="target-row"][data-unit="${school}"]`);
    await row.getByText('已签收。寒假值班表已排定，校长带班。').waitFor();
    await sender.getByTestId('remind').click();
    await sender.locator('.ant-popconfirm .ant-btn-primary').click();
    await eventually(async () => {
      const after = await apiGet<DirectiveView>(sender, `/directives/${id}`);
      const signed = after.targets.filter((t) => t.signedAt);
      assert.deepEqual(
        signed.map((t) => t.unitId),
        [school],
      );
      assert.equal(signed[0]!.reminders, 0, 'a unit that signed is not reminded');
      assert.ok(
        after.targets.filter((t) => !t.signedAt).every((t) => t.reminders === 1),
        'every unit still owing is reminded once',
      );
    });
    await shot(sender, 'directives-sender-desktop-zh');
  });
});
