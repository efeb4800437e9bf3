import { Alert, Collapse, Result, Tag } from 'antd';
import { ApiError } from '../../api/client.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useResource } from '../../components/useResource.js';
import { channelsApi } from './api.js';
import { HealthCard } from './HealthCard.js';
import { useChannelText, type ChannelsKey } from './i18n.js';
import { VendorForm } from './VendorForm.js';

/**
 * The administrator's screen: delivery health first (a wrong key shows here before an incident), then each vendor
 * account.
 */
export default function ChannelsPage() {
  const cht = useChannelText();
  const settings = useResource(() => channelsApi.list(), []);
  const health = useResource(() => channelsApi.health(), []);
  if (settings.error instanceof ApiError && settings.error.status === 403) {
    return (
      <Result
        status="403"
        title={cht('page.title')}
        subTitle={cht('page.forbidden')}
        data-testid="channels-forbidden"
      />
    );
  }
  return (
    <div style={{ maxWidth: 860 }} data-testid="channels-page">
      <PageTitle title={cht('page.title')} />
      <Alert type="info" showIcon title={cht('page.intro')} style={{ marginBottom: 12 }} />
      {health.data && !health.data.secretKeyConfigured && (
        <Alert type="warning" showIcon title={cht('page.noKey')} style={{ marginBottom: 12 }} />
      )}
      {settings.error ? <LoadError error={settings.error} onRetry={settings.reload} /> : null}
      <HealthCard health={health.data} />
      <Collapse
        items={(settings.data ?? []).map((s) => ({
          key: s.vendor,
          label: (
            <span data-testid={`vendor-${s.vendor}`}>
              {cht(`vendor.${s.vendor}` as ChannelsKey)}{' '}
              {s.enabled && s.configured ? (
                <Tag color="green">{cht('state.enabled')}</Tag>
              ) : s.enabled ? (
                <Tag color="orange">{cht('state.incomplete')}</Tag>
              ) : (
                <Tag>{cht('state.disabled')}</Tag>
              )}
            </span>
          ),
          children: (
            <VendorForm
              settings={s}
              onSaved={() => {
                settings.reload();
                health.reload();
              }}
            />
          ),
        }))}
      />
    </div>
  );
}
