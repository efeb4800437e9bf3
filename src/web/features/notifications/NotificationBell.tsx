import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Drawer, Grid, Popover } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { applyProblem } from '../../components/form-errors.js';
import { notificationsApi, type Notification } from './api.js';
import { useResource } from '../../components/useResource.js';
import { useNt } from './i18n.js';
import { useLive } from './live.js';
import { NotificationList } from './NotificationList.js';

/** The bell in the header: unread count, recent notifications, live from the server's stream. */
export function NotificationBell() {
  const nt = useNt();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [open, setOpen] = useState(false);
  const inbox = useResource(() => notificationsApi.list(1, 20), []);
  const lastUnread = useRef<number | null>(null);
  useLive((event) => {
    if (event.kind !== 'incident') inbox.refresh();
  });

  const unread = inbox.data?.unread ?? 0;
  const loaded = inbox.data !== undefined;
  useEffect(() => {
    if (!loaded) return;
    // a gentle sign that something arrived while the list is closed; the badge says how much
    if (lastUnread.current !== null && unread > lastUnread.current && !open) void message.info({ content: nt('bell.new'), key: 'bell-new', duration: 3 });
    lastUnread.current = unread;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [unread, loaded]);

  const markRead = async (ids?: string[]) => {
    try {
      await notificationsApi.markRead(ids);
      inbox.refresh();
    } catch (error) {
      message.error(applyProblem(null, error));
    }
  };

  const openItem = (item: Notification) => {
    setOpen(false);
    if (!item.readAt) void markRead([item.id]);
    if (item.link) navigate(item.link);
  };

  const list = (
    <NotificationList
      items={inbox.data?.items ?? []}
      unread={unread}
      loading={inbox.loading}
      onOpen={openItem}
      onMarkAll={() => void markRead()}
    />
  );
  const button = (onClick?: () => void) => (
    <Button
      type="text"
      aria-label={nt('bell.label')}
      data-testid="bell"
      data-unread={unread}
      onClick={onClick}
      style={{ color: '#fff', paddingInline: 6 }}
    >
      <Badge count={unread} size="small" overflowCount={99} offset={[2, -2]}>
        <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
      </Badge>
    </Button>
  );

  if (!screens.sm) {
    return (
      <>
        {button(() => setOpen(true))}
        <Drawer open={open} onClose={() => setOpen(false)} placement="right" size="100%" title={nt('bell.label')} rootClassName="steady-bell-drawer">
          {list}
        </Drawer>
      </>
    );
  }
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      content={<div style={{ width: 380, maxHeight: '70vh', overflow: 'auto' }}>{list}</div>}
      rootClassName="steady-bell-popover"
    >
      {button()}
    </Popover>
  );
}
