import type { PlanVersion } from '../../common/schemas/plans.js';
import { headingPrefix, toBlocks } from './docx/outline.js';
import type { Block, OfficialDocument, OfficialTable } from './docx/outline.js';
import { PAGE, TYPOGRAPHY } from './docx/typography.js';
import type { FontSpec, Typography } from './docx/typography.js';
import { planToOfficialDocument } from './plan-document.js';

/*
 * The print view: one standalone HTML page that prints on A4 the way the .docx does. It is built
 * from the same OfficialDocument, carries its styles inline (the route's CSP allows nothing else)
 * and needs no script.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

const mm = (twips: number) => `${(twips / 56.6929).toFixed(1)}mm`;
const pt = (twips: number) => `${twips / 20}pt`;
const font = (f: FontSpec) =>
  `font-family: ${f.css}; font-size: ${f.halfPoints / 2}pt; font-weight: ${f.bold ? 700 : 400};`;

function stylesheet(t: Typography): string {
  const m = PAGE.margin;
  const pageMargin = `${mm(m.top)} ${mm(m.right)} ${mm(m.bottom)} ${mm(m.left)}`;
  const pageNumber = `content: "— " counter(page) " —"; ${font(t.pageNumber)} vertical-align: top; padding-top: 7mm;`;
  return (
    `
@page { size: A4; margin: ${pageMargin}; }
@page :right { @bottom-right { ${pageNumber} padding-right: 1em; } }
@page :left { @bottom-left { ${pageNumber} padding-left: 1em; } }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; ${font(t.body)} line-height: ${pt(t.lineTwips)}; }
.sheet { width: ${mm(PAGE.width)}; min-height: ${mm(PAGE.height)}; ` +
    `margin: 0 auto; padding: ${pageMargin}; background: #fff; }
p { margin: 0 0 ${pt(t.paragraphAfter)}; text-indent: ${pt(t.firstLineIndent)}; text-align: justify; }
.title { margin: 0; ${font(t.title)} line-height: ${pt(Math.max(t.lineTwips, t.title.halfPoints * 15))}; ` +
    `text-align: center; text-indent: 0; }
.subtitle { ${font(t.subtitle)} text-align: center; text-indent: 0; }
.title-end { height: ${pt(t.lineTwips)}; }
.h1 { ${font(t.headings[1])} break-after: avoid; }
.h2 { ${font(t.headings[2])} break-after: avoid; }
.h3 .head { ${font(t.headings[3])} }
.h4 .head { ${font(t.headings[4])} }
table { width: 100%; border-collapse: collapse; ` +
    `margin: 4pt 0 ${pt(t.lineTwips / 2)}; line-height: ${pt(t.tableLineTwips)}; }
th, td { border: 0.5pt solid #000; padding: 2pt 5pt; vertical-align: middle; text-align: left; }
th { ${font(t.tableHeader)} text-align: center; }
td { ${font(t.table)} }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.signature { margin-top: ${pt(t.lineTwips * 2)}; break-inside: avoid; break-before: avoid; }
.signature p { text-indent: 0; text-align: right; }
@media screen { body { background: #e8e8e8; padding: 12px 0; } ` +
    `.sheet { box-shadow: 0 1px 6px rgba(0, 0, 0, 0.25); } }
@media print { .sheet { width: auto; min-height: 0; padding: 0; } }
`
  );
}

function tableHtml(table: OfficialTable): string {
  const weights = table.columns.map((_, i) => table.widths?.[i] ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const cols = weights.map((w) => `<col style="width:${((100 * w) / total).toFixed(1)}%">`).join('');
  const head = table.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const cell = (text: string) => `<td>${escapeHtml(text).replace(/\n/g, '<br>')}</td>`;
  const rows = (table.rows.length ? table.rows : [table.columns.map(() => '—')])
    .map((row) => `<tr>${table.columns.map((_, i) => cell(row[i] ?? '')).join('')}</tr>`)
    .join('\n');
  return `<table><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

function blockHtml(block: Block, doc: OfficialDocument): string {
  if (block.kind === 'table') return tableHtml(block.table);
  if (block.kind === 'paragraph') return `<p>${escapeHtml(block.text)}</p>`;
  const head = escapeHtml(headingPrefix(block.marker, doc.locale) + block.text);
  if (block.level >= 3 && !block.runIn) return `<p class="item">${head}</p>`;
  const runIn = block.runIn ? escapeHtml(block.runIn) : '';
  return `<p class="h${block.level}"><span class="head">${head}</span>${runIn}</p>`;
}

/** Any OfficialDocument as a standalone A4 page; the print view of a plan is one of them. */
export function renderOfficialHtml(doc: OfficialDocument): string {
  const t = TYPOGRAPHY[doc.locale];
  const subtitle = (doc.subtitle ?? '')
    .split('\n')
    .filter(Boolean)
    .map((line) => `<p class="subtitle">${escapeHtml(line)}</p>`);
  const body = toBlocks(doc.sections, doc.locale).map((block) => blockHtml(block, doc));
  const dateIndent = `${t.dateIndentChars}em`;
  return (
    `<!doctype html>
<html lang="${doc.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${stylesheet(t)}</style>
</head>
<body>
<main class="sheet">
<h1 class="title">${escapeHtml(doc.title)}</h1>
${subtitle.join('\n')}
<div class="title-end"></div>
${body.join('\n')}
<div class="signature">
<p style="margin-right:${dateIndent}; display:table; margin-left:auto; ` +
    `text-align:center">${escapeHtml(doc.issuer)}<br>${escapeHtml(doc.dateText)}</p>
</div>
</main>
</body>
</html>
`
  );
}

export function planToPrintHtml(plan: PlanVersion): string {
  return renderOfficialHtml(planToOfficialDocument(plan));
}
