import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { docxText } from '../../../../test/helpers/docx.js';
import { FakeClock } from '../../lib/clock.js';
import type { LiveEvent } from '../../notify/live-bus.js';

/*
 * A kindergarten incident reported in stages, fast-forwarded with the injected clock: the verbal
 * report at +10 min, the first report signed off and sent at +50, returned by the central school,
 * a corrected version at +70 (late for the first-report deadline, which is answered), two daily
 * follow-ups, the final report, and an injury count changed afterwards that opens a 补报.
 */
const T0 = new Date('2027-04-12T01:00:00.000Z'); // 09:00 in Shanghai
const minutes = (m: number) => new Date(T0.getTime() + m * 60_000);
const local = (day: number, hhmm: string) => new Date(`2027-04-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`);

for (const dialect of dialectsUnderTest()) {
  describe(`staged incident reports, fast-forwarded (${dialect})`, () => {
    let t: TestApp;
    let clock: FakeClock;
    let teacher: Client, head: Client, safety: Client, central: Client, centralSafety: Client, bureau: Client;
    let k1: string;
    let incidentId: string;
    const live: LiveEvent[] = [];

    before(async () => {
      clock = new FakeClock(T0);
      // Sessions last a month of idle time here: the clock jumps days ahead.
      t = await createTestApp(dialect, { demo: true, clock, env: { STEADY_SESSION_HOURS: String(24 * 30) } });
      k1 = await unitIdByName(t, '城关镇中心幼儿园');
      [teacher, head, safety, central, centralSafety, bureau] = (await Promise.all(
        ['k1.teacher1', 'k1.head', 'k1.safety', 'cs1.head', 'cs1.safety', 'bureau.safety'].map((u) => t.signIn(u)),
      )) as [Client, Client, Client, Client, Client, Client];
      const plan = (await safety.post('/api/v1/plans', { unitId: k1, template: 'kindergarten' })).json();
      assert.equal((await head.post(`/api/v1/plans/${plan.planId}/publish`)).statusCode, 200);
      t.c.bus.subscribe((batch) => live.push(...batch.events.map((stamped) => stamped.event)));
    });
    after(() => t.close());

    const at = async (when: Date) => {
      clock.set(when);
      await t.c.engine.tick();
    };
    const ok = async (res: Promise<{ statusCode: number; body: string; json(): any }>, status = 200) => {
      const r = await res;
      assert.equal(r.statusCode, status, r.body);
      return status === 204 ? null : r.json();
    };
    const reporting = async (who: Client = safety) => ok(who.get(`/api/v1/incidents/${incidentId}/reporting`));
    const kinds = async (who: Client) =>
      ((await who.get('/api/v1/notifications?pageSize=100')).json().items as { kind: string; incidentId: string }[])
        .filter((n) => n.incidentId === incidentId)
        .map((n) => n.kind);
    const liveCount = () => live.filter((e) => e.kind === 'incident' && e.incidentId === incidentId).length;
    /** Drafts a stage, fills what it needs, has the head sign it off and sends it: each step a request. */
    const stage = async (
      body: Record<string, unknown>,
      fill: Record<string, unknown>,
      signer: Client = head,
      sender: Client = safety,
    ) => {
      const draft = await ok(sender.post(`/api/v1/incidents/${incidentId}/reports`, body), 201);
      await ok(
        sender.patch(`/api/v1/incident-reports/${draft.id}`, { content: { ...draft.versions[0].content, ...fill } }),
      );
      await ok(signer.post(`/api/v1/incident-reports/${draft.id}/sign-off`));
      return ok(sender.post(`/api/v1/incident-reports/${draft.id}/send`));
    };
    const board = async () =>
      (await ok(bureau.get('/api/v1/incidents?open=true'))).items.find((i: { id: string }) => i.id === incidentId)
        .reporting;
    const bureauInbox = async () =>
      (await ok(bureau.get('/api/v1/incident-reports/inbox'))).items.filter(
        (i: { incidentId: string }) => i.incidentId === incidentId,
      );

    it('opens the verbal, first and daily follow-up deadlines when the incident is reported', async () => {
      const created = await ok(
        teacher.post('/api/v1/incidents', {
          unitId: k1,
          type: 'injury',
          severity: 4,
          place: '户外活动区',
          description: '一名幼儿从攀爬架跌落，右臂疼痛',
        }),
        201,
      );
      incidentId = created.id;
      const r = await reporting();
      assert.equal(r.notApplicable, null);
      assert.deepEqual(
        r.duties.map((d: { kind: string; dueAt: string }) => [d.kind, d.dueAt]),
        [
          ['verbal', minutes(30).toISOString()],
          ['first', minutes(60).toISOString()],
          ['follow_up', local(13, '16:00').toISOString()],
        ],
      );
      assert.deepEqual(r.mayStart, ['first']);
      assert.equal((await reporting(teacher)).mayStart.length, 0, 'a class teacher reads it but does not draft');
    });

    it('+10 min: the verbal report by phone is recorded and completes the chain’s report step', async () => {
      await at(minutes(5));
      const created = await ok(head.get(`/api/v1/incidents/${incidentId}`));
      await ok(head.post(`/api/v1/incidents/${incidentId}/steps/${created.steps[0].id}/acknowledge`), 204);
      await at(minutes(10));
      const r = await ok(
        head.post(`/api/v1/incidents/${incidentId}/verbal-report`, {
          toWhom: '中心学校 安全办',
          channel: 'phone',
          at: minutes(10).toISOString(),
          summary: '幼儿跌落，右臂疑似骨折，已送医。',
        }),
      );
      assert.equal(r.verbal.late, false);
      assert.equal(r.duties.find((d: { kind: string }) => d.kind === 'verbal').state, 'met');
      const incident = await ok(head.get(`/api/v1/incidents/${incidentId}`));
      const reportStep = incident.steps.find((s: { kind: string }) => s.kind === 'report');
      assert.ok(reportStep, 'the kindergarten chain has a report step');
      assert.equal(reportStep.state, 'done', 'the plan’s report step is done by the call');
      assert.equal(r.verbal.chainStepId, reportStep.id);
    });

    let firstId: string;
    it('+50 min: the first report drafted, signed off by the head and sent; the bureau sees it', async () => {
      await at(minutes(20));
      const draft = await ok(safety.post(`/api/v1/incidents/${incidentId}/reports`, { stage: 'first' }), 201);
      firstId = draft.id;
      assert.equal(draft.versions[0].content.place, '户外活动区', 'the draft starts from the incident');
      assert.equal(draft.versions[0].content.classCode, '20600');
      assert.deepEqual(draft.missing, ['content.source', 'content.measures']);
      assert.equal(draft.can.signOff, false, 'the safety officer does not sign off');
      const content = {
        ...draft.versions[0].content,
        source: '班主任现场发现',
        measures: '校医现场处置后送县医院',
        casualties: { ...draft.versions[0].content.casualties, pupils: { dead: 0, injured: 1, missing: 0 } },
      };
      await ok(safety.patch(`/api/v1/incident-reports/${firstId}`, { content }));
      const submitted = await ok(safety.post(`/api/v1/incident-reports/${firstId}/submit`));
      assert.equal(submitted.state, 'submitted');
      assert.ok((await kinds(head)).includes('report.sign-off'), 'the head is asked to sign it off');

      await at(minutes(50));
      const before = liveCount();
      const signed = await ok(head.post(`/api/v1/incident-reports/${firstId}/sign-off`));
      assert.equal(signed.versions[0].signedOffAs, 'head');
      const sent = await ok(safety.post(`/api/v1/incident-reports/${firstId}/send`));
      assert.deepEqual([sent.state, sent.reception, sent.late], ['sent', 'received', false]);
      assert.ok(liveCount() >= before + 2, 'each step tells the live screens');
      assert.ok((await kinds(central)).includes('report.received'));
      const inbox = await bureauInbox();
      assert.deepEqual(
        inbox.map((i: { stage: string; toUnitName: string; mine: boolean }) => [i.stage, i.toUnitName, i.mine]),
        [['first', '青山县城关镇中心学校', false]],
      );
      assert.deepEqual((await board()).latest, { stage: 'first', seq: 1, reception: 'received', classCode: '20600' });
    });

    it('returned with a reason and a deadline; corrected at +70, the first report is late, answered', async () => {
      await at(minutes(55));
      const returned = await ok(
        central.post(`/api/v1/incident-reports/${firstId}/return`, {
          reason: '请补充家长通知情况和就医结果',
          dueAt: minutes(80).toISOString(),
        }),
      );
      assert.deepEqual([returned.state, returned.reception, returned.version], ['draft', 'returned', 2]);
      assert.equal(returned.returnReason, '请补充家长通知情况和就医结果');
      assert.ok((await kinds(safety)).includes('report.returned'));
      assert.equal((await board()).latest.reception, 'returned');

      await at(minutes(60));
      let r = await reporting();
      assert.equal(
        r.duties.find((d: { kind: string }) => d.kind === 'first').late,
        true,
        'the first report is not complete by its deadline',
      );
      const incident = await ok(head.get(`/api/v1/incidents/${incidentId}`));
      const flag = incident.flags.find((f: { detail: { stage?: string } }) => f.detail?.stage === 'first');
      assert.equal(flag.kind, 'late');
      assert.ok((await kinds(central)).includes('report.late'), 'the unit above is told of the late stage');

      await at(minutes(70));
      const draft = await ok(safety.get(`/api/v1/incident-reports/${firstId}`));
      const measures = `${draft.versions[1].content.measures}；已电话通知家长，县医院诊断为右前臂骨裂，已固定。`;
      await ok(
        safety.patch(`/api/v1/incident-reports/${firstId}`, { content: { ...draft.versions[1].content, measures } }),
      );
      await ok(head.post(`/api/v1/incident-reports/${firstId}/sign-off`));
      const resent = await ok(safety.post(`/api/v1/incident-reports/${firstId}/send`));
      assert.deepEqual(
        resent.versions.map((v: { version: number; sentAt: string | null }) => [v.version, v.sentAt]),
        [
          [1, minutes(50).toISOString()],
          [2, minutes(70).toISOString()],
        ],
      );
      assert.deepEqual(
        resent.versions[1].changes.map((c: { field: string }) => c.field),
        ['measures'],
        'the difference between versions is shown',
      );
      assert.deepEqual(
        resent.exchanges.map((x: { kind: string }) => x.kind),
        ['submitted', 'signed_off', 'sent', 'returned', 'signed_off', 'sent'],
      );
      const correction = resent.duties.find((d: { kind: string }) => d.kind === 'correction');
      assert.deepEqual(
        [correction.state, correction.late],
        ['met', false],
        'the correction came within the new deadline',
      );
      await ok(
        head.post(`/api/v1/incidents/${incidentId}/flags/${flag.id}/notes`, {
          text: '首报经中心学校退回补充后于 10:10 重报。',
        }),
        204,
      );
      const answered = (await ok(head.get(`/api/v1/incidents/${incidentId}`))).flags.find(
        (f: { id: string }) => f.id === flag.id,
      );
      assert.equal(answered.notes.length, 1, 'the flag stays, answered');
      r = await reporting();
      assert.equal(r.reports[0].late, true);
    });

    it('the central school accepts it and forwards it to the bureau as its own report', async () => {
      await at(minutes(75));
      const accepted = await ok(central.post(`/api/v1/incident-reports/${firstId}/accept`));
      assert.equal(accepted.reception, 'accepted');
      assert.equal(accepted.can.forward, true);
      const forwarded = await ok(central.post(`/api/v1/incident-reports/${firstId}/forward`), 201);
      assert.deepEqual(
        [forwarded.unitName, forwarded.toUnitName, forwarded.forwardedFrom.id],
        ['青山县城关镇中心学校', '青山县教育局', firstId],
      );
      assert.equal(
        forwarded.versions[0].content.measures.includes('骨裂'),
        true,
        'it starts from the version received',
      );
      await ok(central.post(`/api/v1/incident-reports/${forwarded.id}/sign-off`));
      const sent = await ok(centralSafety.post(`/api/v1/incident-reports/${forwarded.id}/send`));
      assert.equal(sent.duties.find((d: { kind: string }) => d.kind === 'forward').state, 'met');
      const inbox = await bureauInbox();
      assert.deepEqual(
        inbox.map((i: { toUnitName: string; mine: boolean }) => [i.toUnitName, i.mine]),
        [
          ['青山县教育局', true],
          ['青山县城关镇中心学校', false],
        ],
      );
      const hidden = await safety.get(`/api/v1/incident-reports/${forwarded.id}`);
      assert.equal(hidden.statusCode, 404, 'the kindergarten does not see the central school’s own report');
    });

    it('two follow-ups on the next days, numbered; the daily deadline moves on each day', async () => {
      await at(local(13, '10:00'));
      const one = await stage(
        { stage: 'follow_up' },
        { whatHappened: '患儿住院观察，情况稳定。', trend: '伤情稳定', nextSteps: '继续跟踪治疗' },
      );
      assert.deepEqual([one.stage, one.seq, one.late], ['follow_up', 1, false]);
      await at(local(13, '16:00'));
      assert.deepEqual((await board()).latest, {
        stage: 'follow_up',
        seq: 1,
        reception: 'received',
        classCode: '20600',
      });
      await at(local(14, '09:00'));
      const two = await stage(
        { stage: 'follow_up' },
        { whatHappened: '患儿已出院回家休养。', trend: '好转', nextSteps: '做好返园安排' },
      );
      assert.equal(two.seq, 2);
      await at(local(14, '16:00'));
      const r = await reporting();
      const followUps = r.duties.filter((d: { kind: string }) => d.kind === 'follow_up');
      assert.deepEqual(
        followUps.map((d: { seq: number; state: string; late: boolean }) => [d.seq, d.state, d.late]),
        [
          [1, 'met', false],
          [2, 'met', false],
          [3, 'open', false],
        ],
      );
      assert.deepEqual(
        (await bureauInbox()).map((i: { stage: string; seq: number }) => `${i.stage}${i.seq}`).slice(0, 2),
        ['follow_up2', 'follow_up1'],
        'each stage reaches the bureau’s view',
      );
    });

    it('under control: the final report; the daily follow-ups end; later follow-ups are refused', async () => {
      await at(local(14, '17:00'));
      await ok(head.post(`/api/v1/incidents/${incidentId}/status`, { status: 'under_control' }), 204);
      const due = (await reporting()).duties.find((d: { kind: string }) => d.kind === 'final');
      assert.equal(due.dueAt, local(19, '17:00').toISOString(), 'the plan’s five days');
      const final = await stage(
        { stage: 'final' },
        {
          whatHappened: '幼儿户外活动时从攀爬架跌落致右前臂骨裂，已治愈返园。',
          causes: { status: 'determined', text: '攀爬架护垫移位，教师站位不当' },
          nextSteps: '更换护垫，加强看护培训',
        },
      );
      assert.equal(final.stage, 'final');
      const r = await reporting();
      assert.equal(
        r.duties.find((d: { kind: string; seq: number }) => d.kind === 'follow_up' && d.seq === 3).state,
        'cancelled',
      );
      assert.deepEqual((await board()).latest, { stage: 'final', seq: 1, reception: 'received', classCode: '20600' });
      const refused = await safety.post(
        `/api/v1/incidents/${incidentId}/reports`,
        { stage: 'follow_up' },
        { 'accept-language': 'en' },
      );
      assert.equal(refused.statusCode, 409);
      assert.deepEqual(
        refused.json().errors.map((e: { field: string }) => e.field),
        ['stage'],
      );
    });

    it('an injury count changed after the final report opens a 补报 with its deadline and a reminder', async () => {
      await at(local(16, '11:00'));
      const before = (await reporting()).casualties.current;
      assert.equal(before.pupils.injured, 1);
      const r = await ok(
        safety.post(`/api/v1/incidents/${incidentId}/casualties`, {
          casualties: { ...before, pupils: { dead: 0, injured: 2, missing: 0 } },
          note: '经复查，另一名幼儿当时亦受轻伤。',
        }),
      );
      const supplement = r.reports.find((x: { stage: string }) => x.stage === 'supplement');
      assert.deepEqual([supplement.seq, supplement.state], [1, 'draft']);
      const duty = r.duties.find((d: { kind: string }) => d.kind === 'supplement');
      assert.equal(duty.dueAt, minutes(30 * 24 * 60).toISOString(), '30 days from the incident');
      const view = await ok(safety.get(`/api/v1/incident-reports/${supplement.id}`));
      assert.equal(view.versions[0].content.casualties.pupils.injured, 2);
      await at(new Date(Date.parse(duty.dueAt) - 24 * 3_600_000));
      assert.ok((await kinds(safety)).includes('report.reminder'), 'reminded a day before');
      assert.ok(!(await reporting()).duties.find((d: { kind: string }) => d.kind === 'supplement').late);
    });

    it('each stage exports as its form, the whole history as one archive document, the class into CAP', async () => {
      const head1 = (
        await t.c.db.selectFrom('people').select('name').where('id', '=', head.me.personId).executeTakeFirstOrThrow()
      ).name;
      const form = async (version: number) => {
        const res = await central.get(`/api/v1/incident-reports/${firstId}/report.docx?version=${version}`);
        assert.equal(res.statusCode, 200, res.body);
        return docxText(res.rawPayload);
      };
      const [v1, v2] = [await form(1), await form(2)];
      for (const text of [v1, v2])
        for (const part of [
          '签发人：',
          head1,
          '突发事件信息报送单',
          '（首报）',
          '意外伤害事故（20600）',
          'Ⅳ级（一般）',
          '班主任现场发现',
        ])
          assert.ok(text.includes(part), part);
      assert.ok(!v1.includes('骨裂') && v2.includes('骨裂'), 'each version as it was sent');
      const missing = await central.get(`/api/v1/incident-reports/${firstId}/report.docx?version=9`, {
        'accept-language': 'en',
      });
      assert.deepEqual([missing.statusCode, missing.json().errors[0].field], [422, 'version']);
      const archive = await bureau.get(`/api/v1/incidents/${incidentId}/reports.docx`);
      assert.equal(archive.statusCode, 200);
      const text = docxText(archive.rawPayload);
      for (const part of [
        '信息报送记录',
        '口头报告',
        '首报（城关镇中心幼儿园 → 青山县城关镇中心学校）',
        '首报（青山县城关镇中心学校 → 青山县教育局）',
        '续报一',
        '续报二',
        '终报',
        '补报一',
        '退回补充',
        '请补充家长通知情况和就医结果',
      ]) {
        assert.ok(text.includes(part), `${part} is in the archive`);
      }
      const cap = await bureau.get(`/api/v1/incidents/${incidentId}/cap.xml`);
      assert.match(cap.body, /<value>20600<\/value>/);
    });
  });
}
