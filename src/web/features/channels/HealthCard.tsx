import { Card, Empty, Flex, List, Tag, Typography } from 'antd';
import type { DeliveryHealth } from './api.js';
import { useChannelText, type ChannelsKey } from './i18n.js';

const seconds = (ms: number | null) => (ms === null ? '—' : ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);

/**
 * Per channel over the last day: sent, delivered, failed, time to delivery, and the last error with the vendor's code.
 */
export function HealthCard({ health }: { health: DeliveryHealth | undefined }) {
  const cht = useChannelText();
  const name = (channel: string) =>
    cht((channel.includes('_') ? `vendor.${channel}` : `channel.${channel}`) as ChannelsKey);
  return (
    <Card size="small" title={cht('health.title')} style={{ marginBottom: 16 }} data-testid="channel-health">
      <List
        dataSource={health?.channels ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={cht('health.empty')} /> }}
        renderItem={(c) => (
          <List.Item data-testid="health-row" data-channel={c.channel}>
            <div style={{ width: '100%', minWidth: 0 }}>
              <Flex justify="space-between" wrap gap={4}>
                <Typography.Text strong>{name(c.channel)}</Typography.Text>
                <Flex gap={4} wrap>
                  <Tag>
                    {cht('health.sent')} {c.sent}
                  </Tag>
                  <Tag color="green">
                    {cht('health.delivered')} {c.delivered}
                  </Tag>
                  <Tag color={c.failed ? 'red' : undefined}>
                    {cht('health.failed')} {c.failed}
                  </Tag>
                </Flex>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {cht('health.time')}: {seconds(c.p50Ms)} / {seconds(c.p99Ms)}
              </Typography.Text>
              <div style={{ fontSize: 12 }}>
                <Typography.Text type="secondary">{cht('health.lastError')}: </Typography.Text>
                {c.lastError ? (
                  <Typography.Text type="danger" data-testid="health-error">
                    {c.lastError.code ? (
                      <Tag color="red" style={{ marginInlineEnd: 4 }}>
                        {c.lastError.code}
                      </Tag>
                    ) : null}
                    {c.lastError.message}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="secondary">{cht('health.none')}</Typography.Text>
                )}
              </div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
