import { CheckCircleOutlined, CloudUploadOutlined, DisconnectOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Drawer, Empty, Flex, List, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useLocale } from '../i18n/index.js';
import { shortTime } from '../components/format.js';
import { useOutbox } from './hooks.js';
import { outbox, startOutbox } from './outbox-browser.js';
import { useOfflineText } from './i18n.js';

/** How long "all sent" stays after the last waiting write went. */
const ALL_SENT_MS = 4000;

type Shown = 'offline' | 'sending' | 'waiting' | 'allSent' | null;

function useShown(): Shown {
  const { online, sending, pending, failed } = useOutbox();
  const hadPending = useRef(false);
  const [allSent, setAllSent] = useState(false);
  useEffect(() => {
    if (pending.length > 0) hadPending.current = true;
    if (pending.length > 0 || !hadPending.current || !online) return;
    hadPending.current = false;
    setAllSent(true);
    const timer = setTimeout(() => setAllSent(false), ALL_SENT_MS);
    return () => clearTimeout(timer);
  }, [pending.length, online]);
  if (!online) return 'offline';
  if (sending && pending.length > 0) return 'sending';
  if (pending.length > 0) return 'waiting';
  // "All sent" would be untrue while a refusal is shown below.
  return allSent && failed.length === 0 ? 'allSent' : null;
}

const TONE = {
  offline: { background: '#fff7e6', color: '#ad4e00', icon: <DisconnectOutlined /> },
  sending: { background: '#e6f4ff', color: '#0958d9', icon: <CloudUploadOutlined /> },
  waiting: { background: '#fff7e6', color: '#ad4e00', icon: <CloudUploadOutlined /> },
  allSent: { background: '#f6ffed', color: '#389e0d', icon: <CheckCircleOutlined /> },
  failed: { background: '#fff1f0', color: '#cf1322', icon: <WarningOutlined /> },
} as const;

/**
 * The app shell's line about the outbox: offline and how many writes wait, sending, all sent, and the
 * writes the server refused. Mounted once in the shell, it also runs the outbox for the session.
 */
export function OutboxStatus() {
  const ot = useOfflineText();
  const { locale } = useLocale();
  const { pending, failed } = useOutbox();
  const shown = useShown();
  const [open, setOpen] = useState(false);
  useEffect(() => startOutbox(), []);

  const text =
    shown === 'offline'
      ? pending.length > 0
        ? ot('bar.offlineWaiting', { n: pending.length })
        : ot('bar.offline')
      : shown === 'sending'
        ? ot('bar.sending')
        : shown === 'waiting'
          ? ot('bar.waiting', { n: pending.length })
          : shown === 'allSent'
            ? ot('bar.allSent')
            : null;

  return (
    <>
      {text && shown && (
        <Flex
          align="center"
          gap={8}
          role="status"
          className="steady-outbox-bar"
          data-testid="outbox-status"
          data-state={shown}
          data-pending={pending.length}
          style={{ padding: '6px 16px', background: TONE[shown].background, color: TONE[shown].color }}
        >
          {TONE[shown].icon}
          <span>{text}</span>
        </Flex>
      )}
      {failed.length > 0 && (
        <Flex
          align="center"
          gap={8}
          role="alert"
          data-testid="outbox-failed"
          style={{ padding: '6px 16px', background: TONE.failed.background, color: TONE.failed.color }}
        >
          {TONE.failed.icon}
          <span style={{ flex: 1 }}>{ot('bar.failed', { n: failed.length })}</span>
          <Button size="small" onClick={() => setOpen(true)} data-testid="outbox-failed-show">
            {ot('bar.showFailed')}
          </Button>
        </Flex>
      )}
      <Drawer open={open} onClose={() => setOpen(false)} title={ot('failed.title')} placement="bottom" size={360}>
        <Typography.Paragraph type="secondary">{ot('failed.hint')}</Typography.Paragraph>
        {failed.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={ot('failed.empty')} />
        ) : (
          <List
            dataSource={[...failed]}
            rowKey="key"
            renderItem={(item) => (
              <List.Item
                data-testid="outbox-failed-row"
                actions={[
                  <Button
                    key="dismiss"
                    size="small"
                    onClick={() => void outbox.dismissFailed(item.key)}
                    data-testid="outbox-failed-dismiss"
                  >
                    {ot('failed.dismiss')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={item.label}
                  description={`${item.reason} · ${ot('failed.at', { time: shortTime(item.failedAt, locale) })}`}
                />
              </List.Item>
            )}
          />
        )}
      </Drawer>
    </>
  );
}

/** "Offline: showing what was saved at 14:05" above a list shown from the device. */
export function SavedAtNote({ savedAt, timeZone }: { savedAt: string | null; timeZone?: string }) {
  const ot = useOfflineText();
  const { locale } = useLocale();
  if (!savedAt) return null;
  // On the unit's clock, as every other time on the screen (the saved answer knows it; the phone's zone otherwise).
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(
    new Date(savedAt),
  );
  return (
    <Typography.Text type="warning" style={{ display: 'block', marginBottom: 8 }} data-testid="saved-at">
      <DisconnectOutlined /> {ot('saved.at', { time })}
    </Typography.Text>
  );
}
