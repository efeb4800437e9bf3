import type { Transaction } from 'kysely';
import type { SendDirectiveBody } from '../../../common/schemas/directives.js';
import { transactionWithHooks, type Db, type DialectName } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { DeadlineEngine } from '../../engine/engine.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, conflict, invalid, invalidFields, notFound, type FieldProblem } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Actor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit.service.js';
import { canSee, requireManage } from '../units/units.policy.js';
import * as unitsPort from '../units/units.read-port.js';
import type { DirectiveFiles, StagedFile } from './directive-files.js';
import type { DirectiveNotices } from './directive-notices.js';
import * as repo from './directives.repository.js';

export const SIGN_DUE_DEADLINE = 'directives.sign-due';
export const REPLY_DUE_DEADLINE = 'directives.reply-due';

/** A person acts for a target unit when they hold a role in that very unit. */
export const actsFor = (actor: Actor, unitId: string) =>
  actor.kind === 'system' || actor.scopes.some((s) => s.unitId === unitId);

const unknownUnit = (field: string) =>
  new AppError(404, 'not-found', 'problem.notFound', {}, [{ field, key: 'directive.unitUnknown' }]);

/**
 * Sending a directive down the tree, signing for it, replying, and reminding those who have not.
 * Each is one transaction with its audit entry; attachments join it only once it has committed.
 */
export class DirectiveService {
  constructor(
    private readonly db: Db,
    private readonly dialect: DialectName,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly engine: DeadlineEngine,
    private readonly notices: DirectiveNotices,
    readonly files: DirectiveFiles,
  ) {}

  /** Sends it; `files` are staged uploads, kept when it commits and removed when it does not. */
  async send(actor: Actor, input: SendDirectiveBody, files: StagedFile[] = []): Promise<string> {
    const id = newId();
    const attachmentIds = files.map(() => newId());
    try {
      await this.sendInTransaction(actor, input, id, files, attachmentIds);
    } catch (error) {
      await this.files.discard(files);
      throw error;
    }
    for (const [i, file] of files.entries())
      await this.files.keep(file, this.files.relativePath(id, attachmentIds[i]!));
    return id;
  }

  private async sendInTransaction(
    actor: Actor,
    input: SendDirectiveBody,
    id: string,
    files: StagedFile[],
    attachmentIds: string[],
  ): Promise<void> {
    const now = this.clock.now();
    return transactionWithHooks(this.db, async (tx, afterCommit) => {
      const sender = await unitsPort.findById(tx, input.senderUnitId);
      if (!sender || !canSee(actor, sender.path)) throw unknownUnit('senderUnitId');
      requireManage(actor, sender.path);
      const problems: FieldProblem[] = [];
      if (Date.parse(input.signDueAt) <= now.getTime())
        problems.push({ field: 'signDueAt', key: 'directive.deadlinePast' });
      if (input.replyDueAt && Date.parse(input.replyDueAt) < Date.parse(input.signDueAt))
        problems.push({ field: 'replyDueAt', key: 'directive.replyBeforeSignDue' });
      const found = new Map((await unitsPort.findByIds(tx, [...new Set(input.targetUnitIds)])).map((u) => [u.id, u]));
      const seen = new Set<string>();
      input.targetUnitIds.forEach((unitId, i) => {
        const unit = found.get(unitId);
        const field = `targetUnitIds.${i}`;
        if (!unit || !canSee(actor, unit.path)) problems.push({ field, key: 'directive.unitUnknown' });
        else if (unit.id === sender.id || !unit.path.startsWith(sender.path))
          problems.push({ field, key: 'directive.targetOutside', params: { unit: unit.name, sender: sender.name } });
        else if (seen.has(unitId)) problems.push({ field, key: 'directive.targetTwice', params: { unit: unit.name } });
        seen.add(unitId);
      });
      files.forEach((f, i) => {
        if (f.truncated)
          problems.push({ field: `attachments.${i}`, key: 'directive.attachmentTooLarge', params: { name: f.name } });
      });
      if (problems.length) throw invalidFields(problems);

      const at = now.toISOString();
      const directive = {
        id,
        sender_unit_id: sender.id,
        sender_person_id: actor.kind === 'account' ? actor.personId : null,
        kind: input.kind,
        title: input.title,
        body: input.text,
        sign_due_at: new Date(input.signDueAt).toISOString(),
        reply_due_at: input.replyDueAt ? new Date(input.replyDueAt).toISOString() : null,
        created_at: at,
      };
      const targets = [...seen].map((unitId) => ({
        id: newId(),
        directive_id: id,
        unit_id: unitId,
        signed_at: null,
        signed_by_person_id: null,
        sign_late: 0,
        marked_late_at: null,
        reply_text: null,
        replied_at: null,
        replied_by_person_id: null,
        reply_late: 0,
        reminders: 0,
        last_reminded_at: null,
      }));
      const attachments = files.map((f, i) => ({
        id: attachmentIds[i]!,
        directive_id: id,
        name: f.name,
        mime: f.mime,
        size: f.size,
        sha256: f.sha256,
        path: this.files.relativePath(id, attachmentIds[i]!),
        created_at: at,
      }));
      await repo.insert(tx, directive, targets, attachments);
      await this.engine.schedule(tx, {
        kind: SIGN_DUE_DEADLINE,
        refId: id,
        unitId: sender.id,
        dueAt: new Date(directive.sign_due_at),
      });
      if (directive.reply_due_at)
        await this.engine.schedule(tx, {
          kind: REPLY_DUE_DEADLINE,
          refId: id,
          unitId: sender.id,
          dueAt: new Date(directive.reply_due_at),
        });
      await this.audit.record(tx, actor, {
        action: 'directive.send',
        entity: 'directive',
        entityId: id,
        unitId: sender.id,
        after: {
          kind: input.kind,
          title: input.title,
          targets: targets.length,
          signDueAt: directive.sign_due_at,
          replyDueAt: directive.reply_due_at,
          attachments: attachments.length,
        },
      });
      const units = [...seen].map((unitId) => found.get(unitId)!);
      await this.notices.toUnits(
        tx,
        afterCommit,
        now,
        { ...directive, sender: sender.name },
        units,
        'directive.new',
        directive.reply_due_at ? 'directive.newBodyReply' : 'directive.newBody',
        directive.sign_due_at,
      );
    });
  }

  async sign(actor: Actor, id: string, unitId: string): Promise<void> {
    await this.onTarget(actor, id, unitId, 'directive.sign', async (tx, directive, target, now) => {
      if (target.signed_at) throw conflict('directive.alreadySigned', {}, 'unitId');
      const late = now.toISOString() > directive.sign_due_at;
      await repo.updateTarget(tx, target.id, {
        signed_at: now.toISOString(),
        signed_by_person_id: actor.kind === 'account' ? actor.personId : null,
        sign_late: late ? 1 : 0,
      });
      return { late };
    });
  }

  async reply(actor: Actor, id: string, unitId: string, text: string): Promise<void> {
    await this.onTarget(actor, id, unitId, 'directive.reply', async (tx, directive, target, now) => {
      if (!target.signed_at) throw conflict('directive.replyBeforeSign', {}, 'unitId');
      if (target.replied_at) throw conflict('directive.alreadyReplied', {}, 'unitId');
      const late = directive.reply_due_at !== null && now.toISOString() > directive.reply_due_at;
      await repo.updateTarget(tx, target.id, {
        reply_text: text,
        replied_at: now.toISOString(),
        replied_by_person_id: actor.kind === 'account' ? actor.personId : null,
        reply_late: late ? 1 : 0,
      });
      return { late };
    });
  }

  private async onTarget(
    actor: Actor,
    id: string,
    unitId: string,
    action: string,
    work: (
      tx: Transaction<Database>,
      directive: repo.DirectiveWithSender,
      target: repo.DirectiveTargetRow,
      now: Date,
    ) => Promise<{ late: boolean }>,
  ): Promise<void> {
    await transactionWithHooks(this.db, async (tx) => {
      const directive = await repo.find(tx, id);
      const unit = await unitsPort.findById(tx, unitId);
      if (!directive) throw notFound();
      const visible = canSee(actor, directive.sender_unit_path) || (unit !== undefined && canSee(actor, unit.path));
      if (!visible) throw notFound();
      if (!unit || !canSee(actor, unit.path)) throw unknownUnit('unitId');
      const target = await repo.targetForUpdate(tx, id, unit.id, this.dialect === 'postgres');
      if (!target) throw invalid('unitId', 'directive.notTarget', { unit: unit.name });
      if (!actsFor(actor, unit.id)) throw new AppError(403, 'forbidden', 'directive.notMember', { unit: unit.name });
      const now = this.clock.now();
      const { late } = await work(tx, directive, target, now);
      await this.audit.record(tx, actor, {
        action,
        entity: 'directive',
        entityId: id,
        unitId: unit.id,
        after: { unitId: unit.id, late },
      });
    });
  }

  /** The sender's side reminds the units still owing a sign-off (or a requested reply). */
  async remind(actor: Actor, id: string, only?: string[]): Promise<number> {
    return transactionWithHooks(this.db, async (tx, afterCommit) => {
      const directive = await repo.find(tx, id);
      if (!directive || !canSee(actor, directive.sender_unit_path)) throw notFound();
      requireManage(actor, directive.sender_unit_path);
      const targets = await repo.targets(tx, id);
      const owing = targets.filter((t) => !t.signed_at || (directive.reply_due_at && !t.replied_at));
      const problems: FieldProblem[] = [];
      only?.forEach((unitId, i) => {
        if (!targets.some((t) => t.unit_id === unitId))
          problems.push({ field: `unitIds.${i}`, key: 'directive.notTarget', params: { unit: unitId } });
      });
      if (problems.length) throw invalidFields(problems);
      const chosen = only ? owing.filter((t) => only.includes(t.unit_id)) : owing;
      const now = this.clock.now();
      for (const t of chosen)
        await repo.updateTarget(tx, t.id, { reminders: t.reminders + 1, last_reminded_at: now.toISOString() });
      const unsigned = chosen.filter((t) => !t.signed_at);
      const unreplied = chosen.filter((t) => t.signed_at);
      const about = { ...directive, sender: directive.sender_unit_name };
      await this.notices.toUnits(
        tx,
        afterCommit,
        now,
        about,
        await this.noticeUnits(tx, unsigned),
        'directive.remind',
        'directive.remindSign',
        directive.sign_due_at,
      );
      await this.notices.toUnits(
        tx,
        afterCommit,
        now,
        about,
        await this.noticeUnits(tx, unreplied),
        'directive.remind',
        'directive.remindReply',
        directive.reply_due_at,
      );
      await this.audit.record(tx, actor, {
        action: 'directive.remind',
        entity: 'directive',
        entityId: id,
        unitId: directive.sender_unit_id,
        after: { units: chosen.map((t) => t.unit_id) },
      });
      return chosen.length;
    });
  }

  private async noticeUnits(tx: Transaction<Database>, targets: repo.TargetWithNames[]) {
    return unitsPort.findByIds(
      tx,
      targets.map((t) => t.unit_id),
    );
  }
}
