import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PlanContent } from '../../common/schemas/plan-content.js';
import { TEMPLATE_IDS } from '../../common/schemas/plans.js';
import { listPlanTemplates, loadPlanTemplate } from './plan-templates.js';

/** The parts of a plan that drive Steady, which both translations must share exactly. */
function skeleton(content: PlanContent) {
  return {
    duties: content.duties.length,
    procedures: content.procedures.map((p) => ({
      type: p.incidentType,
      steps: p.steps.map((s) => [s.role, s.withinMinutes]),
    })),
    chain: content.reportingChain.map(({ kind, target, role, deadlineMinutes }) => ({
      kind,
      target,
      role,
      deadlineMinutes,
    })),
    duty: content.duty,
    dailyReport: content.dailyReport,
    drills: content.drills,
    visitorRetentionDays: content.visitorRetentionDays,
    leaveApprovalRequired: content.leaveApprovalRequired,
    paragraphs: (['purpose', 'basis', 'scope', 'principles', 'discipline', 'accountability'] as const).map(
      (k) => content[k].split('\n').length,
    ),
  };
}

const PLACEHOLDER = { 'zh-CN': /【待填写：[^】]+】/g, en: /\[To fill in: [^\]]+\]/g };

describe('plan templates', () => {
  it('loads every template, with an id matching its file', () => {
    assert.deepEqual(
      listPlanTemplates().map((t) => t.id),
      [...TEMPLATE_IDS],
    );
  });

  for (const id of TEMPLATE_IDS) {
    describe(id, () => {
      const template = loadPlanTemplate(id);

      it('parses as PlanContent in both locales, with the leadership left for the server to fill', () => {
        for (const locale of ['zh-CN', 'en'] as const) {
          const content = PlanContent.parse(template.content[locale]);
          assert.equal(content.leadership.leaderId, null);
          assert.deepEqual(content.leadership.deputyIds, []);
          assert.ok(
            content.purpose && content.basis && content.scope && content.principles,
            `${locale}: general provisions written`,
          );
          assert.ok(content.discipline && content.accountability, `${locale}: discipline and accountability written`);
          assert.ok(
            content.procedures.every((p) => p.steps.length >= 3),
            `${locale}: every procedure has steps`,
          );
        }
      });

      it('says the same thing in zh-CN and English', () => {
        assert.deepEqual(skeleton(template.content.en), skeleton(template.content['zh-CN']));
        const blanks = (locale: 'zh-CN' | 'en') =>
          JSON.stringify(template.content[locale]).match(PLACEHOLDER[locale])?.length ?? 0;
        assert.equal(blanks('en'), blanks('zh-CN'), 'the same blanks to fill in');
        assert.ok(!/[\u4e00-\u9fff]/.test(JSON.stringify(template.content.en)), 'no Chinese left in the English text');
        assert.match(template.title['zh-CN'], /\{unit\}/);
        assert.match(template.title.en, /\{unit\}/);
      });

      it('cites the 2024 Emergency Response Law and forbids late, false, concealed or missing reports', () => {
        const zh = template.content['zh-CN'];
        assert.match(zh.basis, /《中华人民共和国突发事件应对法》（2024年修订）/);
        assert.match(zh.principles, /迟报、谎报、瞒报、漏报/);
        assert.match(
          template.content.en.basis,
          /Emergency Response Law of the People's Republic of China \(revised 2024\)/,
        );
        assert.match(zh.accountability, /无论是否造成后果/);
      });
    });
  }

  const givesKindergartenChainHead =
    'gives the kindergarten chain: the head within 10 minutes, ' +
    'the unit above copied, the education bureau within 2 hours';
  it(givesKindergartenChainHead, () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const chain = loadPlanTemplate('kindergarten').content[locale].reportingChain;
      assert.deepEqual(
        chain.map(({ kind, target, unitType, role, deadlineMinutes }) => ({
          kind,
          target,
          unitType,
          role,
          deadlineMinutes,
        })),
        [
          { kind: 'notify', target: 'unit', unitType: undefined, role: 'accountable_head', deadlineMinutes: 10 },
          { kind: 'notify', target: 'parent', unitType: undefined, role: 'supervisor', deadlineMinutes: 60 },
          { kind: 'report', target: 'nearest', unitType: 'education_bureau', role: 'supervisor', deadlineMinutes: 120 },
        ],
      );
    }
  });

  it('reports a community incident to the street office within an hour', () => {
    const chain = loadPlanTemplate('community').content['zh-CN'].reportingChain;
    assert.deepEqual(
      chain.map((s) => [s.target, s.deadlineMinutes]),
      [
        ['unit', 10],
        ['parent', 60],
      ],
    );
  });

  const speaksCommunitySpecialPeriod =
    "speaks to a community's special period of residents and the street " +
    'office, not of teachers, students or education authorities';
  it(speaksCommunitySpecialPeriod, () => {
    const community = loadPlanTemplate('special_period_community');
    assert.deepEqual(community.unitTypes, ['community']);
    const zh = JSON.stringify(community.content['zh-CN']);
    const en = JSON.stringify(community.content.en);
    for (const word of ['师生', '学生', '教育行政部门', '班主任', '返校', '开学'])
      assert.ok(!zh.includes(word), `no "${word}"`);
    for (const word of [/student/i, /teacher/i, /school/i, /education/i, /classes start/i])
      assert.doesNotMatch(en, word);
    assert.match(community.content['zh-CN'].purpose, /辖区居民生命财产安全/);
    assert.match(community.content['zh-CN'].basis, /街道办事处和上级主管部门/);
    assert.match(community.content.en.basis, /street office and the supervising authority/);
    const roles = community.content['zh-CN'].procedures.flatMap((p) => p.steps.map((s) => s.role));
    assert.ok(!roles.includes('class_teacher') && !roles.includes('gatekeeper'), 'no school posts in the procedures');
  });

  it('requires the daily report by 15:00 and approved leave only in the special period', () => {
    for (const t of listPlanTemplates()) {
      const { dailyReport, leaveApprovalRequired } = t.content['zh-CN'];
      const special = t.kind === 'special_period';
      assert.equal(dailyReport.required, special, t.id);
      assert.equal(leaveApprovalRequired, special, t.id);
      if (special) assert.equal(dailyReport.deadline, '15:00');
      assert.equal(t.period !== undefined, special, `${t.id}: only a special period names its period`);
    }
  });

  it('sets campus duty after GB/T 29315: gate staffed 24 hours, 5 patrols a day, 2 unannounced at night', () => {
    for (const id of ['school', 'kindergarten'] as const) {
      const { duty, visitorRetentionDays } = loadPlanTemplate(id).content['zh-CN'];
      assert.equal(duty.gateStaffed24h, true);
      assert.equal(duty.minPatrolsPerDay, 5);
      assert.equal(duty.minUnannouncedPatrols, 2);
      assert.deepEqual(duty.patrolWindow, { start: '22:00', end: '06:00' });
      assert.equal(visitorRetentionDays, 180);
    }
    assert.equal(loadPlanTemplate('community').content['zh-CN'].visitorRetentionDays, 90);
  });

  it('plans drills often enough: schools monthly, kindergartens at least quarterly', () => {
    const perTerm = (id: 'school' | 'kindergarten') =>
      loadPlanTemplate(id).content['zh-CN'].drills.reduce((n, d) => n + d.perTerm, 0);
    assert.ok(perTerm('school') >= 4);
    assert.ok(perTerm('kindergarten') >= 2);
  });

  it('hands each caller its own copy, so filling in a plan cannot change the template', () => {
    loadPlanTemplate('school').content['zh-CN'].leadership.leaderId = '00000000-0000-4000-8000-000000000001';
    assert.equal(loadPlanTemplate('school').content['zh-CN'].leadership.leaderId, null);
  });
});
