import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { FakeClock } from '../../lib/clock.js';

/*
 * Bad input to the staged reports: each refusal names the field, in the user's language, and
 * leaves nothing stored — no report, version, exchange or met deadline.
 */
const T0 = new Date('2027-05-10T02:00:00.000Z');
const minutes = (m: number) => new Date(T0.getTime() + m * 60_000);
const EN = { 'accept-language': 'en' };

for (const dialect of dialectsUnderTest()) {
  describe(`staged reports refuse bad input (${dialect})`, () => {
    let t: TestApp;
    let clock: FakeClock;
    let head: Client, safety: Client, central: Client;
    let k2: string;

    before(async () => {
      clock = new FakeClock(T0);
      t = await createTestApp(dialect, { demo: true, clock });
      k2 = await unitIdByName(t, '城关镇阳光幼儿园');
      [head, safety, central] = (await Promise.all(['k2.head', 'k2.safety', 'cs1.head'].map((u) => t.signIn(u)))) as [
        Client,
        Client,
        Client,
      ];
    });
    after(() => t.close());

    const count = async (table: 'incident_reports' | 'incident_report_versions' | 'incident_report_exchanges') =>
      Number(
        (
          await t.c.db
            .selectFrom(table)
            .select((e) => e.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const counts = async () =>
      Promise.all([count('incident_reports'), count('incident_report_versions'), count('incident_report_exchanges')]);
    const fields = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);
    const incident = async (extra: Record<string, unknown> = {}) => {
      const res = await safety.post('/api/v1/incidents', {
        unitId: k2,
        type: 'injury',
        severity: 4,
        place: '午睡室',
        description: '幼儿起床时摔倒，额头擦伤',
        ...extra,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as string;
    };
    const draft = async (
      id: string,
      stage = 'first',
      fill: Record<string, unknown> = { source: '保育员发现', measures: '保健医处置' },
    ) => {
      const res = await safety.post(`/api/v1/incidents/${id}/reports`, { stage });
      assert.equal(res.statusCode, 201, res.body);
      const report = res.json();
      const edited = await safety.patch(`/api/v1/incident-reports/${report.id}`, {
        content: { ...report.versions[0].content, ...fill },
      });
      assert.equal(edited.statusCode, 200, edited.body);
      return report.id as string;
    };
    const sendFirst = async (id: string) => {
      const reportId = await draft(id);
      assert.equal((await head.post(`/api/v1/incident-reports/${reportId}/sign-off`)).statusCode, 200);
      assert.equal((await safety.post(`/api/v1/incident-reports/${reportId}/send`)).statusCode, 200);
      return reportId;
    };

    it('a stage sent without sign-off is refused, naming the sign-off; nothing is sent', async () => {
      clock.set(T0);
      const id = await incident();
      const reportId = await draft(id);
      const before = await counts();
      const refused = await safety.post(`/api/v1/incident-reports/${reportId}/send`, {}, EN);
      assert.equal(refused.statusCode, 409);
      assert.deepEqual(fields(refused), ['signOff']);
      assert.match(refused.json().errors[0].message, /not been signed off by the head/);
      const zh = await safety.post(`/api/v1/incident-reports/${reportId}/send`);
      assert.match(zh.json().errors[0].message, /尚未经负责人签发/);
      assert.deepEqual(await counts(), before);
      const report = (await safety.get(`/api/v1/incident-reports/${reportId}`)).json();
      assert.deepEqual([report.state, report.reception, report.versions[0].sentAt], ['draft', null, null]);
      const duties = (await safety.get(`/api/v1/incidents/${id}/reporting`)).json().duties;
      assert.equal(duties.find((d: { kind: string }) => d.kind === 'first').state, 'open');
    });

    it('a final report before a first report is refused, naming the stage; nothing is stored', async () => {
      const id = await incident();
      const before = await counts();
      const refused = await safety.post(`/api/v1/incidents/${id}/reports`, { stage: 'final' }, EN);
      assert.equal(refused.statusCode, 409);
      assert.deepEqual(fields(refused), ['stage']);
      assert.match(refused.json().errors[0].message, /first report must be sent first/);
      assert.deepEqual(await counts(), before);
      const supplement = await safety.post(`/api/v1/incidents/${id}/reports`, { stage: 'supplement' });
      assert.deepEqual([supplement.statusCode, fields(supplement)], [409, ['stage']]);
    });

    it('a follow-up on a closed incident is refused, drafted after closing or sent after it', async () => {
      const id = await incident();
      await sendFirst(id);
      const early = await draft(id, 'follow_up', { trend: '稳定', nextSteps: '观察', measures: '冷敷' });
      assert.equal((await head.post(`/api/v1/incident-reports/${early}/sign-off`)).statusCode, 200);
      const closed = await head.post(`/api/v1/incidents/${id}/close`, {
        report: {
          whatHappened: '摔倒擦伤',
          causes: '地面湿滑',
          actionsTaken: '处置',
          lessons: '及时拖干',
          followUps: [],
        },
      });
      assert.equal(closed.statusCode, 204, closed.body);
      const before = await counts();
      const refused = await safety.post(`/api/v1/incidents/${id}/reports`, { stage: 'follow_up' }, EN);
      assert.equal(refused.statusCode, 409);
      assert.deepEqual(fields(refused), ['stage']);
      assert.match(refused.json().errors[0].message, /incident is closed/);
      const late = await safety.post(`/api/v1/incident-reports/${early}/send`, {}, EN);
      assert.deepEqual([late.statusCode, fields(late)], [409, ['stage']]);
      assert.deepEqual(await counts(), before);
      const reporting = (await safety.get(`/api/v1/incidents/${id}/reporting`)).json();
      assert.equal(reporting.mayStart.includes('follow_up'), false);
      assert.ok(reporting.mayStart.includes('final'), 'the final report may still follow a closed incident');
    });

    it('a return without a reason, or with a past deadline, is refused; the report stays received', async () => {
      const id = await incident();
      const reportId = await sendFirst(id);
      const before = await counts();
      const blank = await central.post(
        `/api/v1/incident-reports/${reportId}/return`,
        { reason: '   ', dueAt: minutes(120).toISOString() },
        EN,
      );
      assert.equal(blank.statusCode, 400);
      assert.deepEqual(fields(blank), ['reason']);
      const none = await central.post(`/api/v1/incident-reports/${reportId}/return`, {
        dueAt: minutes(120).toISOString(),
      });
      assert.deepEqual([none.statusCode, fields(none)], [400, ['reason']]);
      const past = await central.post(
        `/api/v1/incident-reports/${reportId}/return`,
        { reason: '请补充', dueAt: minutes(-5).toISOString() },
        EN,
      );
      assert.deepEqual([past.statusCode, fields(past)], [422, ['dueAt']]);
      const own = await safety.post(`/api/v1/incident-reports/${reportId}/return`, {
        reason: '自己退回',
        dueAt: minutes(120).toISOString(),
      });
      assert.equal(own.statusCode, 403, 'only the receiving unit returns a report');
      assert.deepEqual(await counts(), before);
      const report = (await central.get(`/api/v1/incident-reports/${reportId}`)).json();
      assert.deepEqual([report.reception, report.version, report.can.receive], ['received', 1, true]);
    });

    it('a sign-off of an incomplete stage names every missing field; only the head signs', async () => {
      const id = await incident({ type: 'fire', severity: 3, place: '厨房', description: '厨房油锅起火' });
      const res = await safety.post(`/api/v1/incidents/${id}/reports`, { stage: 'first' });
      const reportId = res.json().id;
      assert.deepEqual(res.json().missing, [
        'content.source',
        'content.measures',
        'content.authoritiesInformed',
        'content.leaderOnSite',
      ]);
      const refused = await head.post(`/api/v1/incident-reports/${reportId}/sign-off`, {}, EN);
      assert.equal(refused.statusCode, 422);
      assert.deepEqual(fields(refused), [
        'content.source',
        'content.measures',
        'content.authoritiesInformed',
        'content.leaderOnSite',
      ]);
      assert.match(refused.json().errors[1].message, /^measures taken the first report needs this$/);
      const notHead = await safety.post(`/api/v1/incident-reports/${reportId}/sign-off`, {}, EN);
      assert.equal(notHead.statusCode, 403);
      assert.match(notHead.json().title, /only the unit’s head \(or acting head\)/);
      const preliminary = await safety.patch(`/api/v1/incident-reports/${reportId}`, {
        content: { ...res.json().versions[0].content, causes: { status: 'preliminary', text: '' } },
      });
      assert.ok(preliminary.json().missing.includes('content.causes'), 'a cause stated as known needs its text');
      assert.equal((await safety.get(`/api/v1/incident-reports/${reportId}`)).json().versions[0].signedOffAt, null);
    });

    it('a verbal report in the future, or for a drill, is refused', async () => {
      const id = await incident();
      const future = await head.post(
        `/api/v1/incidents/${id}/verbal-report`,
        { toWhom: '中心学校', at: minutes(90).toISOString(), summary: '电话报告' },
        EN,
      );
      assert.deepEqual([future.statusCode, fields(future)], [422, ['at']]);
      const early = await head.post(
        `/api/v1/incidents/${id}/verbal-report`,
        { toWhom: '中心学校', at: minutes(-2).toISOString(), summary: '电话报告' },
        EN,
      );
      assert.deepEqual([early.statusCode, fields(early)], [422, ['at']]);
      assert.match(early.json().errors[0].message, /before the incident happened/);
      const drill = await incident({ drill: true });
      const refused = await safety.post(`/api/v1/incidents/${drill}/reports`, { stage: 'first' }, EN);
      assert.deepEqual([refused.statusCode, fields(refused)], [409, ['stage']]);
      assert.match(refused.json().errors[0].message, /drill sends no reports/);
      assert.equal((await safety.get(`/api/v1/incidents/${drill}/reporting`)).json().notApplicable, 'drill');
      assert.equal(
        (await t.c.db.selectFrom('incident_verbal_reports').selectAll().where('incident_id', '=', id).execute()).length,
        0,
      );
    });
  });
}
