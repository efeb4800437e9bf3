import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useT } from '../../i18n/index.js';
import { NAV_GROUPS, navKeyFor } from './navigation.js';

/** The side navigation, grouped by capability; later-release entries carry a small tag. */
export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();

  const items: MenuProps['items'] = NAV_GROUPS.map((group) => ({
    type: 'group',
    key: group.label,
    label: t(group.label),
    children: group.items.map((item) => ({
      key: item.path,
      icon: item.icon,
      label: (
        <span style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
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
