import type { z } from 'zod';
import { CASE_CATEGORIES, type Case, type CaseStats, type PublicCaseStatus } from '../../../common/schemas/cases.js';
import type { CaseRow } from './cases.table.js';
import type { CaseWithUnit, stats } from './cases.repository.js';
import type { CaseDetail } from './cases.service.js';

type CaseView = z.infer<typeof Case>;
type CaseSummary = Omit<CaseView, 'parties' | 'sessions'>;

/** A case in a list: no parties, no sessions. */
export const presentCaseSummary = (c: CaseWithUnit): CaseSummary => ({
  id: c.id,
  number: c.number,
  unitId: c.unit_id,
  unitName: c.unit_name,
  category: c.category as CaseView['category'],
  issue: c.issue,
  ownerId: c.owner_person_id,
  ownerName: c.owner_name,
  status: c.status as CaseView['status'],
  outcome: c.outcome as CaseView['outcome'],
  agreementText: c.agreement_text,
  noAgreementReason: c.no_agreement_reason,
  followUpDate: c.follow_up_date,
  openedAt: c.opened_at,
  resolvedAt: c.resolved_at,
  closedAt: c.closed_at,
});

export const presentCasePage = (
  { rows, total }: { rows: CaseWithUnit[]; total: number },
  page: { page: number; pageSize: number },
) => ({ items: rows.map(presentCaseSummary), page: page.page, pageSize: page.pageSize, total });

/** One case with its parties and sessions. */
export const presentCase = ({ found, parties, sessions }: CaseDetail): CaseView => ({
  ...presentCaseSummary(found),
  parties: parties.map((p) => ({ name: p.name, contact: p.contact, raisedIt: p.raised_it === 1 })),
  sessions: sessions.map((s) => ({ id: s.id, at: s.at, mediator: s.mediator ?? '', notes: s.notes })),
});

/** Open, agreed and not agreed by category; the median days from opening to resolving, to a tenth. */
export function presentCaseStats({ rows, durations }: Awaited<ReturnType<typeof stats>>): z.infer<typeof CaseStats> {
  const days = durations
    .map((d) => (Date.parse(d.resolved_at!) - Date.parse(d.opened_at)) / 86_400_000)
    .sort((a, b) => a - b);
  const count = (category: string, pick: (row: (typeof rows)[number]) => boolean) =>
    rows.filter((x) => x.category === category && pick(x)).reduce((n, x) => n + Number(x.n), 0);
  return {
    byCategory: CASE_CATEGORIES.map((category) => ({
      category,
      open: count(category, (x) => x.state === 'open'),
      agreement: count(category, (x) => x.outcome === 'agreement'),
      noAgreement: count(category, (x) => x.outcome === 'no_agreement'),
    })),
    resolved: days.length,
    medianDaysToResolve: days.length ? Math.round(days[Math.floor((days.length - 1) / 2)]! * 10) / 10 : null,
  };
}

/** What the person who raised a case sees through its link: status and dates only. */
export const presentPublicStatus = (c: CaseRow): z.infer<typeof PublicCaseStatus> => ({
  number: c.number,
  status: c.status as CaseView['status'],
  openedAt: c.opened_at,
  lastActivityAt: c.last_activity_at,
  resolvedAt: c.resolved_at,
  followUpDate: c.follow_up_date,
});
