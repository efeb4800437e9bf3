import { DateTime } from 'luxon';
import { classFor } from '../../../common/incident-classes.js';
import { sameCasualties } from '../../../common/report-diff.js';
import { NO_CASUALTIES, type Casualties, type VerbalReportBody } from '../../../common/schemas/incident-reports.js';
import type { z } from 'zod';
import { transactionWithHooks, type Executor } from '../../db/database.js';
import { conflict, invalid } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Actor } from '../auth/actor.js';
import type { IncidentFacts } from '../incidents/incident-hooks.js';
import { requireHandler } from './incident-reports.policy.js';
import * as repo from './incident-reports.repository.js';
import { contentOf, requireReportable, type IncidentReportService } from './incident-reports.service.js';
import { personOf, someone, type ReportDeps } from './report-context.js';
import type { ReportDuties } from './report-duties.js';

/**
 * Facts the unit records about its reporting: the verbal report to the unit above (who was told,
 * how and when), which meets its deadline and completes the chain's report step; and a change of
 * casualty figures, which after the final report opens a 补报 due within the legal window.
 */
export class ReportRecordsService {
  constructor(
    private readonly d: ReportDeps,
    private readonly reports: IncidentReportService,
    private readonly duties: ReportDuties,
  ) {}

  async recordVerbal(actor: Actor, incidentId: string, body: z.infer<typeof VerbalReportBody>): Promise<void> {
    await transactionWithHooks(this.d.db, async (tx, afterCommit) => {
      const incident = await this.d.incidents.visible(actor, incidentId, tx);
      requireHandler(actor, incident.unitId);
      requireReportable(incident, 'toWhom');
      const now = this.d.clock.now();
      const at = new Date(body.at);
      if (at.getTime() > now.getTime() + 60_000) throw invalid('at', 'report.verbalInFuture');
      // Times are entered to the minute: a call in the same minute as the incident is not before it.
      if (at.getTime() < Math.floor(Date.parse(incident.occurredAt) / 60_000) * 60_000)
        throw invalid('at', 'report.verbalBeforeIncident');
      if (await repo.verbalOf(tx, incident.id, incident.unitId)) throw conflict('report.verbalExists', {}, 'at');
      const duties = (await repo.dutiesOf(tx, [incident.id])).filter(
        (x) => x.unit_id === incident.unitId && x.kind === 'verbal' && x.state === 'open',
      );
      const late = duties.some((x) => at.toISOString() > x.due_at);
      const stepId = await this.d.incidents.completeReportStep(
        tx,
        afterCommit,
        actor,
        incident.id,
        `${body.toWhom}：${body.summary}`,
      );
      const id = newId();
      await repo.insertVerbal(tx, {
        id,
        incident_id: incident.id,
        unit_id: incident.unitId,
        to_unit_id: incident.unitParentId!,
        to_whom: body.toWhom,
        channel: body.channel,
        at: at.toISOString(),
        summary: body.summary,
        late: late ? 1 : 0,
        chain_step_id: stepId,
        recorded_by_person_id: personOf(actor),
        recorded_at: now.toISOString(),
      });
      await this.duties.meet(tx, duties, null, at);
      await this.d.incidents.record(
        tx,
        incident.id,
        someone(actor),
        now,
        'report.verbal',
        { toWhom: body.toWhom, channel: body.channel, at: at.toISOString(), late, stepId },
        body.summary,
      );
      await this.d.audit.record(tx, actor, {
        action: 'incident-report.verbal',
        entity: 'incident',
        entityId: incident.id,
        unitId: incident.unitId,
        after: { channel: body.channel, at: at.toISOString(), late },
      });
      this.d.notices.changed(afterCommit, incident);
    });
  }

  /** The figures now: the latest change recorded, else the latest report sent, else none. */
  async currentCasualties(
    tx: Executor,
    incident: IncidentFacts,
  ): Promise<{ casualties: Casualties; finalSent: boolean }> {
    const own = (await repo.reportsOf(tx, [incident.id])).filter(
      (r) => r.unit_id === incident.unitId && !r.forwarded_from_id,
    );
    const versions = (
      await repo.versionsOf(
        tx,
        own.map((r) => r.id),
      )
    )
      .filter((v) => v.sent_at)
      .sort((a, b) => (a.sent_at! < b.sent_at! ? -1 : 1));
    const lastSent = versions[versions.length - 1];
    const lastChange = (await repo.casualtyChangesOf(tx, incident.id, incident.unitId)).pop();
    const finalSent = own.some((r) => r.stage === 'final' && r.first_sent_at);
    if (lastChange && (!lastSent || lastChange.at > lastSent.sent_at!))
      return { casualties: JSON.parse(lastChange.casualties_json) as Casualties, finalSent };
    return { casualties: lastSent ? contentOf(lastSent.content_json).casualties : NO_CASUALTIES, finalSent };
  }

  /** Records new figures; after the final report they open (or update) a 补报. Returns its id, if any. */
  async changeCasualties(
    actor: Actor,
    incidentId: string,
    casualties: Casualties,
    note: string,
  ): Promise<string | null> {
    return transactionWithHooks(this.d.db, async (tx, afterCommit) => {
      const incident = await this.d.incidents.visible(actor, incidentId, tx);
      requireHandler(actor, incident.unitId);
      requireReportable(incident, 'casualties');
      const now = this.d.clock.now();
      const current = await this.currentCasualties(tx, incident);
      if (sameCasualties(current.casualties, casualties)) throw invalid('casualties', 'report.sameCasualties');
      const supplementId = current.finalSent ? await this.supplement(tx, actor, incident, casualties, note, now) : null;
      await repo.insertCasualtyChange(tx, {
        id: newId(),
        incident_id: incident.id,
        unit_id: incident.unitId,
        casualties_json: JSON.stringify(casualties),
        note,
        supplement_report_id: supplementId,
        person_id: personOf(actor),
        at: now.toISOString(),
      });
      await this.d.incidents.record(
        tx,
        incident.id,
        someone(actor),
        now,
        'report.casualties',
        { casualties, supplementId },
        note,
      );
      await this.d.audit.record(tx, actor, {
        action: 'incident-report.casualties',
        entity: 'incident',
        entityId: incident.id,
        unitId: incident.unitId,
        after: { casualties, supplementId },
      });
      this.d.notices.changed(afterCommit, incident);
      return supplementId;
    });
  }

  /**
   * The 补报 for a change after the final report: a draft not yet sent takes the new figures (and
   * needs signing again); otherwise a new one starts. Its deadline is the end of the legal window
   * counted from the incident — 30 days, 7 for road traffic and fire — with a reminder before it.
   */
  private async supplement(
    tx: Executor,
    actor: Actor,
    incident: IncidentFacts,
    casualties: Casualties,
    note: string,
    now: Date,
  ): Promise<string> {
    const own = (await repo.reportsOf(tx, [incident.id])).filter(
      (r) => r.unit_id === incident.unitId && !r.forwarded_from_id,
    );
    const open = own.find((r) => r.stage === 'supplement' && r.state !== 'sent');
    if (open) {
      const version = (await repo.versionsOf(tx, [open.id])).find((v) => v.version === open.current_version)!;
      const content = { ...contentOf(version.content_json), casualties };
      await repo.updateVersion(tx, open.id, open.current_version, {
        content_json: JSON.stringify(content),
        edited_by_person_id: personOf(actor),
        updated_at: now.toISOString(),
        signed_off_by_person_id: null,
        signed_off_as: null,
        signed_off_at: null,
      });
      await repo.updateReport(tx, open.id, { state: 'draft', updated_at: now.toISOString() });
      return open.id;
    }
    const final = own.find((r) => r.stage === 'final')!;
    const finalVersion = (await repo.versionsOf(tx, [final.id])).filter((v) => v.sent_at).pop()!;
    const base = contentOf(finalVersion.content_json);
    const person = actor.kind === 'account' ? await this.d.people.person(tx, actor.personId) : undefined;
    const content = {
      ...base,
      casualties,
      whatHappened: note,
      reporterName: person?.name ?? base.reporterName,
      reporterPhone: person?.phone ?? base.reporterPhone,
    };
    const id = await this.reports.create(
      tx,
      actor,
      { incident, unitId: incident.unitId, toUnitId: incident.unitParentId!, stage: 'supplement', forwardedFrom: null },
      content,
      now,
    );
    const { rules } = await this.d.rules.forUnit(incident.unitId, now, tx);
    const stages = rules.reportStages;
    const roadOrFire = ['fire', 'traffic'].includes(classFor(base.classCode, incident.type).type);
    const days = roadOrFire ? stages.supplementDaysRoadOrFire : stages.supplementDays;
    const dueAt = DateTime.fromISO(incident.occurredAt, { zone: incident.unitTimeZone }).plus({ days }).toJSDate();
    if (dueAt > now) {
      const seq = own.filter((r) => r.stage === 'supplement').length + 1;
      const remindAt = new Date(dueAt.getTime() - stages.supplementReminderHours * 3_600_000);
      await this.duties.open(
        tx,
        { incidentId: incident.id, unitId: incident.unitId, kind: 'supplement', seq, reportId: id, dueAt, remindAt },
        now,
      );
    }
    return id;
  }
}
