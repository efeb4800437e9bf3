import { CarOutlined, LogoutOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { applyProblem } from '../../components/form-errors.js';
import { useLocale } from '../../i18n/index.js';
import { shortTime } from '../../components/format.js';
import { useNow } from '../../components/useResource.js';
import { useUnitToday } from '../../components/useUnitToday.js';
import { visitorsApi, type Visitor } from './api.js';
import { stayLength, useVisitorText } from './i18n.js';

interface Props {
  unitId: string;
  visitors: Visitor[] | undefined;
  loading: boolean;
  onChanged: () => void;
}

/** Who is still inside now, each with one tap to check out. */
export function InsideList({ unitId, visitors, loading, onChanged }: Props) {
  const vt = useVisitorText();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const now = useNow(30_000);
  // Times read in the unit's zone, "today" as the server counts it there.
  const unitDay = useUnitToday(unitId).data ?? undefined;
  const [leaving, setLeaving] = useState<string | null>(null);

  const checkOut = async (visitor: Visitor) => {
    setLeaving(visitor.id);
    try {
      await visitorsApi.checkOut(visitor.id);
      message.success(vt('inside.checkedOut', { name: visitor.name }));
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
      {loading && !visitors ? (
        <Card size="small">
          <Skeleton active paragraph={{ rows: 2 }} />
        </Card>
      ) : !visitors?.length ? (
        <Card size="small">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={vt('inside.empty')} />
        </Card>
      ) : (
        <Flex vertical gap={8}>
          {visitors.map((visitor) => (
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
              </Flex>
            </Card>
          ))}
        </Flex>
      )}
    </div>
  );
}
