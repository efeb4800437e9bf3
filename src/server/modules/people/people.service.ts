import type { Locale } from '../../../common/locale.js';
import type { Role } from '../../../common/org.js';
import type { CreatePersonBody, UpdatePersonBody } from '../../../common/schemas/people.js';
import type { Page, PageQuery } from '../../../common/schemas/shared.js';
import { inTransaction, transactionWithHooks, whenCommitted, type Db, type Executor } from '../../db/database.js';
import type { PersonRow } from './people.table.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Actor } from '../auth/actor.js';
import * as accountsPort from '../auth/accounts.port.js';
import { hashPassword } from '../auth/password.js';
import { requireStrongPassword } from '../auth/password-strength.js';
import type { AuditTrail } from '../audit/audit.service.js';
import * as unitsPort from '../units/units.read-port.js';
import { canSee, scopeRoots } from '../units/units.policy.js';
import type { UnitService } from '../units/units.service.js';
import type { Notifier } from '../../notify/notifier.js';
import type { PersonBundle } from './people.presenter.js';
import { requireMayGrant } from './role-grants.policy.js';
import { tellRoleChange } from './role-notices.js';
import * as repo from './people.repository.js';

export interface PersonListOptions extends PageQuery {
  unitId?: string;
  subtree?: boolean;
  q?: string;
}

const snapshot = (p: PersonRow) => ({
  name: p.name,
  phone: p.phone,
  email: p.email,
  language: p.language,
  homeUnitId: p.home_unit_id,
});

export class PeopleService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly units: UnitService,
    private readonly notifier: Notifier,
  ) {}

  async list(actor: Actor, options: PersonListOptions): Promise<Page<PersonBundle>> {
    let filter: repo.PersonFilter = { within: scopeRoots(actor), text: options.q };
    if (options.unitId) {
      const unit = await this.units.requireVisible(actor, options.unitId);
      filter = options.subtree
        ? { within: [unit.path], text: options.q }
        : { within: null, unitId: unit.id, text: options.q };
    }
    const { page, pageSize } = options;
    const { rows, total } = await repo.list(this.db, filter, (page - 1) * pageSize, pageSize);
    return { items: await this.bundle(this.db, rows), page, pageSize, total };
  }

  async get(actor: Actor, id: string, db: Executor = this.db): Promise<PersonBundle> {
    const person = await repo.findById(db, id);
    if (!person) throw notFound();
    const [bundle] = await this.bundle(db, [person]);
    const home = await unitsPort.findById(db, person.home_unit_id);
    const visible = (home && canSee(actor, home.path)) || bundle!.roles.some((r) => canSee(actor, r.unit_path));
    if (!visible) throw notFound();
    return bundle!;
  }

  private async bundle(db: Executor, people: PersonRow[]): Promise<PersonBundle[]> {
    const ids = people.map((p) => p.id);
    const [roles, accounts, homes] = await Promise.all([
      repo.rolesOf(db, ids),
      repo.accountsOf(db, ids),
      unitsPort.findByIds(db, [...new Set(people.map((p) => p.home_unit_id))]),
    ]);
    const homeNames = new Map(homes.map((u) => [u.id, u.name]));
    return people.map((person) => ({
      person,
      homeUnitName: homeNames.get(person.home_unit_id) ?? '',
      roles: roles.filter((r) => r.person_id === person.id),
      account: accounts.find((a) => a.person_id === person.id),
    }));
  }

  /** Registers a person with their roles and, optionally, an account: one action, one transaction. */
  async create(
    actor: Actor,
    input: CreatePersonBody,
    options: { passwordHash?: string; tx?: Executor } = {},
  ): Promise<PersonBundle> {
    if (input.account && !options.passwordHash)
      requireStrongPassword(input.account.password, 'account.password', [input.account.username, input.name]);
    const passwordHash = input.account ? (options.passwordHash ?? (await hashPassword(input.account.password))) : null;
    return inTransaction(this.db, options.tx, async (tx) => {
      await this.units.requireManageable(actor, input.homeUnitId, tx);
      if (input.account) await this.units.requireAdministered(actor, input.homeUnitId, tx);
      const now = this.clock.now().toISOString();
      const person: PersonRow = {
        id: newId(),
        home_unit_id: input.homeUnitId,
        name: input.name,
        phone: input.phone || null,
        email: input.email || null,
        language: input.language ?? null,
        created_at: now,
        updated_at: now,
      };
      await repo.insertPerson(tx, person);
      await this.audit.record(tx, actor, {
        action: 'person.create',
        entity: 'person',
        entityId: person.id,
        unitId: person.home_unit_id,
        after: snapshot(person),
      });
      for (const role of input.roles) await this.insertRole(tx, actor, person.id, role.unitId, role.role);
      // A password someone else chose must be replaced at first sign-in; setup and the demo choose their own.
      if (input.account && passwordHash)
        await this.insertAccount(tx, actor, person, input.account.username, passwordHash, actor.kind === 'account');
      return this.get(actor, person.id, tx);
    });
  }

  async update(actor: Actor, id: string, input: UpdatePersonBody): Promise<PersonBundle> {
    return this.db.transaction().execute(async (tx) => {
      const { person } = await this.get(actor, id, tx);
      await this.units.requireManageable(actor, person.home_unit_id, tx);
      const changes = {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.phone !== undefined && { phone: input.phone || null }),
        ...(input.email !== undefined && { email: input.email || null }),
        ...(input.language !== undefined && { language: input.language }),
      };
      if (Object.keys(changes).length === 0) return this.get(actor, id, tx);
      await repo.updatePerson(tx, id, { ...changes, updated_at: this.clock.now().toISOString() });
      const after = (await repo.findById(tx, id))!;
      await this.audit.record(tx, actor, {
        action: 'person.update',
        entity: 'person',
        entityId: id,
        unitId: person.home_unit_id,
        before: snapshot(person),
        after: snapshot(after),
      });
      return this.get(actor, id, tx);
    });
  }

  /** A person's own choice of the language they are written to in (null: their unit's). */
  async setOwnLanguage(actor: Actor, language: Locale | null): Promise<void> {
    if (actor.kind !== 'account') throw forbidden();
    await this.db.transaction().execute(async (tx) => {
      const person = await repo.findById(tx, actor.personId);
      if (!person) throw notFound();
      await repo.updatePerson(tx, person.id, { language, updated_at: this.clock.now().toISOString() });
      await this.audit.record(tx, actor, {
        action: 'person.language',
        entity: 'person',
        entityId: person.id,
        unitId: person.home_unit_id,
        before: { language: person.language },
        after: { language },
      });
    });
  }

  async addRole(
    actor: Actor,
    personId: string,
    unitId: string,
    role: Role,
    reason: string | null = null,
  ): Promise<PersonBundle> {
    return transactionWithHooks(this.db, async (tx) => {
      await this.get(actor, personId, tx);
      await this.insertRole(tx, actor, personId, unitId, role, reason);
      return this.get(actor, personId, tx);
    });
  }

  /** The grant rule (role-grants.policy.ts) decides; the trail keeps who, by which authority and why. */
  private async insertRole(
    tx: Executor,
    actor: Actor,
    personId: string,
    unitId: string,
    role: Role,
    reason: string | null = null,
  ): Promise<void> {
    const unit = await this.units.requireManageable(actor, unitId, tx);
    const authority = requireMayGrant(actor, personId, role, unit.path);
    if (await repo.membershipExists(tx, personId, unitId, role)) throw conflict('role.duplicate', {}, 'role');
    const now = this.clock.now();
    const row = { id: newId(), person_id: personId, unit_id: unitId, role, created_at: now.toISOString() };
    await repo.insertMembership(tx, row);
    await this.audit.record(tx, actor, {
      action: 'role.add',
      entity: 'person',
      entityId: personId,
      unitId,
      after: { unitId, role, authority, reason },
    });
    // A person acting through the API is the one to watch; setup, the demo and the CLI tell nobody.
    if (actor.kind === 'account')
      await tellRoleChange(
        tx,
        (hook) => whenCommitted(tx, hook),
        this.notifier,
        actor,
        { personId, unitId, role, granted: true, reason },
        now,
      );
  }

  async removeRole(
    actor: Actor,
    personId: string,
    membershipId: string,
    reason: string | null = null,
  ): Promise<PersonBundle> {
    return transactionWithHooks(this.db, async (tx) => {
      await this.get(actor, personId, tx);
      const membership = await repo.findMembership(tx, membershipId);
      if (!membership || membership.person_id !== personId) throw notFound();
      const unit = await this.units.requireManageable(actor, membership.unit_id, tx);
      const role = membership.role;
      const authority = requireMayGrant(actor, personId, role, unit.path);
      if (role === 'admin' && (await repo.countRole(tx, 'admin')) <= 1)
        throw new AppError(409, 'conflict', 'role.lastAdmin');
      if (role === 'accountable_head' && (await repo.countRoleIn(tx, unit.id, 'accountable_head')) <= 1) {
        throw new AppError(409, 'conflict', 'role.lastHead');
      }
      await repo.deleteMembership(tx, membershipId);
      const before = { unitId: membership.unit_id, role: membership.role };
      await this.audit.record(tx, actor, {
        action: 'role.remove',
        entity: 'person',
        entityId: personId,
        unitId: membership.unit_id,
        before,
        after: { authority, reason },
      });
      if (actor.kind === 'account') {
        await tellRoleChange(
          tx,
          (hook) => whenCommitted(tx, hook),
          this.notifier,
          actor,
          { personId, unitId: unit.id, role, granted: false, reason },
          this.clock.now(),
        );
      }
      return this.get(actor, personId, tx);
    });
  }

  async createAccount(actor: Actor, personId: string, username: string, password: string): Promise<PersonBundle> {
    requireStrongPassword(password, 'password', [username]);
    const hash = await hashPassword(password);
    return this.db.transaction().execute(async (tx) => {
      const { person, account } = await this.get(actor, personId, tx);
      await this.units.requireAdministered(actor, person.home_unit_id, tx);
      if (account) throw conflict('person.hasAccount');
      await this.insertAccount(tx, actor, person, username, hash, true, 'username');
      return this.get(actor, personId, tx);
    });
  }

  /**
   * `field` names the username where the caller's request holds it: `account.username` beside a new person, `username`
   * alone.
   */
  private async insertAccount(
    tx: Executor,
    actor: Actor,
    person: PersonRow,
    username: string,
    hash: string,
    mustChange: boolean,
    field = 'account.username',
  ): Promise<void> {
    if (await accountsPort.accountByUsername(tx, username)) throw conflict('person.usernameTaken', { username }, field);
    const now = this.clock.now().toISOString();
    const id = newId();
    await accountsPort.insertAccount(tx, {
      id,
      person_id: person.id,
      username,
      password_hash: hash,
      must_change_password: mustChange ? 1 : 0,
      disabled_at: null,
      last_login_at: null,
      created_at: now,
      updated_at: now,
    });
    await this.audit.record(tx, actor, {
      action: 'account.create',
      entity: 'account',
      entityId: id,
      unitId: person.home_unit_id,
      after: { personId: person.id, username },
    });
  }

  /** An administrator sets a new password; the person's sessions end. */
  async resetPassword(actor: Actor, personId: string, password: string, mustChange: boolean): Promise<void> {
    requireStrongPassword(password, 'password');
    const hash = await hashPassword(password);
    await this.db.transaction().execute(async (tx) => {
      const { person, account } = await this.get(actor, personId, tx);
      await this.units.requireAdministered(actor, person.home_unit_id, tx);
      if (!account) throw notFound();
      if (actor.kind === 'account' && actor.accountId === account.id && mustChange) throw forbidden();
      await accountsPort.updateAccount(tx, account.id, {
        password_hash: hash,
        must_change_password: mustChange ? 1 : 0,
        updated_at: this.clock.now().toISOString(),
      });
      await accountsPort.deleteSessionsOf(tx, account.id);
      await this.audit.record(tx, actor, {
        action: 'account.reset-password',
        entity: 'account',
        entityId: account.id,
        unitId: person.home_unit_id,
      });
    });
  }
}
