import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { PlanVersion } from '../../common/schemas/plans.js';
import { renderOfficialDocx } from './docx/official-document.js';
import { headingPrefix, markerFor } from './docx/outline.js';
import { planToOfficialDocument } from './plan-document.js';
import { samplePlanVersion } from './plan-sample.js';
import { convertToPdf, DOCX_TOOLS_INSTALL, requireTools, runTool, zipEntry } from '../../../test/helpers/docx.js';

/*
 * Renders plans to .docx, then has LibreOffice lay them out as PDF and poppler read them back:
 * the only way to know that a real word processor shows an A4 page of Chinese text, not boxes.
 */

/** The level-1 headings as printed: 一、总则 … or 1. General provisions … */
function levelOneHeadings(plan: PlanVersion): string[] {
  const doc = planToOfficialDocument(plan);
  return doc.sections.map((s, i) => headingPrefix(markerFor([i + 1], doc.locale), doc.locale) + s.heading);
}

const squash = (text: string) => text.replace(/\s+/g, '');

describe('plan .docx export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'steady-docx-'));
  const plans = { zh: samplePlanVersion('kindergarten', 'zh-CN'), en: samplePlanVersion('kindergarten', 'en') };
  const docx: Record<keyof typeof plans, Buffer> = { zh: Buffer.alloc(0), en: Buffer.alloc(0) };
  const pdf = (key: keyof typeof plans) => join(dir, `${key}.pdf`);

  before(async () => {
    requireTools('soffice', 'pdftotext', 'pdfinfo', 'pdffonts');
    for (const key of ['zh', 'en'] as const) {
      docx[key] = await renderOfficialDocx(planToOfficialDocument(plans[key]));
      writeFileSync(join(dir, `${key}.docx`), docx[key]);
    }
    // One LibreOffice start for both files.
    convertToPdf(dir, [join(dir, 'zh.docx'), join(dir, 'en.docx')]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the GB/T 9704 page and type settings into the document', () => {
    const xml = zipEntry(docx.zh, 'word/document.xml');
    assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/);
    const margins = xml.match(/<w:pgMar [^>]*>/)?.[0] ?? '';
    for (const [side, twips] of Object.entries({ top: 2098, bottom: 1984, left: 1587, right: 1474 })) {
      assert.match(margins, new RegExp(`w:${side}="${twips}"`), side);
    }
    assert.match(
      xml,
      /w:eastAsia="仿宋_GB2312"[^>]*\/>(?:<w:[a-zA-Z]+ [^>]*\/>)*<w:sz w:val="32"\/>/,
      'body in 三号仿宋',
    );
    assert.match(
      xml,
      /w:eastAsia="方正小标宋简体"[^>]*\/>(?:<w:[a-zA-Z]+ [^>]*\/>)*<w:sz w:val="44"\/>/,
      'title in 二号小标宋',
    );
    assert.match(xml, /w:eastAsia="黑体"/, 'level-1 headings in 黑体');
    assert.match(xml, /w:eastAsia="楷体_GB2312"/, 'level-2 headings in 楷体');
    assert.match(xml, /<w:spacing [^>]*w:line="580" w:lineRule="exact"/, 'a 22-line page');
    assert.match(xml, /<w:ind w:firstLine="640"\/>/, 'a two-character indent');
    assert.match(zipEntry(docx.zh, 'word/settings.xml'), /<w:evenAndOddHeaders\/>/);
    assert.match(zipEntry(docx.zh, 'word/fontTable.xml'), /<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
  });

  it('lays out on A4 paper', () => {
    for (const key of ['zh', 'en'] as const) {
      const size = runTool('pdfinfo', [pdf(key)]).match(/Page size:\s+([\d.]+) x ([\d.]+) pts/);
      assert.ok(size, `${key}: pdfinfo reports a page size`);
      assert.ok(Math.abs(Number(size[1]) - 595) <= 1 && Math.abs(Number(size[2]) - 842) <= 1, `${key}: ${size[0]}`);
    }
  });

  it('shows the Chinese title, every section heading and the body text', () => {
    const text = squash(runTool('pdftotext', ['-layout', pdf('zh'), '-']));
    assert.ok(text.includes(squash(plans.zh.title)), 'title');
    for (const heading of levelOneHeadings(plans.zh)) assert.ok(text.includes(squash(heading)), heading);
    assert.ok(
      text.includes('（一）指导思想') && text.includes('组长王丽13800000001'),
      'subsections and the leadership table',
    );
    assert.ok(text.includes('坚持人民至上、生命至上'), 'body text');
    assert.doesNotMatch(text, /[\uFFFD□]|\?\?/, 'no missing glyphs');
    assert.ok(text.includes('—1—') && text.includes('—2—'), 'page numbers');
  });

  it('embeds a CJK font for the Chinese text', () => {
    const fonts = runTool('pdffonts', [pdf('zh')])
      .split('\n')
      .slice(2);
    const cjk = fonts.filter((line) => /CJK|Han|Song|Hei|Kai|Fang|Ming|WenQuanYi|Droid/i.test(line));
    assert.ok(
      cjk.some((line) => / yes +yes /.test(line)),
      `no embedded CJK font (install fonts-noto-cjk: ${DOCX_TOOLS_INSTALL}):\n${fonts.join('\n')}`,
    );
  });

  it('sets the body, title and 楷体 headings in a serif face and the 黑体 headings in a sans, as GB/T 9704 asks', () => {
    // With the faces the document names aliased to Noto (test/fixtures/fontconfig), the serif face
    // can only appear if the body runs name a serif family: a document that named none, or named
    // 黑体 for the body, would print in the sans alone.
    const embedded = runTool('pdffonts', [pdf('zh')])
      .split('\n')
      .slice(2)
      .map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
    assert.ok(
      embedded.some((name) => /^NotoSerifCJK/.test(name)),
      `a serif CJK face is embedded: ${embedded.join(', ')}`,
    );
    assert.ok(
      embedded.some((name) => /^NotoSansCJK/.test(name)),
      `the 黑体 headings are in a sans: ${embedded.join(', ')}`,
    );
  });

  it('renders the English plan with its headings', () => {
    const text = runTool('pdftotext', [pdf('en'), '-']).replace(/\s+/g, ' ');
    assert.ok(text.includes(plans.en.title), 'title');
    for (const heading of levelOneHeadings(plans.en)) assert.ok(text.includes(heading), heading);
    assert.ok(text.includes('1.1 Purpose') && text.includes('Wang Li'), 'subsections and names');
  });
});
