import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiGet, apiSend } from './helpers/app.js';
import { DESKTOP, PHONE, shot } from './helpers/browser.js';
import { useDemoBrowser } from './helpers/demo.js';

const demo = useDemoBrowser();

/**
 * A fixed-offset zone in which it is mid-morning now, so the 15:00 deadline is still ahead
 * whenever this runs. (Etc/GMT-N is N hours east of UTC: the sign is inverted.)
 */
function morningZone(now = new Date()): { zone: string; today: string } {
  const east = ((10 - now.getUTCHours() + 36) % 24) - 12;
  const zone = east === 0 ? 'Etc/UTC' : `Etc/GMT${east > 0 ? '-' : '+'}${Math.abs(east)}`;
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  return { zone, today };
}

interface Me {
  scopes: { unitId: string; unitName: string }[];
}

describe('the daily rhythm across modules', () => {
  const dutyStaffPhoneChecks =
    'duty staff on a phone checks in at two points and sends a zero ' +
    'report; the supervisor’s matrix shows it without a reload';
  it(dutyStaffPhoneChecks, async () => {
    // The school's plan requires a daily report by 15:00; the school keeps a zone where that is hours away.
    const head = await demo.open('s1.head', { viewport: DESKTOP });
    const school = (await apiGet<Me>(head, '/auth/me')).scopes[0]!;
    const admin = await demo.open('admin', { viewport: DESKTOP });
    const { zone, today } = morningZone();
    await apiSend(admin, 'PATCH', `/units/${school.unitId}`, { timeZone: zone });
    const plan = await apiSend<{ planId: string; content: { dailyReport: { required: boolean; deadline: string } } }>(
      head,
      'POST',
      '/plans',
      { unitId: school.unitId, template: 'school' },
    );
    plan.content.dailyReport = { required: true, deadline: '15:00' };
    await apiSend(head, 'PATCH', `/plans/${plan.planId}/draft`, { content: plan.content });
    await apiSend(head, 'POST', `/plans/${plan.planId}/publish`);
    const safety = await demo.open('s1.safety', { viewport: DESKTOP });
    for (const name of ['东门', '教学楼一楼'])
      await apiSend(safety, 'POST', '/patrol-checkpoints', { unitId: school.unitId, name });

    // The town's central school watches its schools' matrix.
    const supervisor = await demo.open('cs1.safety', { viewport: DESKTOP });
    await supervisor.goto('/daily-reports/matrix?days=7');
    await supervisor.getByTestId('live-on').waitFor();
    const cell = supervisor.locator(`tr[data-unit="${school.unitId}"] .steady-dr-cell[data-day="${today}"]`);
    await cell.waitFor();
    assert.notEqual(await cell.getAttribute('data-status'), 'on_time', 'nothing has been reported yet');

    // The duty teacher, on a phone: a patrol round with two check-ins.
    const duty = await demo.open('s1.teacher1', { viewport: PHONE });
    await duty.goto('/patrols');
    await duty.getByTestId('start-patrol').click();
    await duty.getByTestId('open-patrol').waitFor();
    for (const point of ['东门', '教学楼一楼']) {
      const row = duty.locator(`[data-testid="patrol-point"][data-point="${point}"]`);
      await row.getByTestId('point-check-in').click();
      await row.getByTestId('point-checked').waitFor();
    }
    const night = await apiGet<{ patrols: { kind: string; state: string; checked: number }[] }>(
      duty,
      `/units/${school.unitId}/patrols`,
    );
    assert.deepEqual(
      night.patrols.filter((p) => p.kind === 'extra').map((p) => [p.state, p.checked]),
      [['done', 2]],
    );

    // Then the zero report, with one tap.
    await duty.goto(`/daily-reports?unit=${school.unitId}`);
    await duty.getByTestId('zero-report').click();
    await duty.locator('[data-testid="today-card"][data-status="on_time"]').waitFor();
    await shot(duty, 'daily-rhythm-zero-report-phone-zh');

    // The supervisor's open matrix turns the school's cell green by itself.
    await supervisor
      .locator(`tr[data-unit="${school.unitId}"] .steady-dr-cell[data-day="${today}"][data-status="on_time"]`)
      .waitFor();
    await shot(supervisor, 'daily-rhythm-matrix-desktop-zh');

    // The overview says it too: of the one school that owes a report today, one has sent it.
    await supervisor.goto('/');
    await supervisor.getByTestId('today-reports').getByText('1 / 1').waitFor();
    await shot(supervisor, 'daily-rhythm-overview-desktop-zh');
  });
});
