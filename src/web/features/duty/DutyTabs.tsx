import { Segmented } from 'antd';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { useDutyText } from './i18n.js';

const TABS = [
  { path: '/duty', key: 'tabs.calendar' },
  { path: '/duty/now', key: 'tabs.now' },
  { path: '/duty/roster', key: 'tabs.roster' },
  { path: '/duty/leave', key: 'tabs.leave' },
] as const;

/** The four duty screens, one tap apart; the chosen unit travels with the user. */
export function DutyTabs() {
  const dt = useDutyText();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const unit = params.get('unit');
  return (
    <div className="duty-tabs">
      <Segmented
        block
        value={TABS.find((t) => t.path === pathname)?.path ?? '/duty'}
        onChange={(path) => navigate(unit ? `${path}?unit=${unit}` : path)}
        options={TABS.map((t) => ({ value: t.path, label: dt(t.key) }))}
        data-testid="duty-tabs"
      />
    </div>
  );
}
