import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Incident } from '../../common/schemas/incidents.js';
import { capTime, incidentToCap } from './cap.js';

const SCHEMA = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'cap', 'CAP-v1.2.xsd');

function xmllint(xml: string): { code: number | null; out: string } {
  const probe = spawnSync('xmllint', ['--version']);
  if (probe.error) throw new Error('xmllint is missing: apt-get install -y libxml2-utils');
  const file = join(mkdtempSync(join(tmpdir(), 'cap-')), 'alert.xml');
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8' });
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

const incident: Incident = {
  id: '01a22645-2161-7a23-a68b-b69da035d477',
  unitId: '01a22645-2161-7a23-a68b-b69da035d478',
  unitName: '城关镇中心幼儿园',
  unitLanguage: 'zh-CN',
  type: 'fire',
  severity: 3,
  place: '厨房 & 餐厅 <一楼>',
  description: '油锅起火，已扑灭。',
  occurredAt: '2027-04-12T00:55:00.000Z',
  reportedAt: '2027-04-12T01:00:00.000Z',
  reporter: '李老师',
  status: 'acknowledged',
  drill: false,
  closedAt: null,
  steps: [],
  flags: [],
  events: [],
  afterAction: null,
  photos: [],
};

describe('CAP 1.2 export', () => {
  it('writes times with an explicit offset and whole seconds', () => {
    assert.equal(capTime('2027-04-12T01:00:00.123Z', 'Asia/Shanghai'), '2027-04-12T09:00:00+08:00');
  });

  it('is valid against the OASIS schema, escapes text, and maps severity and drills', () => {
    const xml = incidentToCap(incident, {
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
      link: 'https://steady.example/incidents/x',
    });
    const result = xmllint(xml);
    assert.equal(result.code, 0, result.out);
    assert.match(xml, /<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">/);
    assert.match(xml, /<severity>Moderate<\/severity>/);
    assert.match(xml, /<status>Actual<\/status>/);
    assert.match(xml, /<areaDesc>城关镇中心幼儿园 厨房 &amp; 餐厅 &lt;一楼&gt;<\/areaDesc>/);
    const drill = incidentToCap(
      { ...incident, drill: true, severity: 1, status: 'closed' },
      { locale: 'en', timeZone: 'Europe/Berlin' },
    );
    assert.equal(xmllint(drill).code, 0);
    assert.match(drill, /<status>Exercise<\/status>/);
    assert.match(drill, /<urgency>Past<\/urgency>/);
    assert.match(drill, /<severity>Extreme<\/severity>/);
  });

  it('names the coded class as an event code and takes its CAP category; a report’s own class wins', () => {
    const xml = incidentToCap(incident, { locale: 'zh-CN', timeZone: 'Asia/Shanghai' });
    assert.match(xml, /<category>Fire<\/category>/);
    assert.match(xml, /<certainty>Observed<\/certainty>\s*<eventCode>\s*<valueName>steady-incident-class<\/valueName>/);
    assert.match(xml, /<value>20100<\/value>\s*<\/eventCode>/);
    const options = { locale: 'en' as const, timeZone: 'Asia/Shanghai', classCode: '20500' };
    const drowning = incidentToCap({ ...incident, type: 'injury' }, options);
    assert.equal(xmllint(drowning).code, 0);
    assert.match(drowning, /<category>Safety<\/category>/);
    assert.match(drowning, /<value>20500<\/value>/);
  });

  it('the schema check itself bites: a broken alert is refused', () => {
    const broken = incidentToCap(incident, { locale: 'zh-CN', timeZone: 'Asia/Shanghai' }).replace(
      '<status>Actual</status>',
      '<status>Bogus</status>',
    );
    assert.notEqual(xmllint(broken).code, 0);
  });
});
