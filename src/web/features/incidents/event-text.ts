import type { IncidentType } from '../../../common/org.js';
import { INCIDENT_TYPES } from '../../../common/org.js';
import { incidentTypeLabel } from '../../components/labels.js';
import type { Translate } from '../../i18n/index.js';
import type { IncidentEvent } from './api.js';
import { duration, FLAG_KIND_LIST, STATUSES } from './format.js';
import type { IncidentsT } from './i18n.js';

/** Who did it, as people read it: the engine and other system actors are "Steady" / "系统". */
export function actorName(it: IncidentsT, actor: string): string {
  return actor.startsWith('system:') ? it('timeline.system') : actor;
}

const ACK_VIAS = ['link', 'sms', 'wecom_app'] as const;
const num = (value: unknown, fallback = 0) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
const str = (value: unknown) => (typeof value === 'string' ? value : '');
const oneOf = <T extends string>(list: readonly T[], value: unknown): T | undefined =>
  (list as readonly unknown[]).includes(value) ? (value as T) : undefined;

/**
 * One timeline entry as a sentence in the user's language, built from its kind and data (never from
 * server text, which is in the language of whoever acted). Free text (a comment, a report) is shown
 * apart, as written.
 */
export function eventSentence(it: IncidentsT, t: Translate, event: IncidentEvent): string {
  const data = event.data ?? {};
  const actor = event.actorName ?? actorName(it, event.actor);
  const step = num(data.position) + 1;
  const status = (value: unknown) => {
    const s = oneOf(STATUSES, value);
    return s ? it(`status.${s}`) : str(value);
  };
  switch (event.kind) {
    case 'reported': {
      const type = oneOf<IncidentType>(INCIDENT_TYPES, data.type);
      const severity = num(data.severity, 4) as 1 | 2 | 3 | 4;
      const vars = {
        actor,
        type: type ? incidentTypeLabel(t, type) : str(data.type),
        severity: it(`severity.${severity}`),
        place: str(data.place),
      };
      return it(data.drill ? 'ev.reportedDrill' : 'ev.reported', vars);
    }
    case 'step.activated':
      return data.simulated
        ? it('ev.step.activatedSimulated', { n: step })
        : it('ev.step.activated', { n: step, people: num(data.people) });
    case 'step.practised':
      return it('ev.step.practised', { n: step });
    case 'step.acknowledged': {
      // How it came: in the app (no note), by the one-tap link, by an SMS or work-app reply.
      const via = oneOf(ACK_VIAS, data.via);
      return (
        it(data.late ? 'ev.step.acknowledgedLate' : 'ev.step.acknowledged', { actor, n: step }) +
        (via ? it(`ev.via.${via}`) : '')
      );
    }
    case 'step.report_filed':
      return it('ev.step.report_filed', { actor, n: step });
    case 'step.late':
      return it('ev.step.late', { n: step });
    case 'step.escalated':
      return it('ev.step.escalated', { people: num(data.people) });
    case 'status':
      return it('ev.status', { actor, from: status(data.from), to: status(data.to) });
    case 'comment':
      return it('ev.comment', { actor });
    case 'update':
      return it('ev.update', { actor });
    case 'flag.concealed':
      return it('ev.flag.concealed', { time: duration(it, num(data.minutes) * 60_000) });
    case 'flag.explained': {
      const kind = oneOf(FLAG_KIND_LIST, data.kind);
      return it('ev.flag.explained', { actor, kind: kind ? it(`flag.${kind}`) : str(data.kind) });
    }
    case 'closed':
      return num(data.missing) > 0
        ? it('ev.closedMissing', { actor, missing: num(data.missing) })
        : it('ev.closed', { actor });
    default:
      return it('ev.other', { actor, kind: event.kind });
  }
}

const FIRST = ['reported'];

/**
 * Events in the order they happened. Several written in one transaction share a timestamp and the
 * server then orders them by a random part of their id (see the report's server notes); the report
 * itself must come first, so among equal times `reported` leads.
 */
export function orderEvents(events: IncidentEvent[]): IncidentEvent[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort(
      (a, b) =>
        a.event.at.localeCompare(b.event.at) ||
        Number(FIRST.includes(b.event.kind)) - Number(FIRST.includes(a.event.kind)) ||
        a.index - b.index,
    )
    .map(({ event }) => event);
}
