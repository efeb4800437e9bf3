import { createHash } from 'node:crypto';
import type { Locale } from '../../../common/locale.js';
import type { Role } from '../../../common/org.js';
import type { CreateApiTokenBody, Me } from '../../../common/schemas/auth.js';
import type { Db } from '../../db/database.js';
import type { AccountRow, SessionRow } from './auth.table.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, invalid, invalidFields, notFound } from '../../lib/errors.js';
import { newId, newSecret } from '../../lib/ids.js';
import type { AuditTrail } from '../audit/audit.service.js';
import type { AccountActor, Actor, Scope, TokenScope } from './actor.js';
import * as repo from './auth.repository.js';
import { burnVerifyTime, hashPassword, verifyPassword } from './password.js';
import { requireStrongPassword } from './password-strength.js';
import type { SignInLimits } from './sign-in-limits.js';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** Refresh a session's expiry at most once a minute, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export interface SignedIn {
  /** The cookie's secret; only its hash is stored. */
  sessionSecret: string;
  session: SessionRow;
  actor: AccountActor;
}

export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly sessionHours: number,
    private readonly limits: SignInLimits,
  ) {}

  /** `address` is the client's, for the sign-in limits; a limited address is refused before any check. */
  async login(username: string, password: string, locale: Locale, address: string): Promise<SignedIn> {
    const name = username.trim().toLowerCase();
    await this.limits.check(address, name);
    const account = await repo.accountByUsername(this.db, name);
    if (!account) await burnVerifyTime(password);
    if (!account || !(await verifyPassword(account.password_hash, password))) {
      await this.limits.recordFailure(address, name);
      throw new AppError(401, 'bad-credentials', 'auth.badCredentials');
    }
    await this.limits.succeeded(address, name);
    if (account.disabled_at) throw new AppError(403, 'account-disabled', 'auth.disabled');
    return this.startSession(account, locale);
  }

  async startSession(account: AccountRow, locale: Locale): Promise<SignedIn> {
    const now = this.clock.now();
    const sessionSecret = newSecret();
    const session: SessionRow = {
      id: sha256(sessionSecret),
      account_id: account.id,
      csrf_token: newSecret(24),
      created_at: now.toISOString(),
      expires_at: this.expiry(now),
      last_seen_at: now.toISOString(),
    };
    await repo.insertSession(this.db, session);
    await repo.updateAccount(this.db, account.id, { last_login_at: now.toISOString() });
    await repo.deleteExpiredSessions(this.db, now.toISOString());
    return { sessionSecret, session, actor: await this.actorFor(account, locale) };
  }

  private expiry(now: Date): string {
    return new Date(now.getTime() + this.sessionHours * 3600_000).toISOString();
  }

  /** The session behind a cookie, sliding its expiry; null when unknown, expired or disabled. */
  async fromSession(secret: string, locale: Locale): Promise<{ actor: AccountActor; session: SessionRow } | null> {
    // One query for the session, its account and its roles: this runs before every request.
    const rows = await repo.sessionWithRoles(this.db, sha256(secret));
    const first = rows[0];
    const now = this.clock.now();
    if (!first || first.expires_at <= now.toISOString() || first.disabled_at) return null;
    const session: SessionRow = {
      id: first.id,
      account_id: first.account_id,
      csrf_token: first.csrf_token,
      created_at: first.created_at,
      expires_at: first.expires_at,
      last_seen_at: first.last_seen_at,
    };
    if (now.getTime() - Date.parse(session.last_seen_at) > TOUCH_INTERVAL_MS) {
      await repo.touchSession(this.db, session.id, now.toISOString(), this.expiry(now));
    }
    const scopes = scopesFrom(
      rows.flatMap((r) =>
        r.unit_id && r.unit_path && r.role ? [{ unit_id: r.unit_id, path: r.unit_path, role: r.role }] : [],
      ),
    );
    return {
      actor: {
        kind: 'account',
        accountId: session.account_id,
        personId: first.person_id,
        username: first.username,
        scopes,
        locale,
      },
      session,
    };
  }

  /** The actor behind a token, carrying the token's scope; null when unknown, revoked, expired or disabled. */
  async fromApiToken(token: string, locale: Locale): Promise<AccountActor | null> {
    const row = await repo.tokenByHash(this.db, sha256(token));
    const now = this.clock.now().toISOString();
    if (!row || !row.expires_at || row.expires_at <= now) return null;
    const account = await repo.accountById(this.db, row.account_id);
    if (!account || account.disabled_at) return null;
    await repo.updateToken(this.db, row.id, { last_used_at: now });
    const scope: TokenScope = {
      access: row.access === 'read' ? 'read' : 'write',
      modules: row.modules_json ? (JSON.parse(row.modules_json) as string[]) : null,
    };
    return { ...(await this.actorFor(account, locale)), token: scope };
  }

  /** Signs out: `sessionId` is the stored hash of the cookie's secret. */
  async endSession(sessionId: string): Promise<void> {
    await repo.deleteSession(this.db, sessionId);
  }

  async actorFor(account: AccountRow, locale: Locale): Promise<AccountActor> {
    const rows = await repo.scopesOf(this.db, account.person_id);
    return {
      kind: 'account',
      accountId: account.id,
      personId: account.person_id,
      username: account.username,
      scopes: scopesFrom(rows),
      locale,
    };
  }

  async me(actor: AccountActor, csrfToken: string): Promise<Me> {
    const account = await repo.accountById(this.db, actor.accountId);
    if (!account) throw notFound();
    const rows = await repo.scopesOf(this.db, actor.personId);
    const names = new Map(rows.map((r) => [r.unit_id, r.unit_name]));
    const person = await repo.personOf(this.db, account.person_id);
    return {
      accountId: account.id,
      username: account.username,
      personId: account.person_id,
      name: person.name,
      language: person.language === 'en' || person.language === 'zh-CN' ? person.language : null,
      mustChangePassword: account.must_change_password === 1,
      csrfToken,
      scopes: actor.scopes.map((s) => ({ unitId: s.unitId, unitName: names.get(s.unitId) ?? '', roles: s.roles })),
      isAdmin: actor.scopes.some((s) => s.roles.includes('admin')),
    };
  }

  /** Changing one's own password signs out every other session of the account. */
  async changePassword(
    actor: AccountActor,
    current: string,
    next: string,
    keepSessionId: string | null,
  ): Promise<void> {
    const account = await repo.accountById(this.db, actor.accountId);
    if (!account) throw notFound();
    if (!(await verifyPassword(account.password_hash, current)))
      throw invalid('currentPassword', 'auth.badCredentials');
    // A forced change must really change it: the password someone else chose is known to them.
    if (next === current) throw invalid('newPassword', 'password.same');
    requireStrongPassword(next, 'newPassword', [account.username, await repo.personName(this.db, account.person_id)]);
    const hash = await hashPassword(next);
    await this.db.transaction().execute(async (tx) => {
      const now = this.clock.now().toISOString();
      await repo.updateAccount(tx, account.id, { password_hash: hash, must_change_password: 0, updated_at: now });
      await tx
        .deleteFrom('sessions')
        .where('account_id', '=', account.id)
        .$if(keepSessionId !== null, (q) => q.where('id', '!=', keepSessionId!))
        .execute();
      await this.audit.record(tx, actor, {
        action: 'account.password',
        entity: 'account',
        entityId: account.id,
        unitId: null,
      });
    });
  }

  /** `knownModules`: the modules the API has (its OpenAPI tags); a token cannot name another. */
  async createToken(actor: AccountActor, input: CreateApiTokenBody, knownModules: ReadonlySet<string>) {
    const unknown = (input.modules ?? []).map((m, i) => ({ m, i })).filter(({ m }) => !knownModules.has(m));
    if (unknown.length)
      throw invalidFields(
        unknown.map(({ m, i }) => ({ field: `modules.${i}`, key: 'token.unknownModule', params: { module: m } })),
      );
    const token = `stdy_${newSecret()}`;
    const now = this.clock.now();
    const row = {
      id: newId(),
      account_id: actor.accountId,
      name: input.name,
      token_hash: sha256(token),
      created_at: now.toISOString(),
      last_used_at: null,
      revoked_at: null,
      access: input.access,
      modules_json: input.modules ? JSON.stringify([...new Set(input.modules)]) : null,
      expires_at: new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
    };
    await this.db.transaction().execute(async (tx) => {
      await repo.insertToken(tx, row);
      const after = { name: input.name, access: row.access, modules: input.modules ?? null, expiresAt: row.expires_at };
      await this.audit.record(tx, actor, {
        action: 'token.create',
        entity: 'api_token',
        entityId: row.id,
        unitId: null,
        after,
      });
    });
    return { ...row, token };
  }

  listTokens(actor: AccountActor) {
    return repo.tokensOf(this.db, actor.accountId);
  }

  async revokeToken(actor: AccountActor, id: string): Promise<void> {
    const mine = (await repo.tokensOf(this.db, actor.accountId)).find((t) => t.id === id);
    if (!mine) throw notFound();
    await this.db.transaction().execute(async (tx) => {
      await repo.updateToken(tx, id, { revoked_at: this.clock.now().toISOString() });
      await this.audit.record(tx, actor, {
        action: 'token.revoke',
        entity: 'api_token',
        entityId: id,
        unitId: null,
        before: { name: mine.name },
      });
    });
  }
}

export type { Actor };

/** Roles per unit, in the order of the rows (by unit path). */
function scopesFrom(rows: { unit_id: string; path: string; role: Role }[]): Scope[] {
  const byUnit = new Map<string, Scope>();
  for (const row of rows) {
    const scope = byUnit.get(row.unit_id) ?? { unitId: row.unit_id, path: row.path, roles: [] };
    scope.roles.push(row.role);
    byUnit.set(row.unit_id, scope);
  }
  return [...byUnit.values()];
}
