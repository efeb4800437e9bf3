import type { Selectable } from 'kysely';
import type { Role } from '../../../common/org.js';

export interface PersonTable {
  id: string;
  /** The unit that registered this person; they stay visible there even without a role. */
  home_unit_id: string;
  name: string;
  phone: string | null;
  email: string | null;
  /** The language this person is written to in: zh-CN, en, or null for their unit's. */
  language: string | null;
  created_at: string;
  updated_at: string;
}

export interface MembershipTable {
  id: string;
  person_id: string;
  unit_id: string;
  role: Role;
  created_at: string;
}

export interface PeopleTables {
  people: PersonTable;
  memberships: MembershipTable;
}

export type PersonRow = Selectable<PersonTable>;
export type MembershipRow = Selectable<MembershipTable>;
