import { Tag } from 'antd';
import { useCallback } from 'react';
import { stageName } from '../../../common/report-stages.js';
import type { DutyKind, Reception, ReportState } from '../../../common/schemas/incident-reports.js';
import { useLocale } from '../../i18n/index.js';
import type { ReportsKey, ReportsT } from './i18n.js';
import { useReportText } from './i18n.js';

/** 首报, 续报二, Follow-up 2: the stage's name in the user's language. */
export function useStageName(): (kind: DutyKind, seq: number) => string {
  const { locale } = useLocale();
  return useCallback((kind, seq) => stageName(kind, seq, locale), [locale]);
}

const STATE_COLOURS: Record<ReportState, string> = {
  draft: 'default',
  submitted: 'gold',
  signed_off: 'blue',
  sent: 'green',
};
const RECEPTION_COLOURS: Record<Reception, string> = {
  received: 'processing',
  returned: 'orange',
  accepted: 'success',
};

export function StateTag({ state }: { state: ReportState }) {
  const rt = useReportText();
  return (
    <Tag color={STATE_COLOURS[state]} data-testid="report-state" data-state={state} style={{ marginInlineEnd: 0 }}>
      {rt(`state.${state}`)}
    </Tag>
  );
}

export function ReceptionTag({ reception }: { reception: Reception | null }) {
  const rt = useReportText();
  if (!reception) return null;
  return (
    <Tag
      color={RECEPTION_COLOURS[reception]}
      data-testid="report-reception"
      data-reception={reception}
      style={{ marginInlineEnd: 0 }}
    >
      {rt(`reception.${reception}`)}
    </Tag>
  );
}

const FIELDS = [
  'occurredAt',
  'place',
  'classCode',
  'severity',
  'source',
  'affected',
  'whatHappened',
  'measures',
  'authoritiesInformed',
  'leaderOnSite',
  'trend',
  'nextSteps',
  'reporterName',
  'reporterPhone',
];

/** A changed field as the form names it: `casualties.pupils.injured` → 学生（幼儿） 受伤. */
export function fieldLabel(rt: ReportsT, path: string): string {
  const [head = '', kind, count] = path.split('.');
  if (head === 'casualties' && kind && count)
    return `${rt(`kind.${kind}` as ReportsKey)} ${rt(`count.${count}` as ReportsKey)}`;
  if (head === 'causes') return kind === 'status' ? rt('field.causeStatus') : rt('field.causes');
  return FIELDS.includes(head) ? rt(`field.${head}` as ReportsKey) : path;
}

/** A changed value as people read it: a cause's status in words, empty as —. */
export function fieldValue(rt: ReportsT, path: string, value: string): string {
  if (path === 'causes.status') return rt(`cause.${value}` as ReportsKey);
  return value === '' ? '—' : value;
}
