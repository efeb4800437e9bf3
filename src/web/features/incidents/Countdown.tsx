import { ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { clock } from './format.js';
import { useIncidentText } from './i18n.js';
import { useNow } from '../../components/useResource.js';

/** A deadline counting down live as mm:ss; past it, the time overdue, in red. */
export function Countdown({ dueAt, compact }: { dueAt: string; compact?: boolean }) {
  const it = useIncidentText();
  const now = useNow();
  const left = Date.parse(dueAt) - now;
  const late = left < 0;
  const time = clock(left);
  return (
    <span className={`steady-countdown${late ? ' late' : ''}`} data-testid="countdown" data-late={late} role="timer">
      {late ? <WarningOutlined /> : <ClockCircleOutlined />}{' '}
      {compact ? (late ? `-${time}` : time) : it(late ? 'chain.overdue' : 'chain.left', { time })}
    </span>
  );
}
