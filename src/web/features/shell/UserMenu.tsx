import {
  ApiOutlined,
  DownOutlined,
  GlobalOutlined,
  KeyOutlined,
  LogoutOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, Grid } from 'antd';
import type { MenuProps } from 'antd';
import { useState } from 'react';
import { useLocale, useT } from '../../i18n/index.js';
import { ChangePasswordModal } from '../auth/ChangePasswordModal.js';
import { useMe, useSession } from '../auth/session.js';

export function UserMenu() {
  const t = useT();
  const me = useMe();
  const { signOut } = useSession();
  const { locale, setLocale } = useLocale();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [changingPassword, setChangingPassword] = useState(false);

  const items: MenuProps['items'] = [
    { key: 'who', label: <strong>{me.name}</strong>, disabled: true, extra: me.username },
    { type: 'divider' },
    {
      key: 'language',
      icon: <GlobalOutlined />,
      label: t('lang.label'),
      children: [
        { key: 'lang:zh-CN', label: t('lang.zh-CN') },
        { key: 'lang:en', label: t('lang.en') },
      ],
    },
    { key: 'password', icon: <KeyOutlined />, label: t('user.changePassword') },
    {
      key: 'docs',
      icon: <ApiOutlined />,
      label: (
        <a href="/api/v1/docs" target="_blank" rel="noreferrer">
          {t('user.apiDocs')}
        </a>
      ),
    },
    { type: 'divider' },
    { key: 'signOut', icon: <LogoutOutlined />, label: t('user.signOut'), danger: true },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setChangingPassword(true);
    if (key === 'lang:zh-CN' || key === 'lang:en') setLocale(key === 'lang:en' ? 'en' : 'zh-CN');
    if (key === 'signOut') {
      void signOut().then(() => message.success(t('user.signedOut')));
    }
  };

  return (
    <>
      <Dropdown
        menu={{ items, onClick, selectable: true, selectedKeys: [`lang:${locale}`] }}
        trigger={['click']}
        placement="bottomRight"
      >
        <Button type="text" data-testid="user-menu" style={{ color: '#fff', paddingInline: 6 }}>
          <Avatar size="small" icon={<UserOutlined />} style={{ background: '#ffffff33' }} />
          {screens.sm && <span style={{ maxWidth: 160, overflow: 'hidden', textOverflow: 'ellipsis' }}>{me.name}</span>}
          <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </>
  );
}
