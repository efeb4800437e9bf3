import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Drawer, Grid, Popover, Tabs } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { applyProblem } from '../../components/form-errors.js';
import { notificationsApi, type Notification } from './api.js';
import { useResource } from '../../components/useResource.js';
import { useNotificationText } from './i18n.js';
import { useLive } from './live.js';
import { NotificationList } from './NotificationList.js';
import { TodoList } from '../todo/TodoList.js';
import { useTodoText } from '../todo/i18n.js';
import { useTodo } from '../todo/useTodo.js';

/**
 * The bell in the header: unread count, and two tabs — my to-do (the home screen's list) and the
 * recent notifications — live from the server's stream. It opens on what is new: the notifications
 * when some are unread, else the to-do.
 */
export function NotificationBell() {
  const nt = useNotificationText();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const tt = useTodoText();
  const [open, setOpenState] = useState(false);
  const [tab, setTab] = useState<'todo' | 'notifications'>('todo');
  const todo = useTodo();
  const inbox = useResource(() => notificationsApi.list(1, 20), []);
  const lastUnread = useRef<number | null>(null);
  useLive((event) => {
    if (event.kind !== 'incident' && event.kind !== 'reunification' && event.kind !== 'roll-call') inbox.reload();
  });

  const unread = inbox.data?.unread ?? 0;
  const todoCount = todo.data?.items.length ?? 0;
  // Opened before the inbox has answered: the tab is chosen when it does, unless the person has.
  const tabOnLoad = useRef(false);
  const setOpen = (next: boolean) => {
    if (next) {
      setTab(unread > 0 ? 'notifications' : 'todo');
      tabOnLoad.current = !loaded;
      // Things done on other screens send no event to their doer: read the list afresh on opening.
      todo.reload();
    }
    setOpenState(next);
  };
  const loaded = inbox.data !== undefined;
  useEffect(() => {
    if (!loaded) return;
    if (tabOnLoad.current) {
      tabOnLoad.current = false;
      if (unread > 0) setTab('notifications');
    }
    // a gentle sign that something arrived while the list is closed; the badge says how much
    if (lastUnread.current !== null && unread > lastUnread.current && !open)
      void message.info({ content: nt('bell.new'), key: 'bell-new', duration: 3 });
    lastUnread.current = unread;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [unread, loaded]);

  const markRead = async (ids?: string[]) => {
    try {
      await notificationsApi.markRead(ids);
      inbox.reload();
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
    <Tabs
      activeKey={tab}
      onChange={(key) => {
        tabOnLoad.current = false;
        setTab(key as typeof tab);
      }}
      size="small"
      animated={false}
      items={[
        {
          key: 'todo',
          label: (
            <span data-testid="bell-tab-todo">
              {tt('todo.tabTodo')} {todoCount > 0 ? <Badge count={todoCount} size="small" color="#1f4e8c" /> : null}
            </span>
          ),
          children: <TodoList todo={todo} onOpen={() => setOpen(false)} />,
        },
        {
          key: 'notifications',
          label: (
            <span data-testid="bell-tab-notifications">
              {tt('todo.tabNotifications')} {unread > 0 ? <Badge count={unread} size="small" /> : null}
            </span>
          ),
          children: (
            <NotificationList
              items={inbox.data?.items ?? []}
              unread={unread}
              loading={inbox.loading}
              onOpen={openItem}
              onMarkAll={() => void markRead()}
            />
          ),
        },
      ]}
    />
  );
  const button = (onClick?: () => void) => (
    <Button
      type="text"
      aria-label={nt('bell.label')}
      data-testid="bell"
      data-unread={unread}
      data-todo={todoCount}
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
        <Drawer
          open={open}
          onClose={() => setOpen(false)}
          placement="right"
          size="100%"
          title={nt('bell.label')}
          rootClassName="steady-bell-drawer"
        >
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
