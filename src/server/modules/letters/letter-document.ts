import { DateTime } from 'luxon';
import type { Locale } from '../../../common/locale.js';
import type { Letter } from '../../../common/schemas/letters.js';
import { renderOfficialDocx } from '../../exports/docx/official-document.js';
import { fillIn, letterTemplate } from './letter-templates.js';

const WORDS = {
  'zh-CN': {
    signatures: '签署',
    side: '签署方',
    unit: '单位',
    by: '签署人',
    at: '签署时间',
    issuer: '甲方（发出方）',
    recipient: '乙方（责任方）',
    unsigned: '未签署',
    due: '签订期限：{due}',
    version: '第 {version} 版（依据预案第 {plan} 版）',
    late: '逾期',
  },
  en: {
    signatures: 'Signatures',
    side: 'Side',
    unit: 'Unit',
    by: 'Signed by',
    at: 'Signed at',
    issuer: 'Issuing side',
    recipient: 'Responsible side',
    unsigned: 'Not signed',
    due: 'To be signed by {due}',
    version: 'Version {version} (from version {plan} of the plan)',
    late: 'late',
  },
};

/**
 * A letter as an official document: preamble, the plan's duties, the targets, and a signature block with sign-off
 * times.
 */
export async function letterDocx(letter: Letter, locale: Locale, zone: string): Promise<Buffer> {
  const w = WORDS[locale];
  const t = letterTemplate(letter.template);
  const fmt = (iso: string | null) =>
    iso ? DateTime.fromISO(iso).setZone(zone).toFormat('yyyy-MM-dd HH:mm') : w.unsigned;
  const vars = {
    issuer: letter.issuerUnitName,
    unit: letter.unitName,
    person: letter.recipientName ?? letter.unitName,
  };
  const late = (iso: string | null) => (iso && iso > letter.signDueAt ? `（${w.late}）` : '');
  return renderOfficialDocx({
    locale,
    title: letter.title,
    issuer: letter.issuerUnitName,
    dateText: letter.issuerSignedAt
      ? DateTime.fromISO(letter.issuerSignedAt)
          .setZone(zone)
          .setLocale(locale === 'en' ? 'en-GB' : 'zh-CN')
          .toLocaleString(DateTime.DATE_FULL)
      : fmt(null),
    subtitle:
      `${fillIn(w.version, { version: String(letter.version), plan: String(letter.planVersion ?? '—') })} ` +
      `· ${fillIn(w.due, { due: fmt(letter.signDueAt) })}`,
    sections: [
      {
        heading: t.dutiesHeading[locale],
        level: 1,
        paragraphs: t.preamble[locale].map((p) => fillIn(p, vars)),
        children: letter.duties.map((d) => ({ heading: d.title, level: 2 as const, paragraphs: [d.text] })),
      },
      { heading: t.undertakingsHeading[locale], level: 1, paragraphs: t.undertakings[locale] },
      {
        heading: w.signatures,
        level: 1,
        paragraphs: [],
        table: {
          columns: [w.side, w.unit, w.by, w.at],
          widths: [2, 3, 2, 3],
          rows: [
            [
              w.issuer,
              letter.issuerUnitName,
              letter.issuerSignedBy ?? '',
              `${fmt(letter.issuerSignedAt)}${late(letter.issuerSignedAt)}`,
            ],
            [
              w.recipient,
              letter.recipientName ? `${letter.unitName} · ${letter.recipientName}` : letter.unitName,
              letter.recipientSignedBy ?? '',
              `${fmt(letter.recipientSignedAt)}${late(letter.recipientSignedAt)}`,
            ],
          ],
        },
      },
    ],
  });
}
