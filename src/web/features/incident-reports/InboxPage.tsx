import { Card, Empty, Flex, List, Pagination, Segmented, Skeleton, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../components/format.js';
import { incidentTypeLabel } from '../../components/labels.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { pageParams, useQueryParams } from '../../components/useQueryParams.js';
import { useResource } from '../../components/useResource.js';
import { useLocale, useT } from '../../i18n/index.js';
import { useLive } from '../notifications/live.js';
import { reportsApi } from './api.js';
import { useReportText } from './i18n.js';
import { ReceptionTag, useStageName } from './labels.js';
import './reports.css';

/**
 * The reports received by one's own units and the units below them, live: each stage as it arrives,
 * with its deadline, what was made of it, and which ones are the signed-in person's to answer.
 */
export default function InboxPage() {
  const rt = useReportText();
  const t = useT();
  const name = useStageName();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [params, update] = useQueryParams({ resetPage: true });
  const open = params.get('all') !== '1';
  const { page, pageSize, onPage } = pageParams(params, update);
  const inbox = useResource(() => reportsApi.inbox({ open, page, pageSize }), [open, page, pageSize]);
  useLive((event) => {
    if (event.kind === 'incident' || event.kind === 'reconnected' || event.kind === 'poll') inbox.reload();
  });

  return (
    <div className="steady-reports-inbox" data-testid="reports-inbox">
      <PageTitle title={rt('inbox.title')} />
      <Segmented<boolean>
        value={open}
        onChange={(v) => update({ all: v ? undefined : '1' })}
        options={[
          { value: true, label: rt('inbox.open') },
          { value: false, label: rt('inbox.all') },
        ]}
        style={{ marginBottom: 12 }}
      />
      {inbox.error ? (
        <LoadError error={inbox.error} onRetry={inbox.reload} />
      ) : inbox.loading ? (
        <Skeleton active />
      ) : (
        <List
          dataSource={inbox.data?.items ?? []}
          locale={{ emptyText: <Empty description={rt('inbox.empty')} /> }}
          renderItem={(item) => (
            <Card
              size="small"
              hoverable
              className={`steady-reports-card${item.mine ? ' mine' : ''}`}
              onClick={() => navigate(`/incident-reports/${item.id}`)}
              data-testid="inbox-report"
              data-stage={item.stage}
              data-seq={item.seq}
              data-mine={item.mine}
            >
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Typography.Text strong>
                  {name(item.stage, item.seq)} · {incidentTypeLabel(t, item.incidentType)}
                </Typography.Text>
                <Flex gap={4} wrap>
                  {item.mine && (
                    <Tag color="red" style={{ marginInlineEnd: 0 }}>
                      {rt('inbox.yours')}
                    </Tag>
                  )}
                  <ReceptionTag reception={item.reception} />
                </Flex>
              </Flex>
              <Typography.Text type="secondary" style={{ display: 'block' }} ellipsis>
                {item.unitName} → {item.toUnitName} · {item.place}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {item.sentAt && rt('report.sentAt', { time: formatDateTime(item.sentAt, locale) })}
                {item.dueAt && ` · ${rt('duty.due', { time: formatDateTime(item.dueAt, locale) })}`}
              </Typography.Text>
              {item.late && (
                <Tag color="red" style={{ marginInlineStart: 6 }}>
                  {rt('duty.late')}
                </Tag>
              )}
            </Card>
          )}
        />
      )}
      {(inbox.data?.total ?? 0) > pageSize && (
        <Flex justify="end" style={{ marginTop: 12 }}>
          <Pagination
            size="small"
            current={page}
            pageSize={pageSize}
            total={inbox.data?.total ?? 0}
            onChange={(next) => onPage(next, pageSize)}
            showSizeChanger={false}
          />
        </Flex>
      )}
    </div>
  );
}
