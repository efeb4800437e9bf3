import { DEFAULT_CLASS } from '../../../common/incident-classes.js';
import { missingFields } from '../../../common/report-requirements.js';
import { stageName } from '../../../common/report-stages.js';
import { ReportContent, type ExchangeKind, type ReportStage } from '../../../common/schemas/incident-reports.js';
import type { Transaction } from 'kysely';
import { transactionWithHooks, type AfterCommit, type Executor } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { AppError, conflict, invalidFields, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Actor } from '../auth/actor.js';
import type { IncidentFacts } from '../incidents/incident-hooks.js';
import { canSee } from '../units/units.policy.js';
import { requireHandler, signerKind } from './incident-reports.policy.js';
import * as repo from './incident-reports.repository.js';
import { personOf, receiversOf, signersOf, someone, unitOf, type ReportDeps } from './report-context.js';
import type { ReportDuties } from './report-duties.js';
import { aboutReport } from './report-notices.js';

export interface ReportAction {
  tx: Transaction<Database>;
  afterCommit: AfterCommit;
  report: repo.ReportWithUnits;
  incident: IncidentFacts;
  now: Date;
}

/** Staged reports need someone above to report to, and never leave a drill's unit. */
export function requireReportable(incident: IncidentFacts, field = 'stage'): void {
  if (incident.drill) throw conflict('report.drill', {}, field);
  if (!incident.unitParentId) throw conflict('report.noParent', {}, field);
}

export const contentOf = (json: string): ReportContent => ReportContent.parse(JSON.parse(json));

/** What a stage may not skip, read from the unit's own reports so far (forwarded ones aside). */
export function checkOrder(stage: ReportStage, own: repo.ReportWithUnits[], incident: IncidentFacts): void {
  const sent = (s: ReportStage) => own.some((r) => r.stage === s && r.first_sent_at);
  if (stage === 'follow_up' && incident.status === 'closed') throw conflict('report.incidentClosed', {}, 'stage');
  if (own.some((r) => r.stage === stage && !r.first_sent_at)) throw conflict('report.draftOpen', {}, 'stage');
  if (stage === 'first' && own.some((r) => r.stage === 'first')) throw conflict('report.firstExists', {}, 'stage');
  if ((stage === 'follow_up' || stage === 'final') && !sent('first'))
    throw conflict('report.firstNotSent', {}, 'stage');
  if (stage === 'follow_up' && sent('final')) throw conflict('report.finalSent', {}, 'stage');
  if (stage === 'final' && own.some((r) => r.stage === 'final')) throw conflict('report.finalExists', {}, 'stage');
  if (stage === 'supplement' && !sent('final')) throw conflict('report.finalNotSent', {}, 'stage');
}

/**
 * The reporting unit's side: a stage is drafted by a handler, signed off by the head (or acting
 * head), and only then sent up, where it answers the stage's deadline. Each is one transaction with
 * its audit entry and a line on the incident's timeline.
 */
export class IncidentReportService {
  constructor(
    private readonly d: ReportDeps,
    private readonly duties: ReportDuties,
  ) {}

  async start(actor: Actor, incidentId: string, stage: ReportStage, content?: ReportContent): Promise<string> {
    return transactionWithHooks(this.d.db, async (tx, afterCommit) => {
      const incident = await this.d.incidents.visible(actor, incidentId, tx);
      requireHandler(actor, incident.unitId);
      requireReportable(incident);
      const own = (await repo.reportsOf(tx, [incidentId])).filter(
        (r) => r.unit_id === incident.unitId && !r.forwarded_from_id,
      );
      checkOrder(stage, own, incident);
      const now = this.d.clock.now();
      const id = await this.create(
        tx,
        actor,
        { incident, unitId: incident.unitId, toUnitId: incident.unitParentId!, stage, forwardedFrom: null },
        content ?? (await this.prefill(tx, actor, incident, own)),
        now,
      );
      this.d.notices.changed(afterCommit, incident);
      return id;
    });
  }

  /** A new report and its first version, as a draft; also how a unit above starts forwarding one. */
  async create(
    tx: Executor,
    actor: Actor,
    at: { incident: IncidentFacts; unitId: string; toUnitId: string; stage: ReportStage; forwardedFrom: string | null },
    content: ReportContent,
    now: Date,
  ): Promise<string> {
    const id = newId();
    const seq = await repo.nextSeq(tx, at.incident.id, at.unitId, at.stage);
    const stamp = now.toISOString();
    await repo.insertReport(tx, {
      id,
      incident_id: at.incident.id,
      unit_id: at.unitId,
      to_unit_id: at.toUnitId,
      stage: at.stage,
      seq,
      state: 'draft',
      reception: null,
      current_version: 1,
      forwarded_from_id: at.forwardedFrom,
      created_by_person_id: personOf(actor),
      created_at: stamp,
      updated_at: stamp,
      first_sent_at: null,
    });
    await repo.insertVersion(tx, {
      id: newId(),
      report_id: id,
      version: 1,
      content_json: JSON.stringify(content),
      edited_by_person_id: personOf(actor),
      created_at: stamp,
      updated_at: stamp,
      signed_off_by_person_id: null,
      signed_off_as: null,
      signed_off_at: null,
      sent_by_person_id: null,
      sent_at: null,
    });
    await this.d.incidents.record(tx, at.incident.id, someone(actor), now, 'report.drafted', {
      stage: at.stage,
      seq,
      reportId: id,
      forwarded: Boolean(at.forwardedFrom),
    });
    await this.d.audit.record(tx, actor, {
      action: 'incident-report.start',
      entity: 'incident_report',
      entityId: id,
      unitId: at.unitId,
      after: { stage: at.stage, seq, forwardedFrom: at.forwardedFrom },
    });
    return id;
  }

  /** A draft starts from the last version the unit sent, or from the incident; the reporter is whoever drafts. */
  private async prefill(
    tx: Executor,
    actor: Actor,
    incident: IncidentFacts,
    own: repo.ReportWithUnits[],
  ): Promise<ReportContent> {
    const sent = own.filter((r) => r.first_sent_at);
    const versions = await repo.versionsOf(
      tx,
      sent.map((r) => r.id),
    );
    const latest = versions.filter((v) => v.sent_at).sort((a, b) => (a.sent_at! < b.sent_at! ? 1 : -1))[0];
    const person = actor.kind === 'account' ? await this.d.people.person(tx, actor.personId) : undefined;
    const base = latest
      ? contentOf(latest.content_json)
      : ReportContent.parse({
          occurredAt: incident.occurredAt,
          place: incident.place,
          classCode: DEFAULT_CLASS[incident.type],
          severity: incident.severity,
          whatHappened: incident.description,
        });
    const changes = await repo.casualtyChangesOf(tx, incident.id, incident.unitId);
    const newest = changes[changes.length - 1];
    const casualties =
      newest && (!latest || newest.at > latest.sent_at!) ? JSON.parse(newest.casualties_json) : base.casualties;
    return {
      ...base,
      casualties,
      reporterName: person?.name ?? base.reporterName,
      reporterPhone: person?.phone ?? base.reporterPhone,
    };
  }

  async edit(actor: Actor, reportId: string, content: ReportContent): Promise<void> {
    await this.act(actor, reportId, 'incident-report.edit', async ({ tx, report, now }) => {
      requireHandler(actor, report.unit_id);
      if (report.state !== 'draft' && report.state !== 'submitted') throw conflict('report.notEditable', {}, 'content');
      await repo.updateVersion(tx, report.id, report.current_version, {
        content_json: JSON.stringify(content),
        edited_by_person_id: personOf(actor),
        updated_at: now.toISOString(),
      });
      return { version: report.current_version };
    });
  }

  /** 送签: the draft goes to the head, who is told with the stage's deadline. */
  async submit(actor: Actor, reportId: string): Promise<void> {
    await this.act(actor, reportId, 'incident-report.submit', async (a) => {
      requireHandler(actor, a.report.unit_id);
      if (a.report.state !== 'draft')
        throw conflict(a.report.state === 'submitted' ? 'report.draftOpen' : 'report.notEditable', {}, 'signOff');
      await this.requireComplete(a);
      await repo.updateReport(a.tx, a.report.id, { state: 'submitted', updated_at: a.now.toISOString() });
      await this.exchange(a, actor, 'submitted');
      const unit = await unitOf(this.d, a.tx, a.report.unit_id);
      const due = (await this.duties.answeredBy(a.tx, a.report))[0]?.due_at ?? null;
      const drafter = actor.kind === 'account' ? ((await this.d.people.person(a.tx, actor.personId))?.name ?? '') : '';
      const about = aboutReport(a.incident, a.report);
      await this.d.notices.tell(
        a.tx,
        a.afterCommit,
        a.now,
        await signersOf(this.d, a.tx, unit.id, a.now),
        unit,
        about,
        'report.sign-off',
        'report.ask.signOff',
        {
          drafter,
          due: this.d.notices.dueLine(unit, due),
        },
      );
      return { version: a.report.current_version };
    });
  }

  /** 签发: the head or acting head signs the current version; from now on it cannot change. */
  async signOff(actor: Actor, reportId: string): Promise<void> {
    await this.act(actor, reportId, 'incident-report.sign-off', async (a) => {
      const as = signerKind(actor, a.report.unit_id, await this.d.heads.actingHeadFor(a.report.unit_id, a.now, a.tx));
      if (!as) throw new AppError(403, 'forbidden', 'report.notSigner');
      if (a.report.state !== 'draft' && a.report.state !== 'submitted')
        throw conflict(a.report.state === 'sent' ? 'report.alreadySent' : 'report.alreadySignedOff', {}, 'signOff');
      await this.requireComplete(a);
      await repo.updateVersion(a.tx, a.report.id, a.report.current_version, {
        signed_off_by_person_id: personOf(actor),
        signed_off_as: as,
        signed_off_at: a.now.toISOString(),
      });
      await repo.updateReport(a.tx, a.report.id, { state: 'signed_off', updated_at: a.now.toISOString() });
      await this.exchange(a, actor, 'signed_off');
      await this.d.incidents.record(
        a.tx,
        a.incident.id,
        someone(actor),
        a.now,
        'report.signed_off',
        this.eventData(a.report, { as }),
      );
      return { version: a.report.current_version, as };
    });
  }

  /** 报送: only a signed-off version goes up; it answers its deadlines, and the unit above is told. */
  async send(actor: Actor, reportId: string): Promise<void> {
    await this.act(actor, reportId, 'incident-report.send', async (a) => {
      requireHandler(actor, a.report.unit_id);
      if (a.report.state !== 'signed_off')
        throw conflict(a.report.state === 'sent' ? 'report.alreadySent' : 'report.notSignedOff', {}, 'signOff');
      if (a.report.stage === 'follow_up' && a.incident.status === 'closed')
        throw conflict('report.incidentClosed', {}, 'stage');
      const at = a.now.toISOString();
      await repo.updateVersion(a.tx, a.report.id, a.report.current_version, {
        sent_by_person_id: personOf(actor),
        sent_at: at,
      });
      await repo.updateReport(a.tx, a.report.id, {
        state: 'sent',
        reception: 'received',
        first_sent_at: a.report.first_sent_at ?? at,
        updated_at: at,
      });
      await this.exchange(a, actor, 'sent');
      await this.duties.meet(a.tx, await this.duties.answeredBy(a.tx, a.report), a.report.id, a.now);
      if (a.report.stage === 'final') await this.duties.endFollowUps(a.tx, a.incident.id, a.report.unit_id);
      // The first written report is the formal report the chain asks for, where no verbal report was recorded.
      if (a.report.stage === 'first' && !a.report.forwarded_from_id) {
        const locale = a.incident.unitLocale === 'en' ? 'en' : 'zh-CN';
        await this.d.incidents.completeReportStep(
          a.tx,
          a.afterCommit,
          actor,
          a.incident.id,
          stageName('first', 1, locale),
        );
      }
      await this.d.incidents.record(
        a.tx,
        a.incident.id,
        someone(actor),
        a.now,
        'report.sent',
        this.eventData(a.report, { toUnit: a.report.to_unit_name }),
      );
      const to = await unitOf(this.d, a.tx, a.report.to_unit_id);
      const about = aboutReport(a.incident, a.report);
      await this.d.notices.tell(
        a.tx,
        a.afterCommit,
        a.now,
        await receiversOf(this.d, a.tx, to.id),
        to,
        about,
        'report.received',
        'report.ask.received',
        {
          unit: a.report.unit_name,
          version: a.report.current_version,
        },
      );
      return { version: a.report.current_version };
    });
  }

  private async requireComplete(a: ReportAction): Promise<void> {
    const version = (await repo.versionsOf(a.tx, [a.report.id])).find((v) => v.version === a.report.current_version)!;
    const missing = missingFields(
      contentOf(version.content_json),
      a.report.stage,
      a.incident.type,
      a.incident.severity,
    );
    const stage = `report.stage.${a.report.stage}` as const;
    if (missing.length)
      throw invalidFields(missing.map((field) => ({ field, key: 'report.required', paramKeys: { stage } })));
  }

  async exchange(
    a: ReportAction,
    actor: Actor,
    kind: ExchangeKind,
    extra: { unitId?: string; reason?: string; dueAt?: string; version?: number } = {},
  ): Promise<void> {
    await repo.insertExchange(a.tx, {
      id: newId(),
      report_id: a.report.id,
      version: extra.version ?? a.report.current_version,
      kind,
      unit_id: extra.unitId ?? a.report.unit_id,
      person_id: personOf(actor),
      at: a.now.toISOString(),
      reason: extra.reason ?? null,
      due_at: extra.dueAt ?? null,
    });
  }

  eventData(report: repo.ReportWithUnits, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      stage: report.stage,
      seq: report.seq,
      version: report.current_version,
      reportId: report.id,
      unit: report.unit_name,
      ...extra,
    };
  }

  /** One action on one report: visible, locked on PostgreSQL, audited, and the screens told after commit. */
  async act(
    actor: Actor,
    reportId: string,
    action: string,
    work: (a: ReportAction) => Promise<Record<string, unknown>>,
  ): Promise<void> {
    await transactionWithHooks(this.d.db, async (tx, afterCommit) => {
      const report = await repo.findReport(tx, reportId, this.d.dialect === 'postgres');
      if (!report || !canSee(actor, report.unit_path)) throw notFound();
      const incident = await this.d.incidents.visible(actor, report.incident_id, tx);
      const a = { tx, afterCommit, report, incident, now: this.d.clock.now() };
      const data = await work(a);
      await this.d.audit.record(tx, actor, {
        action,
        entity: 'incident_report',
        entityId: report.id,
        unitId: report.unit_id,
        after: data,
      });
      this.d.notices.changed(afterCommit, incident);
    });
  }
}
