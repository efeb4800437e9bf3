import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Spin } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet } from 'react-router-dom';
import { useT } from '../../i18n/index.js';
import { ReportButton } from '../incidents/ReportButton.js';
import { NotificationBell } from '../notifications/NotificationBell.js';
import { OutboxStatus } from '../../offline/index.js';
import { TodoProvider } from '../todo/useTodo.js';
import { BrandMark } from './BrandMark.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { NavMenu } from './NavMenu.js';
import { UserMenu } from './UserMenu.js';

const HEADER_HEIGHT = 56;

/** Header, side navigation (a drawer on narrow screens) and the page. */
export function AppShell() {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg ?? true;
  const [drawerOpen, setDrawerOpen] = useState(false);

  return (
    <TodoProvider>
      <Layout style={{ minHeight: '100%' }}>
        <Layout.Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 20,
            height: HEADER_HEIGHT,
            lineHeight: `${HEADER_HEIGHT}px`,
            paddingInline: wide ? 20 : 8,
            background: '#1f4e8c',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
          }}
        >
          {!wide && (
            <Button
              type="text"
              aria-label={t('common.menu')}
              data-testid="nav-toggle"
              icon={<MenuOutlined style={{ color: '#fff', fontSize: 18 }} />}
              onClick={() => setDrawerOpen(true)}
            />
          )}
          <BrandMark />
          <div style={{ flex: 1 }} />
          <ReportButton />
          {screens.md && <LanguageSwitch size="small" />}
          <NotificationBell />
          <UserMenu />
        </Layout.Header>
        <Layout>
          {wide && (
            <Layout.Sider
              width={228}
              theme="light"
              style={{
                position: 'sticky',
                top: HEADER_HEIGHT,
                height: `calc(100vh - ${HEADER_HEIGHT}px)`,
                overflow: 'auto',
                borderInlineEnd: '1px solid #e8ebf0',
              }}
            >
              <nav aria-label={t('common.menu')}>
                <NavMenu />
              </nav>
            </Layout.Sider>
          )}
          <Layout.Content>
            <OutboxStatus />
            <main className="steady-page">
              <Suspense
                fallback={
                  <div style={{ textAlign: 'center', paddingTop: 80 }}>
                    <Spin />
                  </div>
                }
              >
                <Outlet />
              </Suspense>
            </main>
          </Layout.Content>
        </Layout>
        {!wide && (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={272}
            title={<BrandMark dark />}
            styles={{ body: { padding: 0 }, header: { background: '#1f4e8c' } }}
            closable={false}
            footer={<LanguageSwitch />}
            rootClassName="steady-nav-drawer"
          >
            <nav aria-label={t('common.menu')}>
              <NavMenu onNavigate={() => setDrawerOpen(false)} />
            </nav>
          </Drawer>
        )}
      </Layout>
    </TodoProvider>
  );
}
