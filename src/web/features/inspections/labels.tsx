import { Tag } from 'antd';
import type { Risk, TaskState } from './api.js';
import { useInspectionText } from './i18n.js';

const RISK_COLOURS: Record<Risk, string> = { low: 'blue', medium: 'gold', high: 'volcano', major: 'red' };
const STATE_COLOURS: Record<TaskState, string> = {
  open: 'orange',
  awaiting_verification: 'blue',
  reopened: 'magenta',
  closed: 'green',
};

export function RiskTag({ risk }: { risk: Risk }) {
  const tn = useInspectionText();
  return (
    <Tag color={RISK_COLOURS[risk]} data-risk={risk}>
      {tn(`risk.${risk}`)}
    </Tag>
  );
}

export function StateTag({ state }: { state: TaskState }) {
  const tn = useInspectionText();
  return (
    <Tag color={STATE_COLOURS[state]} data-state={state}>
      {tn(`state.${state}`)}
    </Tag>
  );
}
