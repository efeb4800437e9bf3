import { Descriptions, Result, Spin, Steps, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { CenteredCard } from '../../components/CenteredCard.js';
import { formatDateTime } from '../../components/format.js';
import { useResource } from '../../components/useResource.js';
import { useLocale } from '../../i18n/index.js';
import { casesApi, STATUS_LIST } from './api.js';
import { useCaseText } from './i18n.js';
import { formatDay } from './labels.js';
import './cases.css';

/**
 * What the person who raised a case sees through the private link, without signing in: the number,
 * where it stands and the dates — nothing about anyone.
 */
export default function PublicCaseStatusPage() {
  const { token = '' } = useParams();
  const ct = useCaseText();
  const { locale } = useLocale();
  const status = useResource(() => casesApi.publicStatus(token), [token]);
  const s = status.data;
  return (
    <CenteredCard title={ct('public.title')}>
      {status.loading ? (
        <Spin style={{ display: 'block', margin: '24px auto' }} />
      ) : !s ? (
        <Result
          status={status.error instanceof ApiError && status.error.status === 404 ? '404' : 'warning'}
          title={ct('public.notFound')}
          subTitle={ct('public.notFoundHint')}
          data-testid="public-not-found"
        />
      ) : (
        <div data-testid="public-status" data-status={s.status}>
          <Typography.Text type="secondary">{ct('public.number')}</Typography.Text>
          <div className="steady-case-number">{s.number}</div>
          <Steps
            orientation="vertical"
            size="small"
            current={STATUS_LIST.indexOf(s.status)}
            style={{ margin: '16px 0' }}
            items={STATUS_LIST.map((value) => ({ title: ct(`status.${value}`) }))}
          />
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'opened', label: ct('public.opened'), children: formatDateTime(s.openedAt, locale) },
              { key: 'last', label: ct('public.lastActivity'), children: formatDateTime(s.lastActivityAt, locale) },
              ...(s.resolvedAt
                ? [{ key: 'resolved', label: ct('public.resolved'), children: formatDateTime(s.resolvedAt, locale) }]
                : []),
              ...(s.followUpDate
                ? [{ key: 'follow', label: ct('public.followUp'), children: formatDay(s.followUpDate, locale) }]
                : []),
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
            {ct('public.privacy')}
          </Typography.Paragraph>
        </div>
      )}
    </CenteredCard>
  );
}
