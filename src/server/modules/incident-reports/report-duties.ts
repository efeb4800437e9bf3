import { DateTime } from 'luxon';
import type { DutyKind } from '../../../common/schemas/incident-reports.js';
import type { ReportStageRules } from '../../../common/schemas/report-stage-rules.js';
import type { AfterCommit, Executor } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import type { IncidentFacts } from '../incidents/incident-hooks.js';
import { receiversOf, responsibleFor, unitOf, type ReportDeps } from './report-context.js';
import * as repo from './incident-reports.repository.js';
import type { IncidentReportDutyRow } from './incident-reports.repository.js';
import { aboutDuty } from './report-notices.js';

export const DUTY_DUE_DEADLINE = 'incident-reports.duty-due';
export const DUTY_REMINDER_DEADLINE = 'incident-reports.duty-reminder';

export interface NewDuty {
  incidentId: string;
  unitId: string;
  kind: DutyKind;
  seq: number;
  reportId: string | null;
  dueAt: Date;
  /** A reminder before the deadline; dropped when it would already be past. */
  remindAt?: Date;
}

/** The next daily follow-up: the plan's local time on the day after `after`, in the unit's zone. */
export function nextFollowUpAt(after: Date, time: string, zone: string): Date {
  const [hour, minute] = time.split(':').map(Number);
  return DateTime.fromJSDate(after, { zone })
    .plus({ days: 1 })
    .set({ hour, minute, second: 0, millisecond: 0 })
    .toJSDate();
}

const stageKinds: Record<string, DutyKind[]> = {
  first: ['first'],
  follow_up: ['follow_up'],
  final: ['final'],
  supplement: ['supplement'],
};

/**
 * The deadlines of the reporting, each a row (a duty) with an engine deadline: the verbal and first
 * reports from the moment an incident is reported, a follow-up every day while it is not over, the
 * final report once it is under control, a 补报 after a casualty change, forwarding upward and
 * correcting a returned report. A duty missed is marked late and flagged on the incident's record,
 * and the unit above is told, as the chain does for its steps.
 */
export class ReportDuties {
  constructor(private readonly d: ReportDeps) {}

  async open(tx: Executor, duty: NewDuty, now: Date): Promise<IncidentReportDutyRow> {
    return (await this.openAll(tx, [duty], now))[0]!;
  }

  /** Opens several duties with their deadlines: one statement for the duties, one for the deadlines. */
  async openAll(tx: Executor, duties: NewDuty[], now: Date): Promise<IncidentReportDutyRow[]> {
    const rows: IncidentReportDutyRow[] = duties.map((duty) => ({
      id: newId(),
      incident_id: duty.incidentId,
      unit_id: duty.unitId,
      kind: duty.kind,
      seq: duty.seq,
      report_id: duty.reportId,
      due_at: duty.dueAt.toISOString(),
      remind_at: duty.remindAt && duty.remindAt > now ? duty.remindAt.toISOString() : null,
      state: 'open',
      late: 0,
      met_at: null,
      created_at: now.toISOString(),
    }));
    await repo.insertDuties(tx, rows);
    await this.d.engine.scheduleAll(
      tx,
      rows.flatMap((row) => [
        { kind: DUTY_DUE_DEADLINE, refId: row.id, unitId: row.unit_id, dueAt: new Date(row.due_at) },
        ...(row.remind_at
          ? [{ kind: DUTY_REMINDER_DEADLINE, refId: row.id, unitId: row.unit_id, dueAt: new Date(row.remind_at) }]
          : []),
      ]),
    );
    return rows;
  }

  private async stageRules(tx: Executor, unitId: string, now: Date): Promise<ReportStageRules> {
    return (await this.d.rules.forUnit(unitId, now, tx)).rules.reportStages;
  }

  /** An incident is reported: the verbal report, the first report and tomorrow's follow-up fall due. */
  async incidentReported(tx: Executor, incident: IncidentFacts, now: Date): Promise<void> {
    if (incident.drill || !incident.unitParentId) return;
    const rules = await this.stageRules(tx, incident.unitId, now);
    const reported = new Date(incident.reportedAt);
    const base = { incidentId: incident.id, unitId: incident.unitId, seq: 1, reportId: null };
    await this.openAll(
      tx,
      [
        { ...base, kind: 'verbal', dueAt: new Date(reported.getTime() + rules.verbalMinutes * 60_000) },
        { ...base, kind: 'first', dueAt: new Date(reported.getTime() + rules.firstMinutes * 60_000) },
        { ...base, kind: 'follow_up', dueAt: nextFollowUpAt(reported, rules.followUpTime, incident.unitTimeZone) },
      ],
      now,
    );
  }

  /**
   * Under control or closed: the final report falls due in the plan's days, unless it is in. Closed:
   * the daily follow-ups end, and a verbal or first report never made is on the record as missing.
   */
  async statusChanged(tx: Executor, incident: IncidentFacts, now: Date): Promise<void> {
    if (incident.drill || !incident.unitParentId || !['under_control', 'closed'].includes(incident.status)) return;
    const duties = (await repo.dutiesOf(tx, [incident.id])).filter((x) => x.unit_id === incident.unitId);
    if (!(await this.finalSent(tx, incident.id, incident.unitId)) && !duties.some((x) => x.kind === 'final')) {
      const rules = await this.stageRules(tx, incident.unitId, now);
      const dueAt = DateTime.fromJSDate(now, { zone: incident.unitTimeZone })
        .plus({ days: rules.finalDays })
        .toJSDate();
      await this.open(
        tx,
        { incidentId: incident.id, unitId: incident.unitId, kind: 'final', seq: 1, reportId: null, dueAt },
        now,
      );
    }
    if (incident.status !== 'closed') return;
    for (const duty of duties.filter((x) => x.state === 'open')) {
      if (duty.kind === 'follow_up') await this.cancel(tx, duty);
      if (duty.kind === 'verbal' || duty.kind === 'first') {
        await this.flag(tx, duty, 'missing', now);
        await this.cancel(tx, duty);
      }
    }
  }

  private async finalSent(tx: Executor, incidentId: string, unitId: string): Promise<boolean> {
    return (await repo.reportsOf(tx, [incidentId])).some(
      (r) => r.unit_id === unitId && r.stage === 'final' && r.first_sent_at !== null,
    );
  }

  async cancel(tx: Executor, duty: IncidentReportDutyRow): Promise<void> {
    await repo.updateDuty(tx, duty.id, { state: 'cancelled' });
    await this.d.engine.cancel(tx, DUTY_DUE_DEADLINE, duty.id);
    await this.d.engine.cancel(tx, DUTY_REMINDER_DEADLINE, duty.id);
  }

  /** The open duties a sent report answers: its stage's (the earliest daily follow-up), forwarding, corrections. */
  async answeredBy(tx: Executor, report: repo.ReportWithUnits): Promise<IncidentReportDutyRow[]> {
    const duties = (await repo.dutiesOf(tx, [report.incident_id])).filter(
      (x) => x.unit_id === report.unit_id && x.state === 'open',
    );
    const own = duties.filter((x) => x.report_id === report.id);
    const stage = report.forwarded_from_id
      ? []
      : duties.filter((x) => x.report_id === null && stageKinds[report.stage]?.includes(x.kind));
    return [...own, ...stage.slice(0, 1)];
  }

  /** Met now; met after its time, it is late and on the record even if the engine has not yet fired. */
  async meet(tx: Executor, duties: IncidentReportDutyRow[], reportId: string | null, now: Date): Promise<void> {
    for (const duty of duties) {
      await repo.updateDuty(tx, duty.id, {
        state: 'met',
        met_at: now.toISOString(),
        report_id: reportId ?? duty.report_id,
      });
      if (now.toISOString() > duty.due_at && !duty.late) await this.flag(tx, duty, 'late', now);
    }
  }

  /** A final report sent ends the daily follow-ups. */
  async endFollowUps(tx: Executor, incidentId: string, unitId: string): Promise<void> {
    const open = (await repo.dutiesOf(tx, [incidentId])).filter(
      (x) => x.unit_id === unitId && x.kind === 'follow_up' && x.state === 'open',
    );
    for (const duty of open) await this.cancel(tx, duty);
  }

  /**
   * A returned report is not complete: the stage duty it met opens again while its own deadline is
   * still ahead (so the stage is late if the correction comes after it), and the correction has the
   * deadline the unit above set.
   */
  async reopenForReturn(tx: Executor, report: repo.ReportWithUnits, dueAt: Date, now: Date): Promise<void> {
    const duties = (await repo.dutiesOf(tx, [report.incident_id])).filter((x) => x.report_id === report.id);
    for (const duty of duties.filter(
      (x) => x.state === 'met' && x.kind !== 'correction' && x.due_at > now.toISOString(),
    )) {
      await repo.updateDuty(tx, duty.id, { state: 'open', met_at: null });
    }
    const seq = duties.filter((x) => x.kind === 'correction').length + 1;
    await this.open(
      tx,
      { incidentId: report.incident_id, unitId: report.unit_id, kind: 'correction', seq, reportId: report.id, dueAt },
      now,
    );
  }

  private async flag(tx: Executor, duty: IncidentReportDutyRow, kind: 'late' | 'missing', now: Date): Promise<void> {
    if (kind === 'late') await repo.updateDuty(tx, duty.id, { late: 1 });
    await this.d.incidents.flag(tx, {
      incidentId: duty.incident_id,
      kind,
      refId: duty.id,
      unitId: duty.unit_id,
      personIds: await responsibleFor(this.d, tx, duty.unit_id, now),
      at: now,
      detail: { stage: duty.kind, seq: duty.seq, dueAt: duty.due_at, reportId: duty.report_id },
    });
    await this.d.incidents.record(tx, duty.incident_id, null, now, `report.${kind}`, {
      stage: duty.kind,
      seq: duty.seq,
      dueAt: duty.due_at,
      reportId: duty.report_id,
    });
  }

  /** The engine: a duty's time has come. A daily follow-up plans tomorrow's first; a duty still open is late. */
  async onDue(tx: Executor, dutyId: string, now: Date, afterCommit: AfterCommit): Promise<void> {
    const duty = await repo.findDuty(tx, dutyId);
    const incident = duty && (await this.d.incidents.find(tx, duty.incident_id));
    if (!duty || !incident) return;
    if (
      duty.kind === 'follow_up' &&
      duty.state !== 'cancelled' &&
      incident.status !== 'closed' &&
      !(await this.finalSent(tx, incident.id, duty.unit_id))
    ) {
      const rules = await this.stageRules(tx, duty.unit_id, now);
      const dueAt = nextFollowUpAt(new Date(duty.due_at), rules.followUpTime, incident.unitTimeZone);
      await this.open(
        tx,
        { incidentId: incident.id, unitId: duty.unit_id, kind: 'follow_up', seq: duty.seq + 1, reportId: null, dueAt },
        now,
      );
    }
    if (duty.state !== 'open') return;
    await this.flag(tx, duty, 'late', now);
    const unit = await unitOf(this.d, tx, duty.unit_id);
    const about = aboutDuty(incident, duty);
    await this.d.notices.tell(
      tx,
      afterCommit,
      now,
      await responsibleFor(this.d, tx, unit.id, now),
      unit,
      about,
      'report.late',
      'report.ask.late',
      { due: duty.due_at },
    );
    if (unit.parent_id) {
      const parent = await unitOf(this.d, tx, unit.parent_id);
      const people = await receiversOf(this.d, tx, parent.id);
      await this.d.notices.tell(tx, afterCommit, now, people, parent, about, 'report.late', 'report.ask.lateParent', {
        due: duty.due_at,
        unit: unit.name,
      });
    }
    this.d.notices.changed(afterCommit, incident);
  }

  /** The engine: remind the unit of a duty still open (the 补报 after a casualty change). */
  async onReminder(tx: Executor, dutyId: string, now: Date, afterCommit: AfterCommit): Promise<void> {
    const duty = await repo.findDuty(tx, dutyId);
    const incident = duty && (await this.d.incidents.find(tx, duty.incident_id));
    if (!duty || !incident || duty.state !== 'open') return;
    const unit = await unitOf(this.d, tx, duty.unit_id);
    const about = aboutDuty(incident, duty);
    await this.d.notices.tell(
      tx,
      afterCommit,
      now,
      await responsibleFor(this.d, tx, unit.id, now),
      unit,
      about,
      'report.reminder',
      'report.ask.reminder',
      { due: duty.due_at },
    );
    await this.d.incidents.record(tx, incident.id, null, now, 'report.reminded', {
      stage: duty.kind,
      seq: duty.seq,
      dueAt: duty.due_at,
    });
  }
}
