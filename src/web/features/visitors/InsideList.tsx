import { CarOutlined, CloudUploadOutlined, LogoutOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { applyProblem } from '../../components/form-errors.js';
import { useLocale } from '../../i18n/index.js';
import { shortTime } from '../../components/format.js';
import { useNow } from '../../components/useResource.js';
import { useUnitToday } from '../../components/useUnitToday.js';
import { useOutbox } from '../../offline/index.js';
import { checkOutPath, queuedCheckIns, visitorsApi, type Visitor } from './api.js';
import { stayLength, useVisitorText } from './i18n.js';

interface Props {
  unitId: string;
  visitors: Visitor[] | undefined;
  loading: boolean;
  onChanged: () => void;
}

/** Who is still inside now, each with one tap to check out; check-ins and check-outs still on the phone marked. */
export function InsideList({ unitId, visitors, loading, onChanged }: Props) {
  const vt = useVisitorText();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const now = useNow(30_000);
  // Times read in the unit's zone, "today" as the server counts it there.
  const unitDay = useUnitToday(unitId).data ?? undefined;
  const [leaving, setLeaving] = useState<string | null>(null);
  const { pending } = useOutbox();
  const waiting = queuedCheckIns([...pending], unitId);
  const outWaiting = new Set(pending.map((r) => r.path));

  const checkOut = async (visitor: Visitor) => {
    setLeaving(visitor.id);
    try {
      const outcome = await visitorsApi.checkOutOrQueue(visitor.id, vt('outbox.checkOut', { name: visitor.name }));
      message.success(vt(outcome === 'sent' ? 'inside.checkedOut' : 'inside.checkOutQueued', { name: visitor.name }));
      onChanged();
    } catch (error) {
      message.error(applyProblem(null, error));
    } finally {
      setLeaving(null);
    }
  };

  return (
    <div data-testid="inside-list">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{vt('inside.title')}</Typography.Text>
        <Button size="small" icon={<ReloadOutlined />} onClick={onChanged}>
          {vt('inside.refresh')}
        </Button>
      </Flex>
      {waiting.length > 0 && (
        <Flex vertical gap={8} style={{ marginBottom: 8 }}>
          {waiting.map(({ key, body }) => (
            <Card key={key} size="small" className="steady-visitor-card" data-testid="inside-row-queued">
              <Flex justify="space-between" align="center" gap={12}>
                <div style={{ minWidth: 0 }}>
                  <Typography.Text strong style={{ fontSize: 16, display: 'block' }}>
                    {body.name}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {body.purpose} · {vt('inside.entered', { time: shortTime(body.checkedInAt, locale, unitDay) })}
                  </Typography.Text>
                </div>
                <Tag icon={<CloudUploadOutlined />} color="orange">
                  {vt('inside.waiting')}
                </Tag>
              </Flex>
            </Card>
          ))}
        </Flex>
      )}
      {loading && !visitors ? (
        <Card size="small">
          <Skeleton active paragraph={{ rows: 2 }} />
        </Card>
      ) : !visitors?.length && waiting.length === 0 ? (
        <Card size="small">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={vt('inside.empty')} />
        </Card>
      ) : (
        <Flex vertical gap={8}>
          {(visitors ?? []).map((visitor) => (
            <Card
              key={visitor.id}
              size="small"
              className="steady-visitor-card"
              data-testid="inside-row"
              data-visitor-id={visitor.id}
            >
              <Flex justify="space-between" align="center" gap={12}>
                <div style={{ minWidth: 0 }}>
                  <Typography.Text strong style={{ fontSize: 16, display: 'block' }}>
                    {visitor.name}
                  </Typography.Text>
                  <Typography.Text type="secondary" className="steady-id-masked" style={{ marginInlineStart: 0 }}>
                    {visitor.idMasked}
                  </Typography.Text>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '2px 0 0' }}>
                    {visitor.purpose}
                    {visitor.hostName && (
                      <Typography.Text type="secondary">
                        {' '}
                        · {vt('inside.visits', { host: visitor.hostName })}
                      </Typography.Text>
                    )}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {vt('inside.entered', { time: shortTime(visitor.checkedInAt, locale, unitDay) })} ·{' '}
                    {vt('inside.stay', { duration: stayLength(vt, now - Date.parse(visitor.checkedInAt)) })}
                    {visitor.vehiclePlate && (
                      <span style={{ marginInlineStart: 8 }}>
                        <CarOutlined /> {visitor.vehiclePlate}
                      </span>
                    )}
                  </Typography.Text>
                </div>
                {outWaiting.has(checkOutPath(visitor.id)) ? (
                  <Tag icon={<CloudUploadOutlined />} color="orange" data-testid="check-out-waiting">
                    {vt('inside.leaving')}
                  </Tag>
                ) : (
                  <Button
                    type="primary"
                    size="large"
                    icon={<LogoutOutlined />}
                    loading={leaving === visitor.id}
                    disabled={leaving !== null && leaving !== visitor.id}
                    onClick={() => void checkOut(visitor)}
                    data-testid="check-out"
                    className="steady-check-out"
                  >
                    {vt('inside.checkOut')}
                  </Button>
                )}
              </Flex>
            </Card>
          ))}
        </Flex>
      )}
    </div>
  );
}
