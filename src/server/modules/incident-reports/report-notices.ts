import { DateTime } from 'luxon';
import type { Locale } from '../../../common/locale.js';
import { stageName } from '../../../common/report-stages.js';
import type { DutyKind, ReportStage } from '../../../common/schemas/incident-reports.js';
import type { AfterCommit, Executor } from '../../db/database.js';
import { INCIDENT_LABELS } from '../../exports/plan-labels.js';
import type { MessageKey } from '../../lib/messages.js';
import { inEach, say, type Wording } from '../../lib/wording.js';
import type { LiveBus } from '../../notify/live-bus.js';
import type { Notifier } from '../../notify/notifier.js';
import type { IncidentFacts } from '../incidents/incident-hooks.js';

/** The unit a message goes to: its language and zone phrase it. */
export interface NoticeUnit {
  name: string;
  locale: string;
  time_zone: string;
}

/** What a message is about: a stage of an incident's reporting, and where to open it. */
export interface About {
  incident: IncidentFacts;
  stage: DutyKind;
  seq: number;
  /** The report's page, or the incident's when there is no report yet. */
  reportId: string | null;
}

/** A message about a duty of the reporting (its stage and number, and its report once there is one). */
export const aboutDuty = (
  incident: IncidentFacts,
  duty: { kind: DutyKind; seq: number; report_id: string | null },
): About => ({
  incident,
  stage: duty.kind,
  seq: duty.seq,
  reportId: duty.report_id,
});

/** A message about a written report. */
export const aboutReport = (
  incident: IncidentFacts,
  report: { id: string; stage: ReportStage; seq: number },
): About => ({
  incident,
  stage: report.stage,
  seq: report.seq,
  reportId: report.id,
});

const localeOf = (unit: { locale: string }): Locale => (unit.locale === 'en' ? 'en' : 'zh-CN');

/**
 * Messages about staged reports, each in the language of the unit it goes to and with times in that
 * unit's zone; sent through the notifier (in the app, and by each person's own contact methods).
 */
export class ReportNotices {
  constructor(
    private readonly notifier: Notifier,
    private readonly bus: LiveBus,
  ) {}

  async tell(
    tx: Executor,
    afterCommit: AfterCommit,
    now: Date,
    people: string[],
    to: NoticeUnit,
    about: About,
    kind: string,
    body: MessageKey,
    params: Record<string, Wording | number> = {},
  ): Promise<void> {
    const locale = localeOf(to);
    const stage = inEach((l) => stageName(about.stage, about.seq, l));
    const due = typeof params.due === 'string' ? this.when(params.due, to) : '';
    const type = inEach((l) => INCIDENT_LABELS[l][about.incident.type]);
    await this.notifier.tell(
      tx,
      afterCommit,
      people,
      {
        kind,
        locale,
        incidentId: about.incident.id,
        link: about.reportId ? `/incident-reports/${about.reportId}` : `/incidents/${about.incident.id}`,
        title: say('report.title', { unit: about.incident.unitName, type, stage }),
        body: say(body, { ...params, stage, due }),
      },
      now,
    );
  }

  /** "本阶段时限：…" for a message that asks for something by a deadline. */
  dueLine(to: NoticeUnit, dueAt: string | null): Wording {
    return dueAt ? say('report.dueBy', { due: this.when(dueAt, to) }) : '';
  }

  private when(iso: string, unit: NoticeUnit): string {
    return DateTime.fromISO(iso).setZone(unit.time_zone).toFormat('yyyy-MM-dd HH:mm');
  }

  /** The board, the incident page and the inboxes re-read once the change has committed. */
  changed(afterCommit: AfterCommit, incident: IncidentFacts): void {
    afterCommit(() => this.bus.publish({ kind: 'incident', incidentId: incident.id, unitPath: incident.unitPath }));
  }
}
