import { CheckOutlined, ClockCircleOutlined, CloseOutlined, MobileOutlined, SwapOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { shortTime } from '../../components/format.js';
import { useLocale } from '../../i18n/index.js';
import { useNotificationText, type NotificationsKey } from '../notifications/i18n.js';
import type { IncidentStep } from './api.js';
import { useIncidentText } from './i18n.js';

type Reached = IncidentStep['recipients'][number]['reached'];

const ICONS = {
  sending: <ClockCircleOutlined />,
  sent: <CheckOutlined />,
  failed: <SwapOutlined />,
  dead: <CloseOutlined />,
} as const;

/**
 * How a person told about the incident was reached, beside their name: sent by e-mail at 10:02,
 * still sending, handed to their next method, or not reachable at all (then only in the app).
 */
export function ReachMark({ reached }: { reached: Reached }) {
  const it = useIncidentText();
  const nt = useNotificationText();
  const { locale } = useLocale();
  if (!reached) return null;
  const inAppOnly = reached.channel === 'in_app';
  const channel = inAppOnly ? it('reach.inApp') : nt(`channel.${reached.channel}` as NotificationsKey);
  const text = inAppOnly
    ? it('reach.inAppOnly')
    : it(`reach.${reached.state}`, { channel, time: shortTime(reached.at, locale) });
  return (
    <Tooltip title={text}>
      <span
        className={`steady-reach steady-reach-${inAppOnly ? 'in-app' : reached.state}`}
        data-testid="reach"
        data-state={reached.state}
        aria-label={text}
      >
        {inAppOnly ? <MobileOutlined /> : ICONS[reached.state]}
      </span>
    </Tooltip>
  );
}
