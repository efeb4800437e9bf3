import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useT } from '../../i18n/index.js';
import { useMe } from '../auth/session.js';
import { menuPathsFor } from './menu-by-role.js';
import { NAV_GROUPS, navKeyFor } from './navigation.js';

/**
 * The side navigation, grouped by capability, showing the entries of the roles the person holds
 * (menu-by-role.ts); groups left empty are left out. Other screens stay reachable by link.
 */
export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const me = useMe();
  const shown = menuPathsFor(me.scopes.flatMap((s) => s.roles));
  const navigate = useNavigate();
  const location = useLocation();

  const groups = NAV_GROUPS.map((group) => ({
    ...group,
    items: group.items.filter((item) => shown.has(item.path)),
  })).filter((group) => group.items.length > 0);
  const items: MenuProps['items'] = groups.map((group) => ({
    type: 'group',
    key: group.label,
    label: t(group.label),
    children: group.items.map((item) => ({
      key: item.path,
      icon: item.icon,
      label: (
        <span
          style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}
          data-testid="nav-item"
          data-path={item.path}
        >
          <span>{t(item.label)}</span>
        </span>
      ),
    })),
  }));

  return (
    <Menu
      mode="inline"
      selectedKeys={[navKeyFor(location.pathname)]}
      items={items}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 0 }}
    />
  );
}
