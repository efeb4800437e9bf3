import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ReportContent, type IncidentReporting, type ReportView } from '../../common/schemas/incident-reports.js';
import { convertToPdf, requireTools, runTool, zipEntry } from '../../../test/helpers/docx.js';
import { renderOfficialDocx } from './docx/official-document.js';
import { reportArchive } from './incident-report-archive.js';
import { reportDocument } from './incident-report-document.js';

/*
 * The staged reports as Word documents: each stage's form and the archive of the whole reporting,
 * laid out by LibreOffice and read back, so that every field is known to be on the page.
 */

const content = ReportContent.parse({
  occurredAt: '2027-04-12T00:55:00.000Z',
  place: '户外活动区',
  classCode: '20600',
  severity: 4,
  source: '班主任现场发现',
  casualties: { pupils: { dead: 0, injured: 1, missing: 0 } },
  whatHappened: '一名幼儿从攀爬架跌落，右臂疼痛。',
  measures: '校医现场处置后送县医院',
  reporterName: '赵敏',
  reporterPhone: '13900000001',
  trend: '伤情稳定',
  nextSteps: '跟踪治疗',
});
const version = (n: number, over: Partial<ReportView['versions'][number]> = {}): ReportView['versions'][number] => ({
  version: n,
  content,
  editedBy: '赵敏',
  updatedAt: '2027-04-12T01:45:00.000Z',
  signedOffBy: '王丽',
  signedOffAs: 'head',
  signedOffAt: '2027-04-12T01:50:00.000Z',
  sentBy: '赵敏',
  sentAt: '2027-04-12T01:50:00.000Z',
  changes: [],
  ...over,
});
const first: ReportView = {
  id: '0190a000-0000-7000-8000-000000000001',
  incidentId: '0190a000-0000-7000-8000-000000000009',
  unitId: '0190a000-0000-7000-8000-000000000002',
  unitName: '城关镇中心幼儿园',
  toUnitId: '0190a000-0000-7000-8000-000000000003',
  toUnitName: '青山县城关镇中心学校',
  stage: 'first',
  seq: 1,
  state: 'sent',
  reception: 'accepted',
  version: 2,
  sentAt: '2027-04-12T02:10:00.000Z',
  dueAt: null,
  late: true,
  incident: {
    type: 'injury',
    severity: 4,
    place: '户外活动区',
    status: 'responding',
    occurredAt: '2027-04-12T00:55:00.000Z',
    unitName: '城关镇中心幼儿园',
  },
  versions: [
    version(1),
    version(2, {
      content: { ...content, measures: '校医现场处置后送县医院；已通知家长，诊断为右前臂骨裂。' },
      signedOffAt: '2027-04-12T02:10:00.000Z',
      sentAt: '2027-04-12T02:10:00.000Z',
      changes: [
        {
          field: 'measures',
          before: '校医现场处置后送县医院',
          after: '校医现场处置后送县医院；已通知家长，诊断为右前臂骨裂。',
        },
      ],
    }),
  ],
  exchanges: [
    {
      id: '0190a000-0000-7000-8000-00000000000a',
      kind: 'sent',
      version: 1,
      at: '2027-04-12T01:50:00.000Z',
      unitName: '城关镇中心幼儿园',
      personName: '赵敏',
      reason: null,
      dueAt: null,
    },
    {
      id: '0190a000-0000-7000-8000-00000000000b',
      kind: 'returned',
      version: 1,
      at: '2027-04-12T01:55:00.000Z',
      unitName: '青山县城关镇中心学校',
      personName: '孙强',
      reason: '请补充家长通知情况',
      dueAt: '2027-04-12T02:20:00.000Z',
    },
  ],
  duties: [],
  forwardedFrom: null,
  forwardedAs: null,
  missing: [],
  returnReason: null,
  can: { edit: false, submit: false, signOff: false, send: false, receive: false, forward: false },
};
const followUp: ReportView = {
  ...first,
  id: '0190a000-0000-7000-8000-000000000004',
  stage: 'follow_up',
  seq: 2,
  version: 1,
  versions: [
    version(1, {
      signedOffBy: 'Li Qiang',
      signedOffAs: 'acting_head',
      content: { ...content, place: 'Playground', whatHappened: 'The child is home and recovering.' },
    }),
  ],
  exchanges: [],
};
const reporting: IncidentReporting = {
  incidentId: first.incidentId,
  notApplicable: null,
  rules: {
    verbalMinutes: 30,
    firstMinutes: 60,
    followUpTime: '16:00',
    finalDays: 5,
    forwardMinutes: 120,
    supplementDays: 30,
    supplementDaysRoadOrFire: 7,
    supplementReminderHours: 24,
  },
  verbal: {
    id: first.id,
    toUnitName: '青山县城关镇中心学校',
    toWhom: '安全办孙主任',
    channel: 'phone',
    at: '2027-04-12T01:10:00.000Z',
    summary: '幼儿跌落，已送医',
    recordedBy: '王丽',
    recordedAt: '2027-04-12T01:10:00.000Z',
    late: false,
    chainStepId: null,
  },
  duties: [
    {
      id: first.id,
      kind: 'first',
      seq: 1,
      unitName: '城关镇中心幼儿园',
      dueAt: '2027-04-12T02:00:00.000Z',
      state: 'met',
      late: true,
      metAt: '2027-04-12T02:10:00.000Z',
      reportId: first.id,
    },
  ],
  reports: [],
  casualties: { current: content.casualties, changes: [] },
  mayStart: [],
  mayRecord: false,
};

const squash = (text: string) => text.replace(/\s+/g, '');

describe('staged report .docx export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'steady-report-docx-'));
  const files = {
    first: join(dir, 'first.docx'),
    followUp: join(dir, 'follow-up.docx'),
    archive: join(dir, 'archive.docx'),
  };
  const pdfText = (key: keyof typeof files) =>
    squash(runTool('pdftotext', [files[key].replace(/\.docx$/, '.pdf'), '-']));
  let firstDocx: Buffer;

  before(async () => {
    requireTools('soffice', 'pdftotext');
    firstDocx = await renderOfficialDocx(
      reportDocument(first, first.versions[1]!, { locale: 'zh-CN', timeZone: 'Asia/Shanghai' }),
    );
    writeFileSync(files.first, firstDocx);
    writeFileSync(
      files.followUp,
      await renderOfficialDocx(
        reportDocument(followUp, followUp.versions[0]!, { locale: 'en', timeZone: 'Asia/Shanghai' }),
      ),
    );
    const archive = reportArchive({
      reporting,
      reports: [first],
      incident: { unitName: '城关镇中心幼儿园', place: '户外活动区', occurredAt: content.occurredAt!, severity: 4 },
      typeName: '意外伤害事件',
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
      now: new Date('2027-04-20T02:00:00.000Z'),
    });
    writeFileSync(files.archive, await renderOfficialDocx(archive));
    convertToPdf(dir, Object.values(files));
  });
  after(() => (process.env.KEEP_DOCX ? undefined : rmSync(dir, { recursive: true, force: true })));

  it('lays the form out on the GB/T 9704 page with the sign-off line in 楷体', () => {
    const xml = zipEntry(firstDocx, 'word/document.xml');
    assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/);
    assert.match(
      xml,
      /签发人：<\/w:t>.*?w:eastAsia="楷体_GB2312".*?王丽<\/w:t>/s,
      'the signer’s name in 楷体 after 签发人：',
    );
  });

  it('the first report holds its fields, its class and level, and the sign-off line', () => {
    const text = pdfText('first');
    for (const expected of [
      '签发人：王丽',
      '突发事件信息报送单',
      '（首报）',
      '报送单位城关镇中心幼儿园',
      '接收单位青山县城关镇中心学校',
      '第2版',
      '意外伤害事故（20600）',
      'Ⅳ级（一般）',
      '2027年4月12日08:55',
      '信息来源班主任现场发现',
      '报告人及电话赵敏13900000001',
      '学生（幼儿）010',
      '合计010',
      '一名幼儿从攀爬架跌落',
      '（正在调查）',
      '已通知家长，诊断为右前臂骨裂',
      '伤情稳定',
      '跟踪治疗',
      '2027年4月12日',
    ])
      assert.ok(text.includes(squash(expected)), `${expected} is on the page:\n${text}`);
    assert.doesNotMatch(text, /[\uFFFD□]/, 'no missing glyphs');
  });

  it('an English follow-up names its number and the acting head who signed it', () => {
    const text = pdfText('followUp');
    for (const expected of [
      'Incident report form',
      '(Follow-up 2)',
      'Signed off by: Li Qiang (acting head)',
      'Progress',
      'The child is home and recovering.',
      'IV (general)',
    ]) {
      assert.ok(text.includes(squash(expected)), `${expected} is on the page:\n${text}`);
    }
  });

  it('the archive holds the deadlines, the verbal report, every version with its changes, and the exchange', () => {
    const text = pdfText('archive');
    for (const expected of [
      '城关镇中心幼儿园意外伤害事件信息报送记录',
      '报送时限执行情况',
      '已完成，迟报',
      '安全办孙主任',
      '首报（城关镇中心幼儿园→青山县城关镇中心学校）',
      '第1版',
      '第2版',
      '与上一版相比修改了：已采取的措施',
      '退回补充',
      '请补充家长通知情况',
      '2027年4月20日',
    ])
      assert.ok(text.includes(squash(expected)), `${expected} is in the archive:\n${text}`);
  });
});
