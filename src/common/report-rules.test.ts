import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CLASS, INCIDENT_CLASSES, classFor } from './incident-classes.js';
import { INCIDENT_TYPES } from './org.js';
import { casualtyTotals, diffContent, sameCasualties } from './report-diff.js';
import { missingFields, requiredFields } from './report-requirements.js';
import { stageName } from './report-stages.js';
import { ReportContent } from './schemas/incident-reports.js';
import { REPORT_STAGE_DEFAULTS, stricterStages } from './schemas/report-stage-rules.js';

describe('staged report rules', () => {
  it('the first report asks for facts, never a cause; the final report asks for the cause', () => {
    assert.ok(!requiredFields('first', 'injury', 4).includes('causes'));
    assert.ok(requiredFields('final', 'injury', 4).includes('causes'));
    const facts = ReportContent.parse({
      occurredAt: '2027-04-12T01:00:00Z',
      place: '操场',
      classCode: '20600',
      severity: 4,
      source: '发现',
      whatHappened: '摔倒',
      measures: '处置',
      reporterName: '王',
      reporterPhone: '1',
    });
    assert.deepEqual(missingFields(facts, 'first', 'injury', 4), []);
    assert.deepEqual(missingFields(facts, 'final', 'injury', 4), ['content.causes', 'content.nextSteps']);
    const investigating = {
      ...facts,
      nextSteps: '整改',
      causes: { status: 'under_investigation' as const, text: '公安机关调查中' },
    };
    assert.deepEqual(
      missingFields(investigating, 'final', 'injury', 4),
      [],
      'a final report may say the cause is under investigation, with who investigates',
    );
  });

  it('the type, the severity and the class a report names add what they need', () => {
    assert.deepEqual(requiredFields('first', 'food_safety', 4).slice(-2), ['affected', 'authoritiesInformed']);
    assert.ok(
      requiredFields('first', 'injury', 3).includes('leaderOnSite'),
      'severity Ⅲ and above names the leader on site',
    );
    assert.ok(!requiredFields('follow_up', 'fire', 1).includes('leaderOnSite'), 'a follow-up reports progress only');
    const reclassed = ReportContent.parse({ classCode: '20100', severity: 4 });
    assert.ok(
      requiredFields('first', 'injury', 4, reclassed).includes('authoritiesInformed'),
      'a report that names a fire is held to a fire’s fields',
    );
  });

  it('a cause stated as known needs its text at any stage', () => {
    const content = ReportContent.parse({ causes: { status: 'preliminary', text: ' ' } });
    assert.ok(missingFields(content, 'follow_up', 'injury', 4).includes('content.causes'));
  });

  it('lists what changed between versions, casualties cell by cell', () => {
    const a = ReportContent.parse({ measures: '送医' });
    const b = {
      ...a,
      measures: '送医，通知家长',
      casualties: { ...a.casualties, pupils: { dead: 0, injured: 2, missing: 0 } },
    };
    const changes = Object.fromEntries(diffContent(a, b).map((c) => [c.field, [c.before, c.after]]));
    assert.deepEqual(changes, { measures: ['送医', '送医，通知家长'], 'casualties.pupils.injured': ['0', '2'] });
    assert.deepEqual(diffContent(a, a), []);
    assert.deepEqual(casualtyTotals(b), { dead: 0, injured: 2, missing: 0 });
    assert.equal(sameCasualties(a.casualties, b.casualties), false);
  });

  it('numbers follow-ups and supplements in both languages', () => {
    assert.deepEqual(
      [stageName('follow_up', 2, 'zh-CN'), stageName('supplement', 11, 'zh-CN'), stageName('first', 1, 'zh-CN')],
      ['续报二', '补报十一', '首报'],
    );
    assert.equal(stageName('follow_up', 2, 'en'), 'Follow-up 2');
  });

  it('every incident type files under a class of its own type, each code once', () => {
    for (const type of INCIDENT_TYPES) assert.equal(classFor(null, type).type, type);
    assert.equal(new Set(INCIDENT_CLASSES.map((c) => c.code)).size, INCIDENT_CLASSES.length);
    assert.ok(
      Object.values(DEFAULT_CLASS).every((code) => /^[1-4]\d{4}$/.test(code)),
      'five digits, the first the GB/T 35561 class',
    );
  });

  it('a special period makes every time limit stricter, never looser', () => {
    const loose = { ...REPORT_STAGE_DEFAULTS, firstMinutes: 90, followUpTime: '17:00' };
    const strict = { ...REPORT_STAGE_DEFAULTS, firstMinutes: 45, verbalMinutes: 40 };
    const merged = stricterStages(loose, strict);
    assert.deepEqual([merged.firstMinutes, merged.verbalMinutes, merged.followUpTime], [45, 30, '16:00']);
  });
});
