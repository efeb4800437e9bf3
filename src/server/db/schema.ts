import type { Insertable, Selectable, Updateable } from 'kysely';

/*
 * The tables as Kysely sees them. Timestamps are ISO-8601 UTC text; booleans are 0/1 integers;
 * JSON is text. Both databases store the same shapes, so one query code serves both.
 */

export interface UnitTable {
  id: string;
  parent_id: string | null;
  name: string;
  type: string;
  time_zone: string;
  locale: string;
  /** Ids from the root down to this unit, as `/id1/id2/`; a subtree is a prefix match. */
  path: string;
  depth: number;
  created_at: string;
  updated_at: string;
}

export interface PersonTable {
  id: string;
  /** The unit that registered this person; they stay visible there even without a role. */
  home_unit_id: string;
  name: string;
  phone: string | null;
  email: string | null;
  created_at: string;
  updated_at: string;
}

export interface MembershipTable {
  id: string;
  person_id: string;
  unit_id: string;
  role: string;
  created_at: string;
}

export interface AccountTable {
  id: string;
  person_id: string;
  username: string;
  password_hash: string;
  must_change_password: number;
  disabled_at: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie's secret: a copy of the table opens no sessions. */
  id: string;
  account_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokenTable {
  id: string;
  account_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_account_id: string | null;
  actor_label: string;
  action: string;
  entity: string;
  entity_id: string;
  unit_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

/** One row (id 1): the newest sequence number and hash, locked while appending. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface PlanTable {
  id: string;
  unit_id: string;
  kind: string;
  template: string;
  created_at: string;
  updated_at: string;
}

export interface PlanVersionTable {
  id: string;
  plan_id: string;
  version: number;
  status: string;
  title: string;
  locale: string;
  period_name: string | null;
  /** Local dates in the unit's time zone, both included; a special period only. */
  period_start: string | null;
  period_end: string | null;
  covers_sub_units: number;
  content_json: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  approved_by_person_id: string | null;
}

export interface DeadlineTable {
  id: string;
  /** What to do when due, e.g. `incident.step`; a handler is registered per kind. */
  kind: string;
  /** The record the deadline belongs to; one deadline per kind and record. */
  ref_id: string;
  unit_id: string | null;
  due_at: string;
  /** pending → fired, or cancelled when the thing it waited for happened. */
  state: string;
  attempts: number;
  last_error: string | null;
  fired_by: string | null;
  created_at: string;
  fired_at: string | null;
}

export interface Database {
  units: UnitTable;
  people: PersonTable;
  memberships: MembershipTable;
  accounts: AccountTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  plans: PlanTable;
  plan_versions: PlanVersionTable;
  deadlines: DeadlineTable;
}

export type UnitRow = Selectable<UnitTable>;
export type NewUnitRow = Insertable<UnitTable>;
export type UnitUpdate = Updateable<UnitTable>;
export type PersonRow = Selectable<PersonTable>;
export type MembershipRow = Selectable<MembershipTable>;
export type AccountRow = Selectable<AccountTable>;
export type SessionRow = Selectable<SessionTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type PlanRow = Selectable<PlanTable>;
export type PlanVersionRow = Selectable<PlanVersionTable>;
export type DeadlineRow = Selectable<DeadlineTable>;
