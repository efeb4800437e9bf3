import type { Selectable } from 'kysely';
import type { CaseCategory, CaseOutcome, CaseStatus } from '../../../common/schemas/cases.js';

export interface CaseTable {
  id: string;
  unit_id: string;
  /** What the person who raised it quotes: `<year>-<seq>` per database, e.g. 2027-0042. */
  number: string;
  category: CaseCategory;
  issue: string;
  owner_person_id: string;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  agreement_text: string | null;
  no_agreement_reason: string | null;
  follow_up_date: string | null;
  /** SHA-256 of the private link's token; the token itself is shown once. */
  public_token_hash: string | null;
  public_token_expires_at: string | null;
  opened_at: string;
  last_activity_at: string;
  resolved_at: string | null;
  closed_at: string | null;
}

export interface CasePartyTable {
  id: string;
  case_id: string;
  name: string;
  contact: string;
  raised_it: number;
}

export interface CaseSessionTable {
  id: string;
  case_id: string;
  at: string;
  mediator_person_id: string | null;
  notes: string;
}

export interface CaseTables {
  cases: CaseTable;
  case_parties: CasePartyTable;
  case_sessions: CaseSessionTable;
}

export type CaseRow = Selectable<CaseTable>;
