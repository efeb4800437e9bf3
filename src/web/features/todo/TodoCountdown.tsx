import { ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useNow } from '../../components/useResource.js';
import { useTodoText, type TodoT } from './i18n.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A span of time in words, to the minute: a to-do list is read in minutes, not seconds. */
export function span(tt: TodoT, ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return tt('time.lessThanMinute');
  if (abs >= DAY) return tt('time.days', { d: Math.floor(abs / DAY), h: Math.floor((abs % DAY) / HOUR) });
  if (abs >= HOUR) return tt('time.hours', { h: Math.floor(abs / HOUR), m: Math.floor((abs % HOUR) / MINUTE) });
  return tt('time.minutes', { m: Math.floor(abs / MINUTE) });
}

/** Time left until `dueAt` on the server's clock, or how long ago it passed, in red. */
export function TodoCountdown({ dueAt, skewMs }: { dueAt: string; skewMs: number }) {
  const tt = useTodoText();
  const now = useNow(15_000) + skewMs;
  const left = Date.parse(dueAt) - now;
  const late = left <= 0;
  return (
    <span
      className={`steady-todo-countdown${late ? ' late' : ''}`}
      data-testid="todo-countdown"
      data-late={late}
      role="timer"
    >
      {late ? <WarningOutlined /> : <ClockCircleOutlined />}{' '}
      {tt(late ? 'todo.overdueBy' : 'todo.dueIn', { time: span(tt, left) })}
    </span>
  );
}
