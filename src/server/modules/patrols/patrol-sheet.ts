import QRCode from 'qrcode';
import type { Locale } from '../../../common/locale.js';
import { escapeHtml } from '../../exports/plan-print.js';
import { translate } from '../../lib/messages.js';
import { checkInUrl } from './patrols.presenter.js';
import type { CheckpointRow } from './patrols.repository.js';

/*
 * The printable sheet of a unit's checkpoint QR codes: one standalone A4 page (six codes a page),
 * styles inline and the codes drawn as SVG on the server, so nothing is fetched when it prints.
 */

/** A QR code as inline SVG; medium error correction survives a scuffed or rain-spotted print. */
export const qrSvg = (text: string): Promise<string> =>
  QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 0 });

const STYLE =
  `
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Sans CJK SC", "Source Han Sans SC", ` +
  `"PingFang SC", "Microsoft YaHei", sans-serif; color: #000; }
header { display: flex; justify-content: space-between; align-items: baseline; margin: 0 0 4mm; }
h1 { font-size: 15pt; margin: 0; }
.note { font-size: 9pt; color: #444; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; }
.card { border: 0.6pt dashed #555; border-radius: 2mm; padding: 5mm; height: 80mm; display: flex; ` +
  `flex-direction: column; align-items: center; text-align: center; break-inside: avoid; }
.card .unit { font-size: 9pt; color: #444; }
.card .name { font-size: 16pt; font-weight: 700; margin: 1mm 0; }
.card .hint { font-size: 9pt; color: #333; min-height: 4mm; }
.card svg { width: 48mm; height: 48mm; margin: 2mm 0; }
.card .scan { font-size: 9pt; }
.empty { font-size: 11pt; color: #444; }
@media screen { body { background: #e8e8e8; padding: 12px; } main { background: #fff; ` +
  `max-width: 210mm; margin: 0 auto; padding: 12mm; box-shadow: 0 1px 6px rgba(0,0,0,.25); } }
@media print { .note { display: none; } }
`;

export async function checkpointSheetHtml(
  unitName: string,
  points: CheckpointRow[],
  baseUrl: string,
  locale: Locale,
): Promise<string> {
  const cards = await Promise.all(
    points.map(
      async (p) => `
    <section class="card">
      <div class="unit">${escapeHtml(unitName)}</div>
      <div class="name">${escapeHtml(p.name)}</div>
      <div class="hint">${escapeHtml(p.location_hint)}</div>
      ${await qrSvg(checkInUrl(baseUrl, p.code))}
      <div class="scan">${escapeHtml(translate(locale, 'patrol.sheetScan'))}</div>
    </section>`,
    ),
  );
  const title = translate(locale, 'patrol.sheetTitle', { unit: unitName });
  const content = points.length
    ? `<div class="grid">${cards.join('')}</div>`
    : `<p class="empty">${escapeHtml(translate(locale, 'patrol.sheetEmpty'))}</p>`;
  return (
    `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, ` +
    `initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>
<header><h1>${escapeHtml(title)}</h1><span class="note">` +
    `${escapeHtml(translate(locale, 'patrol.sheetPrint'))}</span></header>
${content}
</main></body>
</html>`
  );
}
