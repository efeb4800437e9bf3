import type { Selectable } from 'kysely';

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
  sign_in_failures: SignInFailureTable;
}

export type SignInFailureRow = Selectable<SignInFailureTable>;
