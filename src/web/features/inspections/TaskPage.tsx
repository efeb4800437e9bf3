import { ArrowLeftOutlined, FlagFilled, WarningFilled } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Spin, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { formatDateTime } from '../../components/format.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useResource } from '../../components/useResource.js';
import { useLocale } from '../../i18n/index.js';
import { inspectionsApi, type Task } from './api.js';
import { useInspectionText, type InspectionsKey } from './i18n.js';
import { RiskTag, StateTag } from './labels.js';
import { TaskActions } from './TaskActions.js';
import './inspections.css';

const EVENT_COLOURS: Record<string, string> = {
  created: 'blue',
  reported_fixed: 'cyan',
  verified: 'green',
  rejected: 'orange',
  supervised: 'purple',
  overdue: 'red',
  escalated: 'red',
  updated: 'gray',
};

function Photos({ ids }: { ids: string[] }) {
  if (ids.length === 0) return null;
  return (
    <div className="steady-insp-thumbs" style={{ marginTop: 4 }}>
      {ids.map((id) => (
        <a key={id} className="steady-insp-thumb" href={inspectionsApi.photoUrl(id)} target="_blank" rel="noreferrer">
          <img src={inspectionsApi.photoUrl(id)} alt="" />
        </a>
      ))}
    </div>
  );
}

/** One hazard's rectification: what was found, who fixes it by when, its history, and the next step. */
export default function TaskPage() {
  const tn = useInspectionText();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const loaded = useResource(() => inspectionsApi.task(id), [id]);
  const [task, setTask] = useState<Task | undefined>();
  useEffect(() => setTask(loaded.data), [loaded.data]);

  if (loaded.error) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  if (!task) return <Spin />;
  const when = (iso: string | null) => formatDateTime(iso, locale);
  const eventText = (kind: string) => (kind in EVENT_COLOURS ? tn(`event.${kind}` as InspectionsKey) : kind);
  return (
    <div className="steady-insp" data-testid="task-page" data-state={task.state}>
      <PageTitle
        title={tn('task.title')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/inspections/ledger?unit=${task.unitId}`)}>
            {tn('hub.ledger')}
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="task-title">
          {task.title}
        </Typography.Title>
        <Flex wrap gap={4} style={{ marginBottom: 8 }}>
          <StateTag state={task.state} />
          <RiskTag risk={task.risk} />
          {task.overdue && (
            <Typography.Text type="danger" strong>
              <WarningFilled /> {tn('task.overdueSince')}
            </Typography.Text>
          )}
        </Flex>
        {task.supervision && (
          <Alert
            type="warning"
            icon={<FlagFilled />}
            showIcon
            style={{ marginBottom: 8 }}
            data-testid="supervision"
            title={tn('task.supervisedBy', {
              unit: task.supervision.unitName,
              by: task.supervision.by,
              at: when(task.supervision.at),
            })}
            description={task.supervision.note || undefined}
          />
        )}
        <Descriptions size="small" column={1} bordered={false}>
          <Descriptions.Item label={tn('task.unit')}>{task.unitName}</Descriptions.Item>
          <Descriptions.Item label={tn('task.source')}>
            {tn(`source.${task.source.kind}`)} ·{' '}
            {task.source.kind === 'incident' && task.source.id ? (
              <Link to={`/incidents/${task.source.id}`} data-testid="task-source-link">
                {task.source.label}
              </Link>
            ) : (
              task.source.label
            )}
            {task.source.itemCode ? ` · ${tn('task.item', { code: task.source.itemCode })}` : ''}
          </Descriptions.Item>
          {task.source.detail && <Descriptions.Item label={tn('task.problem')}>{task.source.detail}</Descriptions.Item>}
          <Descriptions.Item label={tn('task.owner')}>{task.ownerName}</Descriptions.Item>
          <Descriptions.Item label={tn('task.due')}>{when(task.dueAt)}</Descriptions.Item>
          <Descriptions.Item label={tn('task.found')}>{when(task.createdAt)}</Descriptions.Item>
          {task.reportedFixedAt && (
            <Descriptions.Item label={tn('task.reportedFixed')}>{when(task.reportedFixedAt)}</Descriptions.Item>
          )}
          {task.closedAt && <Descriptions.Item label={tn('task.closed')}>{when(task.closedAt)}</Descriptions.Item>}
          {task.verifiedBy && <Descriptions.Item label={tn('task.verifiedBy')}>{task.verifiedBy}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <TaskActions task={task} onChanged={setTask} />
      <Card size="small" title={tn('task.history')} style={{ marginTop: 12 }}>
        <Timeline
          items={task.events.map((e) => ({
            color: EVENT_COLOURS[e.kind] ?? 'gray',
            content: (
              <div data-testid="task-event" data-kind={e.kind}>
                <Typography.Text strong>{eventText(e.kind)}</Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {when(e.at)} · {e.actor.startsWith('system:') ? tn('event.system') : e.actor}
                </Typography.Text>
                {e.note && <div>{e.note}</div>}
                <Photos ids={e.photoIds} />
              </div>
            ),
          }))}
        />
      </Card>
    </div>
  );
}
