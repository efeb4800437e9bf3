import type { DrillType, IncidentType, Role } from '../../../common/org.js';
import type { PlanDiff } from '../../api/endpoints.js';
import { chainKindLabel, chainTargetLabel, drillTypeLabel, incidentTypeLabel, roleLabel } from '../../components/labels.js';
import type { MessageKey, Translate } from '../../i18n/index.js';
import { formatMinutes } from './duration.js';

type Change = PlanDiff['changes'][number];

/*
 * The server labels a change by its section in words and the rest of the path by the field's own
 * name ("报告链 · 第 1 项 · deadlineMinutes") and gives enum values as stored ("accountable_head").
 * These put the field names and values into the words the editor uses.
 */
const FIELD_LABELS: Record<string, MessageKey> = {
  deadlineMinutes: 'chain.deadline', kind: 'chain.kind', target: 'chain.target', role: 'chain.role', note: 'chain.note',
  steps: 'diff.steps', incidentType: 'diff.incidentType', what: 'procedures.what', who: 'procedures.who', withinMinutes: 'procedures.within',
  leaderId: 'leadership.leader', deputyIds: 'leadership.deputies', memberIds: 'leadership.members', officeName: 'leadership.officeName',
  officeContactId: 'leadership.officeContact', twentyFourHour: 'duty.twentyFourHour', shiftPattern: 'duty.shiftPattern',
  dutyLeaderRequired: 'duty.dutyLeaderRequired', gateStaffed24h: 'duty.gateStaffed24h', patrolWindow: 'duty.patrolWindow',
  start: 'duty.patrolStart', end: 'duty.patrolEnd', minPatrolsPerDay: 'duty.minPatrolsPerDay', minUnannouncedPatrols: 'duty.minUnannouncedPatrols',
  required: 'dailyReport.required', deadline: 'dailyReport.deadline', perTerm: 'drills.perTerm', type: 'drills.type',
  name: 'period.name', startDate: 'period.startDate', endDate: 'period.endDate', text: 'duties.text',
};

function valueText(t: Translate, field: string, section: string, value: string): string {
  if (!value) return value;
  if (value === 'true' || value === 'false') return t(value === 'true' ? 'diff.yes' : 'diff.no');
  switch (field) {
    case 'deadlineMinutes':
    case 'withinMinutes':
      return /^\d+$/.test(value) ? formatMinutes(t, Number(value)) : value;
    case 'role':
      return roleLabel(t, value as Role);
    case 'kind':
      return value === 'notify' || value === 'report' ? chainKindLabel(t, value) : value;
    case 'target':
      return value === 'unit' || value === 'parent' ? chainTargetLabel(t, value) : value;
    case 'incidentType':
      return incidentTypeLabel(t, value as IncidentType);
    case 'type':
      return section === 'drills' ? drillTypeLabel(t, value as DrillType) : value;
    case 'shiftPattern':
      return t(value === '24h' ? 'duty.shift24h' : 'duty.shiftDayNight');
    default:
      return value;
  }
}

/** A change with its field named in words and its values as the editor shows them. */
export function readableChange(t: Translate, change: Change): Change {
  const parts = change.path.split('.');
  const section = parts[0] ?? '';
  const field = [...parts].reverse().find((p) => !/^\d+$/.test(p)) ?? '';
  const label = change.label
    .split(' · ')
    .map((part, i) => (i > 0 && FIELD_LABELS[part] ? t(FIELD_LABELS[part]) : part))
    .join(' · ');
  return { ...change, label, before: valueText(t, field, section, change.before), after: valueText(t, field, section, change.after) };
}
