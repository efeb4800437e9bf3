import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Descriptions, Result, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import type { IncidentType } from '../../../common/org.js';
import { ApiError } from '../../api/client.js';
import { CenteredCard } from '../../components/CenteredCard.js';
import { formatDateTime } from '../../components/format.js';
import { useResource } from '../../components/useResource.js';
import { incidentTypeLabel } from '../../components/labels.js';
import { useLocale, useT } from '../../i18n/index.js';
import { ackApi, type AckView } from './api.js';
import { useAckText, type AckKey } from './i18n.js';

const ROMAN = ['', 'Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ'];

/**
 * The one-tap acknowledge link, on a phone, without signing in. Opening the page changes nothing
 * (a link preview must not acknowledge for the person); the one button does. Shows the incident in
 * a few words and nothing about anyone.
 */
export default function AckPage() {
  const { token = '' } = useParams();
  const at = useAckText();
  const t = useT();
  const { locale } = useLocale();
  const loaded = useResource(() => ackApi.view(token), [token]);
  const [view, setView] = useState<AckView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = view ?? loaded.data;

  const acknowledge = async () => {
    setBusy(true);
    setError(null);
    try {
      setView(await ackApi.acknowledge(token));
    } catch (failure) {
      // Already acknowledged (another tap, an SMS reply): show the page as it now stands.
      if (failure instanceof ApiError && failure.status === 409) setView(await ackApi.view(token));
      else setError(failure instanceof ApiError ? failure.problem.title : String(failure));
    } finally {
      setBusy(false);
    }
  };

  if (loaded.loading && !shown)
    return (
      <CenteredCard title={at('ack.title')}>
        <Spin style={{ display: 'block', margin: '24px auto' }} />
      </CenteredCard>
    );
  if (!shown) {
    return (
      <CenteredCard title={at('ack.title')}>
        <Result
          status={loaded.error instanceof ApiError && loaded.error.status === 404 ? '404' : 'warning'}
          title={at('ack.notFound')}
          subTitle={at('ack.notFoundHint')}
          extra={<Button href="/">{at('ack.signIn')}</Button>}
          data-testid="ack-not-found"
        />
      </CenteredCard>
    );
  }
  const facts = [
    { key: 'unit', label: at('ack.unit'), children: shown.unitName },
    {
      key: 'event',
      label: at('ack.event'),
      children: (
        <span>
          {shown.drill && <Tag color="purple">{at('ack.drill')}</Tag>}
          {incidentTypeLabel(t, shown.type as IncidentType)} ·{' '}
          {at('ack.severity', { level: ROMAN[shown.severity] ?? '' })}
        </span>
      ),
    },
    { key: 'reported', label: at('ack.reported'), children: formatDateTime(shown.reportedAt, locale, shown.timeZone) },
    { key: 'due', label: at('ack.due'), children: formatDateTime(shown.dueAt, locale, shown.timeZone) },
  ];
  return (
    <CenteredCard title={at('ack.title')}>
      <div data-testid="ack-page" data-state={shown.state}>
        <Descriptions size="small" column={1} items={facts} style={{ marginBottom: 16 }} />
        {shown.state === 'open' ? (
          <>
            <Typography.Paragraph>{at('ack.intro')}</Typography.Paragraph>
            <Button
              type="primary"
              size="large"
              block
              loading={busy}
              onClick={() => void acknowledge()}
              data-testid="ack-button"
              style={{ height: 56, fontSize: 18 }}
            >
              {at('ack.button')}
            </Button>
            {error && (
              <Typography.Paragraph type="danger" style={{ marginTop: 12 }} data-testid="ack-error">
                {at('ack.failed', { reason: error })}
              </Typography.Paragraph>
            )}
          </>
        ) : shown.state === 'acknowledged' ? (
          <Result
            icon={<CheckCircleFilled style={{ color: '#2e7d32' }} />}
            title={at('ack.done')}
            subTitle={[
              at('ack.doneHint', { at: formatDateTime(shown.acknowledgedAt, locale, shown.timeZone) }),
              shown.via ? at('ack.doneVia', { via: at(`via.${shown.via}` as AckKey) }) : '',
            ]
              .filter(Boolean)
              .join(' ')}
            data-testid="ack-done"
          />
        ) : (
          <Result status="info" title={at('ack.closed')} subTitle={at('ack.closedHint')} data-testid="ack-closed" />
        )}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
          {at('ack.privacy')}
        </Typography.Paragraph>
      </div>
    </CenteredCard>
  );
}
