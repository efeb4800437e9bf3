import type { Locale } from '../../../common/locale.js';
import {
  ACCOUNTED_STATUSES,
  type RollCall,
  type RollCallCounts,
  type RollCallGroup,
  type RollCallGroupList,
} from '../../../common/schemas/roll-calls.js';
import { translate } from '../../lib/messages.js';
import type { RollCallWithUnit } from './roll-calls.repository.js';
import type { GroupView, RollCallView, SubjectView, Tally } from './roll-calls.service.js';

export const presentCounts = (t: Tally): RollCallCounts => ({
  total: t.present + t.injured + t.absent + t.missing + t.unreported,
  accounted: ACCOUNTED_STATUSES.reduce((n, s) => n + t[s], 0),
  present: t.present,
  injured: t.injured,
  absent: t.absent,
  missing: t.missing,
  notReported: t.unreported,
});

export const presentGroup = (g: GroupView, locale: Locale): RollCallGroup => ({
  groupKey: g.key,
  kind: g.kind,
  name:
    g.kind === 'class'
      ? (g.name ?? translate(locale, 'rollCall.group.class'))
      : translate(locale, g.kind === 'staff' ? 'rollCall.group.staff' : 'rollCall.group.visitors'),
  teacherName: g.teacherName,
  ...presentCounts(g.tally),
  reportedAt: g.reportedAt,
  mine: g.mayOpen,
});

export function presentRollCall(v: RollCallView, locale: Locale): RollCall {
  const row = v.row;
  const elapsed = row.completed_at
    ? Math.round((Date.parse(row.completed_at) - Date.parse(row.started_at)) / 1000)
    : null;
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    drillId: row.drill_id,
    incidentId: row.incident_id,
    drill: row.drill === 1,
    state: row.state,
    startedAt: row.started_at,
    startedByName: row.started_by_name,
    targetSeconds: row.target_seconds,
    targetAt: new Date(Date.parse(row.started_at) + row.target_seconds * 1000).toISOString(),
    completedAt: row.completed_at,
    evacuationSeconds: elapsed,
    onTarget: elapsed === null ? null : elapsed <= row.target_seconds,
    closedAt: row.closed_at,
    counts: presentCounts(v.tally),
    groups: v.groups.map((g) => presentGroup(g, locale)),
    alerts: v.alerts.map((a) => ({
      id: a.id,
      groupKey: a.group_key,
      subjectKind: a.kind,
      openedAt: a.opened_at,
      closedAt: a.closed_at,
    })),
    mayClose: v.mayClose,
    now: v.now.toISOString(),
  };
}

export const presentGroupList = (
  row: RollCallWithUnit,
  view: GroupView,
  subjects: SubjectView[],
  locale: Locale,
): RollCallGroupList => ({
  ...presentGroup(view, locale),
  rollCallId: row.id,
  state: row.state,
  subjects: subjects.map(({ subject, name, marks }) => {
    const latest = marks.find((m) => m.id === subject.status_mark_id);
    return {
      subjectId: subject.id,
      kind: subject.kind,
      name,
      status: subject.status,
      markedAt: subject.status_marked_at,
      markedByName: latest ? (latest.marked_by_name ?? latest.marked_by_label) : null,
      history: marks.map((m) => ({
        status: m.status,
        markedAt: m.marked_at,
        receivedAt: m.received_at,
        markedByName: m.marked_by_name ?? m.marked_by_label,
      })),
    };
  }),
});
