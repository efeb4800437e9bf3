import { CameraOutlined, LeftOutlined, LockOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { LoadError } from '../../components/LoadError.js';
import { patrolsApi, type PatrolNight } from './api.js';
import { shiftDate, STATE_COLORS, timeIn } from './format.js';
import { usePatrolText } from './i18n.js';

interface Props {
  night: PatrolNight | undefined;
  error: unknown;
  loading: boolean;
  onNight: (date: string) => void;
  onRetry: () => void;
}

/** One night's patrols: done, missed, pending; an unannounced one shows no time until it comes. */
export function NightList({ night, error, loading, onNight, onRetry }: Props) {
  const pt = usePatrolText();
  const count = (state: string) => night?.patrols.filter((p) => p.state === state).length ?? 0;
  const title = night ? `${pt('night.title')} · ${pt('night.of', { date: night.nightDate })}` : pt('night.title');
  return (
    <Card
      size="small"
      title={title}
      loading={loading && !night}
      style={{ marginTop: 16 }}
      data-testid="patrol-night"
      extra={
        night && (
          <Flex gap={4}>
            <Button
              size="small"
              icon={<LeftOutlined />}
              aria-label={pt('night.prev')}
              onClick={() => onNight(shiftDate(night.nightDate, -1))}
            />
            <Button
              size="small"
              icon={<RightOutlined />}
              aria-label={pt('night.next')}
              onClick={() => onNight(shiftDate(night.nightDate, 1))}
            />
          </Flex>
        )
      }
    >
      {error ? (
        <LoadError error={error} onRetry={onRetry} />
      ) : night ? (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">
            {night.window ? pt('night.window', night.window) : pt('night.noWindow')}
          </Typography.Text>
          {night.patrols.length > 0 && (
            <Typography.Text strong data-testid="night-summary">
              {pt('night.summary', {
                done: count('done'),
                missed: count('missed'),
                pending: count('planned') + count('open'),
              })}
            </Typography.Text>
          )}
          {night.patrols.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={pt('night.empty')} />}
          {night.patrols.map((p) => (
            <div key={p.id} className="steady-night-row" data-testid="night-patrol" data-state={p.state}>
              <Flex justify="space-between" align="center" gap={8} wrap>
                <span className="steady-night-time">
                  {p.dueAt ? (
                    timeIn(p.dueAt, night.timeZone)
                  ) : (
                    <Typography.Text type="secondary">
                      <LockOutlined /> {pt('patrol.secretTime')}
                    </Typography.Text>
                  )}
                </span>
                <span style={{ flex: 1 }}>{pt(`kind.${p.kind}`)}</span>
                <Tag color={STATE_COLORS[p.state]} style={{ marginInlineEnd: 0 }}>
                  {pt(`state.${p.state}`)}
                </Tag>
              </Flex>
              {p.state !== 'planned' && p.state !== 'cancelled' && (
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {pt('patrol.checked', { checked: p.checked, of: p.of })}
                  {p.checkIns.length > 0 && ' · '}
                  {p.checkIns.map((c, i) => (
                    <span key={c.id}>
                      {i > 0 && pt('list.separator')}
                      {c.checkpointName} {timeIn(c.at, night.timeZone)}
                      {c.personName ? ` ${c.personName}` : ''} ({pt(`method.${c.method}`)})
                      {c.hasPhoto && (
                        <>
                          {' '}
                          <a
                            href={patrolsApi.photoUrl(c.id)}
                            target="_blank"
                            rel="noreferrer"
                            aria-label={pt('point.photo')}
                          >
                            <CameraOutlined />
                          </a>
                        </>
                      )}
                    </span>
                  ))}
                </Typography.Text>
              )}
            </div>
          ))}
        </Flex>
      ) : null}
    </Card>
  );
}
