import type { Letter } from '../../../common/schemas/letters.js';
import type { LetterWithUnits } from './letters.repository.js';
import type { LetterRow } from './letters.table.js';

export interface LetterExtras {
  names: Map<string, string>;
  canSign: Letter['canSign'];
  versions: LetterRow[];
}

const nameOf = (names: Map<string, string>, id: string | null) => (id ? (names.get(id) ?? null) : null);

/** The fields of a letter that leave the server. */
export function presentLetter(l: LetterWithUnits, x: LetterExtras): Letter {
  return {
    id: l.id,
    seriesId: l.series_id,
    version: l.version,
    template: l.template_id as Letter['template'],
    title: l.title,
    periodLabel: l.period_label,
    issuerUnitId: l.issuer_unit_id,
    issuerUnitName: l.issuer_unit_name,
    unitId: l.unit_id,
    unitName: l.unit_name,
    timeZone: l.unit_time_zone,
    language: l.locale === 'en' ? 'en' : 'zh-CN',
    role: l.role,
    recipientPersonId: l.recipient_person_id,
    recipientName: nameOf(x.names, l.recipient_person_id),
    duties: JSON.parse(l.duties_json) as Letter['duties'],
    planVersion: l.plan_version,
    status: l.status,
    signDueAt: l.sign_due_at,
    issuerSignedAt: l.issuer_signed_at,
    issuerSignedBy: nameOf(x.names, l.issuer_signed_by_person_id),
    recipientSignedAt: l.recipient_signed_at,
    recipientSignedBy: nameOf(x.names, l.recipient_signed_by_person_id),
    late: l.marked_late_at !== null,
    reminders: l.reminders,
    canSign: x.canSign,
    createdAt: l.created_at,
    supersededAt: l.superseded_at,
    versions: x.versions.map((v) => ({
      id: v.id,
      version: v.version,
      status: v.status,
      createdAt: v.created_at,
    })),
  };
}

export const personIdsOf = (l: LetterRow) =>
  [l.recipient_person_id, l.issuer_signed_by_person_id, l.recipient_signed_by_person_id].filter(
    (x): x is string => x !== null,
  );
