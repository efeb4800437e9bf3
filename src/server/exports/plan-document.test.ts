import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OfficialSection } from './docx/outline.js';
import { chineseNumeral, markerFor, toBlocks } from './docx/outline.js';
import { planToOfficialDocument } from './plan-document.js';
import { formatLimit, formatMinutes } from './plan-labels.js';
import { escapeHtml, planToPrintHtml } from './plan-print.js';
import { samplePlanVersion } from './plan-sample.js';

const find = (sections: OfficialSection[], heading: string) => {
  const found = sections.find((s) => s.heading === heading);
  assert.ok(found, `section ${heading}`);
  return found;
};

describe('plan document structure', () => {
  it('numbers headings the GB/T 9704 way in Chinese and decimally in English', () => {
    assert.deepEqual([1, 2, 10, 12, 20, 21].map(chineseNumeral), ['一', '二', '十', '十二', '二十', '二十一']);
    assert.deepEqual(
      [[3], [1, 2], [1, 2, 3], [1, 2, 3, 4]].map((p) => markerFor(p, 'zh-CN')),
      ['三、', '（二）', '3.', '（4）'],
    );
    assert.deepEqual(
      [[3], [1, 2], [1, 2, 3], [1, 2, 3, 2]].map((p) => markerFor(p, 'en')),
      ['3.', '1.2', '1.2.3', '(b)'],
    );
  });

  it('writes times the way plans do', () => {
    assert.deepEqual(
      [10, 60, 120, 90, 1440].map((m) => formatMinutes(m, 'zh-CN')),
      ['10分钟', '1小时', '2小时', '1小时30分钟', '1天'],
    );
    assert.deepEqual(
      [1, 10, 120, 90].map((m) => formatMinutes(m, 'en')),
      ['1 minute', '10 minutes', '2 hours', '1 hour 30 minutes'],
    );
    assert.equal(formatLimit(0, 'zh-CN'), '立即');
    assert.equal(formatLimit(120, 'en'), 'within 2 hours');
  });

  it('maps a kindergarten plan into the nine standard parts, without a daily report when none is required', () => {
    const doc = planToOfficialDocument(samplePlanVersion('kindergarten', 'zh-CN'));
    assert.deepEqual(
      doc.sections.map((s) => s.heading),
      ['总则', '组织机构与职责', '报告程序', '应急处置', '值班与巡查', '应急演练', '工作纪律', '责任追究'],
    );
    assert.deepEqual(
      find(doc.sections, '总则').children?.map((s) => s.heading),
      ['指导思想', '编制依据', '适用范围', '工作原则'],
    );
    assert.equal(doc.issuer, '城关第一幼儿园');
    assert.equal(doc.dateText, '2025年1月6日');
  });

  it('prints the leadership group with names and phones, and a blank to fill where one is missing', () => {
    const doc = planToOfficialDocument(samplePlanVersion('kindergarten', 'zh-CN'));
    const group = find(find(doc.sections, '组织机构与职责').children ?? [], '领导小组');
    assert.deepEqual(group.table?.columns, ['职务', '姓名', '联系电话']);
    assert.deepEqual(group.table?.rows[0], ['组长', '王丽', '13800000001']);
    assert.deepEqual(group.table?.rows.at(-1), ['成员', '陈刚', '【待填写：电话】']);
  });

  it('phrases the reporting chain as whom to tell and by when', () => {
    const zh = find(planToOfficialDocument(samplePlanVersion('kindergarten', 'zh-CN')).sections, '报告程序').table;
    assert.deepEqual(
      zh?.rows.map((r) => r.slice(0, 3)),
      [
        ['1', '本单位第一责任人（园长）', '10分钟内'],
        ['2', '上级单位（中心学校或教育局）', '1小时内'],
        ['3', '上级教育局', '2小时内'],
      ],
    );
    const en = find(planToOfficialDocument(samplePlanVersion('kindergarten', 'en')).sections, 'Reporting').table;
    assert.deepEqual(
      en?.rows.map((r) => r.slice(1, 3)),
      [
        ["This unit's accountable head (kindergarten head)", 'within 10 minutes'],
        ['Parent unit (central school or education bureau)', 'within 1 hour'],
        ['The education bureau above', 'within 2 hours'],
      ],
    );
    const community = find(planToOfficialDocument(samplePlanVersion('community', 'zh-CN')).sections, '报告程序').table;
    assert.deepEqual(community?.rows[1]?.slice(1, 3), ['上级单位（街道办事处）', '1小时内']);
  });

  it('numbers procedure steps with who does them and by when', () => {
    const doc = planToOfficialDocument(samplePlanVersion('kindergarten', 'zh-CN'));
    const fire = find(find(doc.sections, '应急处置').children ?? [], '火灾事故');
    assert.match(fire.children?.[1]?.heading ?? '', /^报告园长.*（责任人：园长；时限：10分钟内）$/);
    const blocks = toBlocks(doc.sections, 'zh-CN');
    assert.ok(blocks.some((b) => b.kind === 'heading' && b.marker === '（一）' && b.text === '火灾事故'));
  });

  it('adds the period, the daily report and leave to a special-period plan', () => {
    const doc = planToOfficialDocument(samplePlanVersion('special_period', 'zh-CN'));
    assert.equal(doc.subtitle, '节假日及重大活动期间\n（2025年1月18日至2025年2月16日）');
    assert.match(
      find(doc.sections, '每日报告').paragraphs[0] ?? '',
      /^实行每日报告和零报告制度。每日15:00前向上级单位（教育局）报送/,
    );
    assert.ok(find(doc.sections, '值班与巡查').paragraphs.some((p) => p.includes('须事先请假')));
    assert.equal(doc.sections.length, 9);
  });

  it('marks a draft as such', () => {
    const plan = { ...samplePlanVersion('school', 'en'), status: 'draft' as const };
    assert.equal(planToOfficialDocument(plan).subtitle, '(Draft)');
  });
});

describe('plan print view', () => {
  it('is an A4 page with the GB/T 9704 margins and CJK font fallbacks', () => {
    const html = planToPrintHtml(samplePlanVersion('kindergarten', 'zh-CN'));
    assert.match(html, /@page \{ size: A4; margin: 37\.0mm 26\.0mm 35\.0mm 28\.0mm; \}/);
    assert.match(html, /FangSong, 'STFangsong', 'Noto Serif CJK SC'/);
    assert.match(html, /<html lang="zh-CN">/);
    assert.match(html, /<p class="h1"><span class="head">一、总则<\/span><\/p>/);
    assert.match(html, /counter\(page\)/);
    assert.doesNotMatch(html, /<script|<link|src=/, 'self-contained, nothing for the CSP to block');
  });

  it('escapes everything that comes from the plan', () => {
    assert.equal(escapeHtml(`<a href="x">&'`), '&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    const plan = samplePlanVersion('community', 'en');
    plan.unitName = '<script>alert(1)</script>';
    plan.content.discipline = 'Keep <b>calm</b> & carry on';
    const html = planToPrintHtml(plan);
    assert.ok(!html.includes('<script>') && !html.includes('<b>calm'));
    assert.ok(
      html.includes('&lt;script&gt;alert(1)&lt;/script&gt;') &&
        html.includes('Keep &lt;b&gt;calm&lt;/b&gt; &amp; carry on'),
    );
  });
});

describe('plan document: staged reports', () => {
  it('prints the plan’s time limits of the staged reports under the reporting chain', () => {
    const plan = samplePlanVersion('kindergarten', 'zh-CN');
    const reportStages = { ...plan.content.reportStages, firstMinutes: 45 };
    const doc = planToOfficialDocument({ ...plan, content: { ...plan.content, reportStages } });
    const text = JSON.stringify(doc.sections);
    assert.match(text, /信息报送时限：口头报告 30 分钟内，书面首报 45 分钟内/);
    const en = JSON.stringify(planToOfficialDocument(samplePlanVersion('kindergarten', 'en')).sections);
    assert.match(en, /re-reported within 30 days of the incident \(7 for road traffic and fire\)/);
  });
});
