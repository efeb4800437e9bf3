import type { Selectable } from 'kysely';
import type { TokenAccess } from '../../../common/schemas/auth.js';

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
  /** `read` (GET only) or `write`. */
  access: TokenAccess;
  /** JSON array of the modules (OpenAPI tags) the token may use; null for all. */
  modules_json: string | null;
  expires_at: string | null;
}

/** One failed sign-in: kept for the limit's window, so every instance counts the same failures. */
export interface SignInFailureTable {
  id: string;
  /** The client's address as the server sees it (behind a proxy: X-Forwarded-For when trusted). */
  address: string;
  /** Lower-cased as typed, whether or not such an account exists. */
  username: string;
  failed_at: string;
}

export interface AuthTables {
  accounts: AccountTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  sign_in_failures: SignInFailureTable;
}

export type AccountRow = Selectable<AccountTable>;
export type SessionRow = Selectable<SessionTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type SignInFailureRow = Selectable<SignInFailureTable>;
