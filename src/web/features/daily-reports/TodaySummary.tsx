import { Button, Card, Flex, List, Typography } from 'antd';
import { useState } from 'react';
import type { TodayStatus } from './api.js';
import { useDailyReportText } from './i18n.js';
import { STATUS_LOOK, STATUS_ORDER, StatusTag } from './status.js';

const SHOWN = 8;

/** Today across the subtree: counts by status, and the units that need a call. */
export function TodaySummary({
  status,
  onOpen,
}: {
  status: TodayStatus;
  onOpen: (unitId: string, unitName: string, day: string) => void;
}) {
  const rt = useDailyReportText();
  const [all, setAll] = useState(false);
  const attention = all ? status.units : status.units.slice(0, SHOWN);
  return (
    <Card
      size="small"
      title={rt('summary.title')}
      extra={<Typography.Text type="secondary">{rt('summary.of', { n: status.total })}</Typography.Text>}
      data-testid="today-summary"
    >
      <div className="steady-dr-summary">
        {STATUS_ORDER.map((s) => (
          <div
            key={s}
            className="steady-dr-count"
            style={{ background: STATUS_LOOK[s].background, color: STATUS_LOOK[s].color }}
            data-testid={`count-${s}`}
          >
            <strong>{status.counts[s]}</strong>
            <span>{rt(`status.${s}`)}</span>
          </div>
        ))}
      </div>
      <Typography.Text strong style={{ display: 'block', margin: '12px 0 4px' }}>
        {rt('summary.attention')}
      </Typography.Text>
      {status.units.length === 0 ? (
        <Typography.Text type="secondary">{rt('summary.none')}</Typography.Text>
      ) : (
        <>
          <List
            size="small"
            dataSource={attention}
            renderItem={(u) => (
              <List.Item
                style={{ paddingInline: 0, cursor: 'pointer' }}
                onClick={() => onOpen(u.unitId, u.name, u.day)}
              >
                <Flex justify="space-between" style={{ width: '100%' }} gap={8}>
                  <Typography.Text style={{ overflowWrap: 'anywhere' }}>{u.name}</Typography.Text>
                  <StatusTag status={u.status} />
                </Flex>
              </List.Item>
            )}
          />
          {!all && status.units.length > SHOWN && (
            <Button type="link" size="small" onClick={() => setAll(true)} style={{ paddingInline: 0 }}>
              {rt('summary.more', { n: status.units.length - SHOWN })}
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
