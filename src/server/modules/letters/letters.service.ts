import type { IssueLettersBody } from '../../../common/schemas/letters.js';
import { transactionWithHooks, whenCommitted, type AfterCommit, type Db, type Executor } from '../../db/database.js';
import type { DeadlineEngine } from '../../engine/engine.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, conflict, invalidFields, notFound, type FieldProblem } from '../../lib/errors.js';
import type { Notifier } from '../../notify/notifier.js';
import type { Actor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import type { PlanRules } from '../plans/rules-in-force.js';
import { canSee, requireManage } from '../units/units.policy.js';
import { unitBrief } from '../units/units.read-port.js';
import { draftsFor, firstVersion, nextVersion } from './letter-drafts.js';
import { signersOf, tellSigners, type Side } from './letter-notices.js';
import { dutiesFor, letterTemplate } from './letter-templates.js';
import * as repo from './letters.repository.js';
import type { LetterRow } from './letters.table.js';

export const SIGN_DUE_DEADLINE = 'letters.sign-due';
/** A later version gives at least this long to sign again. */
const RESIGN_DAYS = 7;
const DAY = 86_400_000;
const personOf = (actor: Actor) => (actor.kind === 'account' ? actor.personId : null);
type Template = Parameters<typeof letterTemplate>[0];

/**
 * Responsibility letters (目标责任书): issued from a template with the duties of the plan in force,
 * signed in the app by both sides, chased until signed, and versioned when the plan's duties change.
 */
export class LetterService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly engine: DeadlineEngine,
    private readonly notifier: Notifier,
    private readonly planRules: PlanRules,
  ) {}

  /** Issues one letter per unit head or staff member named; every problem is named, and nothing is stored. */
  async issue(actor: Actor, input: IssueLettersBody): Promise<string[]> {
    return transactionWithHooks(this.db, async (tx, afterCommit) => {
      const issuer = await unitBrief(tx, input.issuerUnitId);
      if (!issuer || !canSee(actor, issuer.path)) {
        throw invalidFields([{ field: 'issuerUnitId', key: 'letter.unitUnknown' }]);
      }
      requireManage(actor, issuer.path);
      const template = letterTemplate(input.template);
      const now = this.clock.now();
      const problems: FieldProblem[] = [];
      if (Date.parse(input.signDueAt) <= now.getTime()) problems.push({ field: 'signDueAt', key: 'letter.dueInPast' });
      const rows: LetterRow[] = [];
      for (const draft of await draftsFor(tx, actor, issuer, template, input, problems)) {
        const plan = await this.planRules.forUnit(draft.unit.id, now, tx);
        const row = firstVersion({ issuer, template, draft, input, plan, createdBy: personOf(actor), now });
        const noDuties = { field: draft.field, key: 'letter.noDuties' as const, params: { unit: draft.unit.name } };
        if (row.duties_json === '[]') problems.push(noDuties);
        rows.push(row);
      }
      if (problems.length) throw invalidFields(problems);
      await repo.insert(tx, rows);
      for (const row of rows) await this.opened(tx, afterCommit, actor, row.id, now, 'letter.issue');
      return rows.map((r) => r.id);
    });
  }

  /** Schedules the sign-off deadline, tells the signers, and audits the new version. */
  private async opened(
    tx: Executor,
    afterCommit: AfterCommit,
    actor: Actor,
    id: string,
    now: Date,
    action: 'letter.issue' | 'letter.new-version',
  ): Promise<void> {
    const letter = (await repo.find(tx, id))!;
    const dueAt = new Date(letter.sign_due_at);
    await this.engine.schedule(tx, { kind: SIGN_DUE_DEADLINE, refId: id, unitId: letter.unit_id, dueAt });
    const body = action === 'letter.issue' ? 'letter.newBody' : 'letter.newVersionBody';
    await tellSigners(this.notifier, tx, afterCommit, now, letter, ['issuer', 'recipient'], body);
    await this.audit.record(tx, actor, {
      action,
      entity: 'letter',
      entityId: id,
      unitId: letter.unit_id,
      after: {
        title: letter.title,
        version: letter.version,
        duties: JSON.parse(letter.duties_json) as unknown,
        signDueAt: letter.sign_due_at,
      },
    });
  }

  /** One side signs: an authenticated sign-off with its time, in the audit trail. */
  async sign(actor: Actor, id: string, side: Side): Promise<void> {
    await transactionWithHooks(this.db, async (tx) => {
      const letter = await this.visible(actor, id, tx);
      if (letter.status === 'superseded') throw conflict('letter.superseded');
      const signedAt = side === 'issuer' ? letter.issuer_signed_at : letter.recipient_signed_at;
      if (signedAt !== null) throw conflict('letter.alreadySigned', {}, 'side');
      const person = personOf(actor);
      const signs = person !== null && (await signersOf(tx, letter, side)).includes(person);
      if (!signs) throw new AppError(403, 'forbidden', 'letter.notSigner');
      const at = this.clock.now().toISOString();
      const changes: Partial<LetterRow> =
        side === 'issuer'
          ? { issuer_signed_at: at, issuer_signed_by_person_id: person }
          : { recipient_signed_at: at, recipient_signed_by_person_id: person };
      const otherSigned = side === 'issuer' ? letter.recipient_signed_at !== null : letter.issuer_signed_at !== null;
      if (otherSigned) changes.status = 'signed';
      await repo.update(tx, id, changes);
      await this.audit.record(tx, actor, {
        action: 'letter.sign',
        entity: 'letter',
        entityId: id,
        unitId: letter.unit_id,
        after: { side, at, late: at > letter.sign_due_at, version: letter.version },
      });
    });
  }

  /**
   * The plan of a unit was published: every current letter to it whose duties differ from the new
   * plan's gets a new version to sign again; the old version is kept, marked superseded.
   */
  async planPublished(tx: Executor, unitId: string, at: Date): Promise<void> {
    const afterCommit: AfterCommit = (hook) => whenCommitted(tx, hook);
    const current = await repo.currentFor(tx, unitId);
    if (current.length === 0) return;
    const { rules, standing } = await this.planRules.forUnit(unitId, at, tx);
    for (const old of current) {
      const duties = dutiesFor(letterTemplate(old.template_id as Template), old.role, rules.duties);
      if (JSON.stringify(duties) === old.duties_json) continue;
      const dueAt = new Date(Math.max(Date.parse(old.sign_due_at), at.getTime() + RESIGN_DAYS * DAY)).toISOString();
      const fresh = nextVersion(old, duties, standing, dueAt, at);
      await repo.update(tx, old.id, { status: 'superseded', superseded_at: at.toISOString() });
      await this.engine.cancel(tx, SIGN_DUE_DEADLINE, old.id);
      await repo.insert(tx, [fresh]);
      await this.opened(tx, afterCommit, { kind: 'system', label: 'plans' }, fresh.id, at, 'letter.new-version');
    }
  }

  async visible(actor: Actor, id: string, db: Executor = this.db): Promise<repo.LetterWithUnits> {
    const letter = await repo.find(db, id);
    if (!letter || !(canSee(actor, letter.unit_path) || canSee(actor, letter.issuer_unit_path))) throw notFound();
    return letter;
  }

  async list(actor: Actor, unitId: string | undefined, withSuperseded: boolean): Promise<repo.LetterWithUnits[]> {
    let unitPath: string | null = null;
    if (unitId) {
      const unit = await unitBrief(this.db, unitId);
      if (!unit || !canSee(actor, unit.path)) throw notFound();
      unitPath = unit.path;
    }
    const within = actor.kind === 'account' ? actor.scopes.map((s) => s.path) : null;
    return repo.list(this.db, within, unitPath, withSuperseded);
  }

  async versions(seriesId: string): Promise<LetterRow[]> {
    return repo.versions(this.db, seriesId);
  }

  /** The sides the actor may sign now. */
  async signable(actor: Actor, letter: repo.LetterWithUnits): Promise<Side[]> {
    const person = personOf(actor);
    if (!person || letter.status === 'superseded') return [];
    const sides: Side[] = [];
    for (const side of ['issuer', 'recipient'] as const) {
      const signed = side === 'issuer' ? letter.issuer_signed_at : letter.recipient_signed_at;
      if (!signed && (await signersOf(this.db, letter, side)).includes(person)) sides.push(side);
    }
    return sides;
  }
}
