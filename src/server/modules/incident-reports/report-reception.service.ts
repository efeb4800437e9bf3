import { conflict, invalid } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Actor } from '../auth/actor.js';
import { requireHandler, requireReceiver } from './incident-reports.policy.js';
import * as repo from './incident-reports.repository.js';
import { contentOf, type IncidentReportService, type ReportAction } from './incident-reports.service.js';
import { personOf, responsibleFor, someone, unitOf, type ReportDeps } from './report-context.js';
import type { ReportDuties } from './report-duties.js';
import { aboutReport } from './report-notices.js';

/**
 * The receiving unit's side. Returning a report for more information (退回补充) is part of the
 * exchange, not a flag: it names a reason and a new deadline, and the unit corrects a new version
 * (the one sent stays as it was). Accepting closes the exchange; forwarding makes the receiving
 * unit's own report to the unit above it, linked to the one it forwards.
 */
export class ReportReceptionService {
  constructor(
    private readonly d: ReportDeps,
    private readonly reports: IncidentReportService,
    private readonly duties: ReportDuties,
  ) {}

  async returnForMore(actor: Actor, reportId: string, reason: string, dueAt: string): Promise<void> {
    await this.reports.act(actor, reportId, 'incident-report.return', async (a) => {
      requireReceiver(actor, a.report.to_unit_id);
      if (a.report.reception !== 'received') throw conflict('report.notAwaiting', {}, 'reason');
      const due = new Date(dueAt);
      if (due <= a.now) throw invalid('dueAt', 'report.dueInPast');
      const versions = await repo.versionsOf(a.tx, [a.report.id]);
      const sent = versions.find((v) => v.version === a.report.current_version)!;
      const next = a.report.current_version + 1;
      const stamp = a.now.toISOString();
      await repo.insertVersion(a.tx, {
        ...sent,
        id: newId(),
        version: next,
        created_at: stamp,
        updated_at: stamp,
        edited_by_person_id: null,
        signed_off_by_person_id: null,
        signed_off_as: null,
        signed_off_at: null,
        sent_by_person_id: null,
        sent_at: null,
      });
      await this.reports.exchange(a, actor, 'returned', {
        unitId: a.report.to_unit_id,
        reason,
        dueAt: due.toISOString(),
      });
      await repo.updateReport(a.tx, a.report.id, {
        state: 'draft',
        reception: 'returned',
        current_version: next,
        updated_at: stamp,
      });
      await this.duties.reopenForReturn(a.tx, a.report, due, a.now);
      await this.d.incidents.record(
        a.tx,
        a.incident.id,
        someone(actor),
        a.now,
        'report.returned',
        this.reports.eventData(a.report, { dueAt: due.toISOString(), by: a.report.to_unit_name }),
        reason,
      );
      await this.tellUnit(a, 'report.returned', 'report.ask.returned', { reason, due: due.toISOString() });
      return { version: a.report.current_version, reason, dueAt: due.toISOString() };
    });
  }

  async accept(actor: Actor, reportId: string): Promise<void> {
    await this.reports.act(actor, reportId, 'incident-report.accept', async (a) => {
      requireReceiver(actor, a.report.to_unit_id);
      if (a.report.reception !== 'received') throw conflict('report.notAwaiting', {}, 'reception');
      await this.reports.exchange(a, actor, 'accepted', { unitId: a.report.to_unit_id });
      await repo.updateReport(a.tx, a.report.id, { reception: 'accepted', updated_at: a.now.toISOString() });
      await this.d.incidents.record(
        a.tx,
        a.incident.id,
        someone(actor),
        a.now,
        'report.accepted',
        this.reports.eventData(a.report, { by: a.report.to_unit_name }),
      );
      await this.tellUnit(a, 'report.accepted', 'report.ask.accepted', { version: a.report.current_version });
      return { version: a.report.current_version };
    });
  }

  /**
   * 转报: the receiving unit starts its own report of the same stage to the unit above it, from the
   * version it received; its head signs it off like any other, within the plan's forwarding time.
   */
  async forward(actor: Actor, reportId: string): Promise<string> {
    let created = '';
    await this.reports.act(actor, reportId, 'incident-report.forward', async (a) => {
      requireHandler(actor, a.report.to_unit_id);
      if (!a.report.first_sent_at) throw conflict('report.notSentYet', {}, 'reportId');
      if (await repo.forwardOf(a.tx, a.report.id)) throw conflict('report.alreadyForwarded', {}, 'reportId');
      const from = await unitOf(this.d, a.tx, a.report.to_unit_id);
      if (!from.parent_id) throw conflict('report.noParent', {}, 'reportId');
      const versions = await repo.versionsOf(a.tx, [a.report.id]);
      const received = versions.filter((v) => v.sent_at).pop()!;
      const person = actor.kind === 'account' ? await this.d.people.person(a.tx, actor.personId) : undefined;
      const content = {
        ...contentOf(received.content_json),
        reporterName: person?.name ?? '',
        reporterPhone: person?.phone ?? '',
      };
      const stage = a.report.stage;
      created = await this.reports.create(
        a.tx,
        actor,
        { incident: a.incident, unitId: from.id, toUnitId: from.parent_id, stage, forwardedFrom: a.report.id },
        content,
        a.now,
      );
      const { rules } = await this.d.rules.forUnit(from.id, a.now, a.tx);
      const dueAt = new Date(Date.parse(received.sent_at!) + rules.reportStages.forwardMinutes * 60_000);
      await this.duties.open(
        a.tx,
        { incidentId: a.incident.id, unitId: from.id, kind: 'forward', seq: 1, reportId: created, dueAt },
        a.now,
      );
      await this.reports.exchange(a, actor, 'forwarded', { unitId: from.id });
      return { forwardedAs: created, by: personOf(actor) };
    });
    return created;
  }

  /** The reporting unit hears the answer: whoever drafted it, and those who answer for the unit's reports. */
  private async tellUnit(
    a: ReportAction,
    kind: string,
    body: 'report.ask.returned' | 'report.ask.accepted',
    params: Record<string, string | number>,
  ): Promise<void> {
    const unit = await unitOf(this.d, a.tx, a.report.unit_id);
    const people = [
      ...(a.report.created_by_person_id ? [a.report.created_by_person_id] : []),
      ...(await responsibleFor(this.d, a.tx, unit.id, a.now)),
    ];
    const about = aboutReport(a.incident, a.report);
    await this.d.notices.tell(a.tx, a.afterCommit, a.now, people, unit, about, kind, body, {
      ...params,
      unit: a.report.to_unit_name,
    });
  }
}
