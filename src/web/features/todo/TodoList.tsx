import { RightOutlined } from '@ant-design/icons';
import { Empty, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { IncidentType } from '../../../common/org.js';
import { incidentTypeLabel } from '../../components/labels.js';
import { LoadError } from '../../components/LoadError.js';
import { useT, type Translate } from '../../i18n/index.js';
import { ROMAN } from '../incidents/format.js';
import type { LateItem, TodoItem } from './api.js';
import { kindKey, lateKey, useTodoText, type TodoT } from './i18n.js';
import { TodoCountdown } from './TodoCountdown.js';
import type { TodoResource } from './useTodo.js';
import './todo.css';

/** The server's parameters made readable: an incident type and level in the reader's language. */
function readable(t: Translate, params: Record<string, string>): Record<string, string> {
  const out = { ...params };
  if (params.type && params.severity) {
    out.type = incidentTypeLabel(t, params.type as IncidentType);
    out.severity = ROMAN[Number(params.severity)] ?? params.severity;
  }
  return out;
}

export const todoText = (t: Translate, tt: TodoT, item: TodoItem) => tt(kindKey(item.kind), readable(t, item.params));
export const lateText = (t: Translate, tt: TodoT, item: LateItem) => tt(lateKey(item.kind), readable(t, item.params));

function Row({ item, skewMs, onOpen }: { item: TodoItem; skewMs: number; onOpen?: () => void }) {
  const t = useT();
  const tt = useTodoText();
  return (
    <li>
      <Link
        to={item.route}
        onClick={onOpen}
        className={`steady-todo-item${item.overdue ? ' late' : ''}`}
        data-testid="todo-item"
        data-kind={item.kind}
        data-id={item.id}
      >
        <span className="steady-todo-main">
          <span className="steady-todo-text">
            {item.params.drill ? <Tag color="purple">{tt('todo.drill')}</Tag> : null}
            {todoText(t, tt, item)}
          </span>
          <span className="steady-todo-meta">
            <Typography.Text type="secondary">{item.unitName}</Typography.Text>
            {item.dueAt ? (
              <TodoCountdown dueAt={item.dueAt} skewMs={skewMs} />
            ) : (
              <Typography.Text type="secondary">{tt('todo.noDeadline')}</Typography.Text>
            )}
          </span>
        </span>
        <RightOutlined aria-hidden className="steady-todo-go" />
      </Link>
    </li>
  );
}

/** What is late in the units below a supervisor: a count and the first ones, each opening its screen. */
function LateBelow({ late, onOpen }: { late: NonNullable<TodoResource['data']>['lateBelow']; onOpen?: () => void }) {
  const t = useT();
  const tt = useTodoText();
  if (!late) return null;
  return (
    <section className="steady-todo-late" data-testid="todo-late-below" data-total={late.total}>
      <Typography.Title level={5} style={{ margin: '12px 0 6px' }}>
        {tt('todo.lateBelow')} {late.total > 0 ? <Tag color="red">{late.total}</Tag> : null}
      </Typography.Title>
      {late.total === 0 ? (
        <Typography.Text type="secondary">{tt('todo.lateBelowNone')}</Typography.Text>
      ) : (
        <ul className="steady-todo-list">
          {late.items.map((item) => (
            <li key={item.id}>
              <Link
                to={item.route}
                onClick={onOpen}
                className="steady-todo-item late compact"
                data-testid="late-item"
                data-kind={item.kind}
              >
                <span className="steady-todo-main">
                  <span className="steady-todo-text">{lateText(t, tt, item)}</span>
                  <Typography.Text type="secondary">{item.unitName}</Typography.Text>
                </span>
                <RightOutlined aria-hidden className="steady-todo-go" />
              </Link>
            </li>
          ))}
        </ul>
      )}
      {late.total > late.items.length ? (
        <Typography.Text type="secondary">
          {tt('todo.lateBelowMore', { n: late.total - late.items.length })}
        </Typography.Text>
      ) : null}
    </section>
  );
}

/** My to-do: the most urgent first, each one tap to where it is done; a supervisor's late-below after it. */
export function TodoList({ todo, onOpen }: { todo: TodoResource; onOpen?: () => void }) {
  const tt = useTodoText();
  if (todo.loading) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (!todo.data) return <LoadError error={todo.error} onRetry={todo.reload} />;
  const { items, lateBelow } = todo.data;
  return (
    <div data-testid="todo-list" data-count={items.length}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tt('todo.empty')} style={{ margin: '8px 0' }} />
      ) : (
        <ul className="steady-todo-list">
          {items.map((item) => (
            <Row key={item.id} item={item} skewMs={todo.skewMs} onOpen={onOpen} />
          ))}
        </ul>
      )}
      <LateBelow late={lateBelow} onOpen={onOpen} />
    </div>
  );
}
