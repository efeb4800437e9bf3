import type { IssueLettersBody } from '../../../common/schemas/letters.js';
import { transactionWithHooks, whenCommitted, type AfterCommit, type Db, type Executor } from '../../db/database.js';
import type { DeadlineEngine } from '../../engine/engine.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, conflict, invalidFields, notFound, type FieldProblem } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Notifier } from '../../notify/notifier.js';
import type { Actor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import { roleHolders } from '../people/people.read-port.js';
import type { PlanRules } from '../plans/rules-in-force.js';
import { canSee, requireManage } from '../units/units.policy.js';
import { unitBrief, type UnitBrief } from '../units/units.read-port.js';
import { dutiesFor, fillIn, letterTemplate, localeOf } from './letter-templates.js';
import { signersOf, tellSigners, type Side } from './letter-notices.js';
import * as repo from './letters.repository.js';
import type { LetterRow } from './letters.table.js';

export const SIGN_DUE_DEADLINE = 'letters.sign-due';
/** A later version gives at least this long to sign again. */
const RESIGN_DAYS = 7;
const DAY = 86_400_000;
const personOf = (actor: Actor) => (actor.kind === 'account' ? actor.personId : null);
const ROLE_WORDS: Record<string, { 'zh-CN': string; en: string }> = {
  accountable_head: { 'zh-CN': '第一责任人', en: 'accountable head' }, safety_officer: { 'zh-CN': '安全干部', en: 'safety officer' },
  duty_leader: { 'zh-CN': '带班领导', en: 'duty leader' }, duty_staff: { 'zh-CN': '值班人员', en: 'duty staff' }, class_teacher: { 'zh-CN': '班主任', en: 'class teacher' },
  gatekeeper: { 'zh-CN': '门卫', en: 'gatekeeper' }, staff: { 'zh-CN': '教职工', en: 'staff member' }, supervisor: { 'zh-CN': '督导', en: 'supervisor' }, admin: { 'zh-CN': '管理员', en: 'administrator' },
};

interface Draft { unit: UnitBrief; role: string; personId: string | null; personName: string | null; field: string }

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

  async issue(actor: Actor, input: IssueLettersBody): Promise<string[]> {
    return transactionWithHooks(this.db, async (tx, afterCommit) => {
      const issuer = await unitBrief(tx, input.issuerUnitId);
      if (!issuer || !canSee(actor, issuer.path)) throw invalidFields([{ field: 'issuerUnitId', key: 'letter.unitUnknown' }]);
      requireManage(actor, issuer.path);
      const template = letterTemplate(input.template);
      const now = this.clock.now();
      const problems: FieldProblem[] = [];
      if (Date.parse(input.signDueAt) <= now.getTime()) problems.push({ field: 'signDueAt', key: 'letter.dueInPast' });
      const drafts = await this.drafts(tx, actor, issuer, template.audience, input, problems);
      const rows: LetterRow[] = [];
      for (const d of drafts) {
        const { rules, standing } = await this.planRules.forUnit(d.unit.id, now, tx);
        const duties = dutiesFor(template, d.role, rules.duties);
        if (duties.length === 0) problems.push({ field: d.field, key: 'letter.noDuties', params: { unit: d.unit.name } });
        const id = newId();
        rows.push({
          id, series_id: id, version: 1, issuer_unit_id: issuer.id, unit_id: d.unit.id, template_id: template.id, role: d.role, recipient_person_id: d.personId,
          period_label: input.periodLabel, title: this.titleOf(template.id, input.periodLabel, d.role, d.unit.locale), locale: d.unit.locale,
          duties_json: JSON.stringify(duties), plan_id: standing?.planId ?? null, plan_version: standing?.version ?? null, status: 'awaiting',
          sign_due_at: new Date(input.signDueAt).toISOString(), issuer_signed_at: null, issuer_signed_by_person_id: null, recipient_signed_at: null,
          recipient_signed_by_person_id: null, marked_late_at: null, reminders: 0, last_reminded_at: null, created_by_person_id: personOf(actor), created_at: now.toISOString(), superseded_at: null,
        });
      }
      if (problems.length) throw invalidFields(problems);
      await repo.insert(tx, rows);
      for (const row of rows) await this.opened(tx, afterCommit, actor, row.id, now, 'letter.issue', 'letter.newBody');
      return rows.map((r) => r.id);
    });
  }

  private titleOf(template: string, period: string, role: string, unitLocale: string): string {
    const locale = localeOf(unitLocale);
    return fillIn(letterTemplate(template as 'bureau-to-head').title[locale], { period, role: ROLE_WORDS[role]?.[locale] ?? role });
  }

  private async drafts(tx: Executor, actor: Actor, issuer: UnitBrief, audience: string, input: IssueLettersBody, problems: FieldProblem[]): Promise<Draft[]> {
    const drafts: Draft[] = [];
    if (audience === 'unit_head') {
      if (input.unitIds.length === 0) problems.push({ field: 'unitIds', key: 'letter.templateMismatch', params: { audience: 'unit heads' } });
      for (const [i, unitId] of input.unitIds.entries()) {
        const unit = await unitBrief(tx, unitId);
        if (!unit || !canSee(actor, unit.path)) problems.push({ field: `unitIds.${i}`, key: 'letter.unitUnknown' });
        else if (unit.id === issuer.id || !unit.path.startsWith(issuer.path)) problems.push({ field: `unitIds.${i}`, key: 'letter.notBelow', params: { unit: unit.name, issuer: issuer.name } });
        else drafts.push({ unit, role: 'accountable_head', personId: null, personName: null, field: `unitIds.${i}` });
      }
      return drafts;
    }
    if (input.recipients.length === 0) problems.push({ field: 'recipients', key: 'letter.templateMismatch', params: { audience: 'staff' } });
    for (const [i, r] of input.recipients.entries()) {
      const holder = (await roleHolders(tx, issuer.id, r.role)).find((p) => p.id === r.personId);
      if (!holder) problems.push({ field: `recipients.${i}.personId`, key: 'letter.notHolder', params: { unit: issuer.name } });
      else drafts.push({ unit: issuer, role: r.role, personId: holder.id, personName: holder.name, field: `recipients.${i}.personId` });
    }
    return drafts;
  }

  /** Schedules the sign-off deadline, tells the signers, and audits the new version. */
  private async opened(tx: Executor, afterCommit: AfterCommit, actor: Actor, id: string, now: Date, action: string, body: 'letter.newBody' | 'letter.newVersionBody') {
    const letter = (await repo.find(tx, id))!;
    await this.engine.schedule(tx, { kind: SIGN_DUE_DEADLINE, refId: id, unitId: letter.unit_id, dueAt: new Date(letter.sign_due_at) });
    await tellSigners(this.notifier, tx, afterCommit, now, letter, ['issuer', 'recipient'], body);
    await this.audit.record(tx, actor, { action, entity: 'letter', entityId: id, unitId: letter.unit_id, after: { title: letter.title, version: letter.version, duties: JSON.parse(letter.duties_json), signDueAt: letter.sign_due_at } });
  }

  /** One side signs: an authenticated sign-off with its time, in the audit trail. */
  async sign(actor: Actor, id: string, side: Side): Promise<void> {
    await transactionWithHooks(this.db, async (tx) => {
      const letter = await this.visible(actor, id, tx);
      if (letter.status === 'superseded') throw conflict('letter.superseded');
      if ((side === 'issuer' ? letter.issuer_signed_at : letter.recipient_signed_at) !== null) throw conflict('letter.alreadySigned', {}, 'side');
      const person = personOf(actor);
      if (!person || !(await signersOf(tx, letter, side)).includes(person)) throw new AppError(403, 'forbidden', 'letter.notSigner');
      const at = this.clock.now().toISOString();
      const changes: Partial<LetterRow> = side === 'issuer' ? { issuer_signed_at: at, issuer_signed_by_person_id: person } : { recipient_signed_at: at, recipient_signed_by_person_id: person };
      const bothSigned = side === 'issuer' ? letter.recipient_signed_at !== null : letter.issuer_signed_at !== null;
      if (bothSigned) changes.status = 'signed';
      await repo.update(tx, id, changes);
      await this.audit.record(tx, actor, { action: 'letter.sign', entity: 'letter', entityId: id, unitId: letter.unit_id, after: { side, at, late: at > letter.sign_due_at, version: letter.version } });
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
      const duties = dutiesFor(letterTemplate(old.template_id as 'bureau-to-head'), old.role, rules.duties);
      if (JSON.stringify(duties) === old.duties_json) continue;
      const id = newId();
      const due = new Date(Math.max(Date.parse(old.sign_due_at), at.getTime() + RESIGN_DAYS * DAY)).toISOString();
      await repo.update(tx, old.id, { status: 'superseded', superseded_at: at.toISOString() });
      await this.engine.cancel(tx, SIGN_DUE_DEADLINE, old.id);
      await repo.insert(tx, [{
        ...old, id, version: old.version + 1, duties_json: JSON.stringify(duties), plan_id: standing?.planId ?? null, plan_version: standing?.version ?? null, status: 'awaiting',
        sign_due_at: due, issuer_signed_at: null, issuer_signed_by_person_id: null, recipient_signed_at: null, recipient_signed_by_person_id: null,
        marked_late_at: null, reminders: 0, last_reminded_at: null, created_at: at.toISOString(), superseded_at: null,
      }]);
      await this.opened(tx, afterCommit, { kind: 'system', label: 'plans' }, id, at, 'letter.new-version', 'letter.newVersionBody');
    }
  }

  async visible(actor: Actor, id: string, db: Executor = this.db): Promise<repo.LetterWithUnits> {
    const letter = await repo.find(db, id);
    if (!letter || !(canSee(actor, letter.unit_path) || canSee(actor, letter.issuer_unit_path))) throw notFound();
    return letter;
  }

  async list(actor: Actor, unitId: string | undefined, includeSuperseded: boolean): Promise<repo.LetterWithUnits[]> {
    let unitPath: string | null = null;
    if (unitId) {
      const unit = await unitBrief(this.db, unitId);
      if (!unit || !canSee(actor, unit.path)) throw notFound();
      unitPath = unit.path;
    }
    const within = actor.kind === 'account' ? actor.scopes.map((s) => s.path) : null;
    return repo.list(this.db, within, unitPath, includeSuperseded);
  }

  async versions(seriesId: string): Promise<LetterRow[]> {
    return repo.versions(this.db, seriesId);
  }

  /** The sides the actor may sign now. */
  async signable(actor: Actor, letter: repo.LetterWithUnits): Promise<Side[]> {
    const person = personOf(actor);
    if (!person || letter.status === 'superseded') return [];
    const sides: Side[] = [];
    if (!letter.issuer_signed_at && (await signersOf(this.db, letter, 'issuer')).includes(person)) sides.push('issuer');
    if (!letter.recipient_signed_at && (await signersOf(this.db, letter, 'recipient')).includes(person)) sides.push('recipient');
    return sides;
  }
}
