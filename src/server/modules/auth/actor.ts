import type { Locale } from '../../../common/locale.js';
import type { Role } from '../../../common/org.js';

/** A unit where the actor holds roles; the actor may see it and everything below it. */
export interface Scope {
  unitId: string;
  path: string;
  roles: Role[];
}

/** A signed-in person acting through an account (session or API token). */
export interface AccountActor {
  kind: 'account';
  accountId: string;
  personId: string;
  username: string;
  scopes: Scope[];
  locale: Locale;
  /** Set when acting through an API token: what the token may reach. */
  token?: TokenScope;
}

/** An API token's reach: reads only or also changes, and all modules or the ones named. */
export interface TokenScope {
  access: 'read' | 'write';
  modules: string[] | null;
}

/** Steady itself or an operator at the command line: not limited to a subtree. */
export interface SystemActor {
  kind: 'system';
  label: string;
}

export type Actor = AccountActor | SystemActor;

export const cliActor: SystemActor = { kind: 'system', label: 'cli' };
export const engineActor: SystemActor = { kind: 'system', label: 'engine' };

export function actorLabel(actor: Actor): string {
  return actor.kind === 'account' ? actor.username : `system:${actor.label}`;
}
