import type { AfterActionReport, Incident, RecipientReason } from '../../../common/schemas/incidents.js';
import type { IncidentEventRow, IncidentFlagRow, IncidentStepRow } from './incidents.table.js';
import type { Actor } from '../auth/actor.js';
import { actsOnStep } from './incident-chain.js';
import type { IncidentWithUnit } from './incidents.repository.js';

export interface IncidentBundle {
  incident: IncidentWithUnit;
  steps: IncidentStepRow[];
  recipients: { step_id: string; person_id: string; reason: RecipientReason; name: string }[];
  unitNames: Map<string, string>;
  names: Map<string, string>;
  events: IncidentEventRow[];
  flags: IncidentFlagRow[];
  notes: { flag_id: string; at: string; actor_label: string; text: string }[];
  /** As filed; follow-ups carry the id of the task made for them (reports filed before that have none). */
  afterAction:
    | (Omit<AfterActionReport, 'followUps'> & {
        followUps: (AfterActionReport['followUps'][number] & { taskId?: string | null })[];
      })
    | null;
  photos: { id: string; mime: string; size: number; created_at: string }[];
  /** The newest delivery to each person told about the incident. */
  reached: Map<string, { channel: string; state: string; at: string }>;
}

/** A delivery's state as the page shows it: queued and on the wire are both "sending". */
function reachOf(
  delivery: { channel: string; state: string; at: string } | undefined,
): Incident['steps'][number]['recipients'][number]['reached'] {
  if (!delivery) return null;
  const state =
    delivery.state === 'pending' || delivery.state === 'sending'
      ? 'sending'
      : (delivery.state as 'sent' | 'failed' | 'dead');
  return { channel: delivery.channel, state, at: delivery.at };
}

const parse = (json: string | null) => (json ? (JSON.parse(json) as Record<string, unknown>) : null);

export function presentIncident(actor: Actor, b: IncidentBundle): Incident {
  const me = actor.kind === 'account' ? actor.personId : null;
  const { incident } = b;
  return {
    id: incident.id,
    unitId: incident.unit_id,
    unitName: incident.unit_name,
    unitLanguage: incident.unit_locale === 'en' ? 'en' : 'zh-CN',
    type: incident.type,
    severity: incident.severity,
    place: incident.place,
    description: incident.description,
    occurredAt: incident.occurred_at,
    reportedAt: incident.reported_at,
    reporter: incident.reporter_person_id ? (b.names.get(incident.reporter_person_id) ?? null) : null,
    status: incident.status,
    drill: incident.drill === 1,
    closedAt: incident.closed_at,
    steps: b.steps.map((s) => {
      const recipients = b.recipients.filter((r) => r.step_id === s.id);
      return {
        id: s.id,
        position: s.position,
        kind: s.kind,
        targetUnitId: s.target_unit_id,
        targetUnitName: b.unitNames.get(s.target_unit_id) ?? '',
        role: s.role,
        deadlineMinutes: s.deadline_minutes,
        dueAt: s.due_at,
        state: s.state,
        late: s.late === 1,
        simulated: s.simulated === 1,
        doneAt: s.done_at,
        doneBy: s.done_by_person_id ? (b.names.get(s.done_by_person_id) ?? null) : null,
        recipients: recipients.map((r) => ({
          personId: r.person_id,
          name: r.name,
          reason: r.reason,
          reached: reachOf(b.reached.get(r.person_id)),
        })),
        mine:
          s.state === 'active' &&
          incident.status !== 'closed' &&
          recipients.some((r) => r.person_id === me && actsOnStep(r.reason)),
      };
    }),
    flags: b.flags.map((f) => ({
      id: f.id,
      kind: f.kind,
      stepId: f.step_id,
      setAt: f.set_at,
      people: (JSON.parse(f.person_ids_json) as string[]).map((id) => b.names.get(id) ?? id),
      detail: parse(f.detail_json),
      notes: b.notes.filter((n) => n.flag_id === f.id).map((n) => ({ at: n.at, actor: n.actor_label, text: n.text })),
    })),
    events: b.events.map((e) => ({
      id: e.id,
      at: e.at,
      actor: e.actor_label,
      personId: e.person_id,
      actorName: e.person_id ? (b.names.get(e.person_id) ?? null) : null,
      kind: e.kind,
      text: e.text,
      data: parse(e.data_json),
    })),
    afterAction: b.afterAction && {
      ...b.afterAction,
      followUps: b.afterAction.followUps.map((f) => ({
        task: f.task,
        ownerId: f.ownerId,
        ownerName: b.names.get(f.ownerId) ?? null,
        dueDate: f.dueDate,
        taskId: f.taskId ?? null,
      })),
    },
    photos: b.photos.map((p) => ({ id: p.id, mime: p.mime, size: p.size, createdAt: p.created_at })),
  };
}
