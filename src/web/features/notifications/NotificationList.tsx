import { Badge, Button, Empty, Flex, List, Tag, Typography } from 'antd';
import type { Notification } from './api.js';
import { shortTime } from '../../components/format.js';
import { useLocale } from '../../i18n/index.js';
import { useNotificationText } from './i18n.js';

interface Props {
  items: Notification[];
  unread: number;
  loading: boolean;
  onOpen: (item: Notification) => void;
  onMarkAll: () => void;
}

/** Recent notifications, newest first; unread ones stand out. */
export function NotificationList({ items, unread, loading, onOpen, onMarkAll }: Props) {
  const nt = useNotificationText();
  const { locale } = useLocale();
  return (
    <div data-testid="notification-list">
      <Flex justify="space-between" align="center" style={{ padding: '4px 4px 8px' }}>
        <Typography.Text strong>{unread > 0 ? nt('bell.unread', { n: unread }) : nt('bell.label')}</Typography.Text>
        <Button size="small" type="link" disabled={unread === 0} onClick={onMarkAll} data-testid="mark-all-read">
          {nt('bell.markAll')}
        </Button>
      </Flex>
      <List
        loading={loading}
        dataSource={items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={nt('bell.empty')} /> }}
        renderItem={(item) => (
          <List.Item
            onClick={() => onOpen(item)}
            style={{
              cursor: 'pointer',
              padding: '8px 6px',
              background: item.readAt ? undefined : '#f0f6ff',
              borderRadius: 6,
            }}
            data-testid="notification"
            data-read={item.readAt !== null}
          >
            <div style={{ minWidth: 0, width: '100%' }}>
              <Flex justify="space-between" gap={8} align="baseline">
                <Typography.Text strong={!item.readAt} style={{ minWidth: 0 }}>
                  {!item.readAt && <Badge status="processing" style={{ marginInlineEnd: 6 }} />}
                  {item.drill && (
                    <Tag color="purple" style={{ marginInlineEnd: 4 }}>
                      {nt('bell.drill')}
                    </Tag>
                  )}
                  {item.title}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {shortTime(item.createdAt, locale)}
                </Typography.Text>
              </Flex>
              <Typography.Paragraph
                type="secondary"
                style={{ margin: '2px 0 0', whiteSpace: 'pre-wrap', fontSize: 13 }}
                ellipsis={{ rows: 3 }}
              >
                {item.body}
              </Typography.Paragraph>
            </div>
          </List.Item>
        )}
      />
    </div>
  );
}
