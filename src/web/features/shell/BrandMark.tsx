import { SafetyOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/index.js';

/** "Steady" with the subtitle; `dark` places it on the blue header of the drawer too. */
export function BrandMark({ dark = true }: { dark?: boolean }) {
  const t = useT();
  return (
    <div className="steady-brand" style={dark ? undefined : { color: '#1f4e8c' }}>
      <SafetyOutlined style={{ fontSize: 22 }} />
      <span className="steady-brand-name">{t('app.name')}</span>
      <span className="steady-brand-subtitle">{t('app.subtitle')}</span>
    </div>
  );
}
