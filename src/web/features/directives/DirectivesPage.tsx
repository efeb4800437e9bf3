import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Pagination, Progress, Segmented, Skeleton, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { pageParams, useQueryParams } from '../../components/useQueryParams.js';
import { formatDateTime } from '../../components/format.js';
import { useLocale } from '../../i18n/index.js';
import { canManageAnything } from '../auth/permissions.js';
import { useMe } from '../auth/session.js';
import { useResource } from '../../components/useResource.js';
import { useLive } from '../notifications/live.js';
import { directivesApi } from './api.js';
import { useDirectiveText } from './i18n.js';
import { kindTag, replyTag, signTag } from './states.js';
import './directives.css';

type View = 'inbox' | 'sent';
/** The inbox of the units one belongs to (sign for, reply), and what one's units have sent. */
export default function DirectivesPage() {
  const dt = useDirectiveText();
  const me = useMe();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [params, update] = useQueryParams({ resetPage: true });
  const canSend = canManageAnything(me);
  const view: View = params.get('view') === 'sent' && canSend ? 'sent' : 'inbox';
  const { page, pageSize, onPage } = pageParams(params, update);
  const inbox = useResource(
    () => (view === 'inbox' ? directivesApi.inbox({ page, pageSize }) : Promise.resolve(null)),
    [view, page, pageSize],
  );
  const sent = useResource(
    () => (view === 'sent' ? directivesApi.sent({ page, pageSize }) : Promise.resolve(null)),
    [view, page, pageSize],
  );
  useLive((event) => {
    if (event.kind === 'notification' || event.kind === 'reconnected' || event.kind === 'poll')
      (view === 'inbox' ? inbox : sent).reload();
  });
  const current = view === 'inbox' ? inbox : sent;
  const time = (iso: string) => formatDateTime(iso, locale);

  return (
    <div className="steady-dir" data-testid="directives-page">
      <PageTitle
        title={dt('page.title')}
        extra={
          canSend && (
            <Link to="/directives/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="new-directive">
                {dt('page.new')}
              </Button>
            </Link>
          )
        }
      />
      {canSend && (
        <Segmented<View>
          value={view}
          onChange={(v) => update({ view: v === 'sent' ? 'sent' : undefined })}
          options={[
            { value: 'inbox', label: dt('page.inbox') },
            { value: 'sent', label: dt('page.sent') },
          ]}
          style={{ marginBottom: 12 }}
          data-testid="directive-view"
        />
      )}
      {current.error ? (
        <LoadError error={current.error} onRetry={current.reload} />
      ) : current.loading ? (
        <Skeleton active />
      ) : view === 'inbox' ? (
        <List
          dataSource={inbox.data?.items ?? []}
          locale={{ emptyText: <Empty description={dt('page.emptyInbox')} /> }}
          renderItem={(item) => (
            <Card
              size="small"
              className="steady-dir-card"
              hoverable
              onClick={() => navigate(`/directives/${item.id}`)}
              data-testid="inbox-item"
            >
              <Flex gap={6} wrap align="center">
                {kindTag(dt, item.kind)}
                {signTag(dt, { ...item, signDueAt: item.signDueAt })}
                {replyTag(dt, item)}
              </Flex>
              <Typography.Text strong className="steady-dir-title">
                {item.title}
              </Typography.Text>
              <Typography.Text type="secondary" className="steady-dir-meta">
                {dt('list.from', { unit: item.senderUnitName })} · {dt('list.to', { unit: item.unitName })}
              </Typography.Text>
              <Typography.Text type="secondary" className="steady-dir-meta">
                {dt('list.signBy', { time: time(item.signDueAt) })}
                {item.replyDueAt && ` · ${dt('list.replyBy', { time: time(item.replyDueAt) })}`}
              </Typography.Text>
            </Card>
          )}
        />
      ) : (
        <List
          dataSource={sent.data?.items ?? []}
          locale={{ emptyText: <Empty description={dt('page.emptySent')} /> }}
          renderItem={(item) => (
            <Card
              size="small"
              className="steady-dir-card"
              hoverable
              onClick={() => navigate(`/directives/${item.id}`)}
              data-testid="sent-item"
            >
              <Flex gap={6} wrap align="center">
                {kindTag(dt, item.kind)}
                <Typography.Text type="secondary">{time(item.createdAt)}</Typography.Text>
              </Flex>
              <Typography.Text strong className="steady-dir-title">
                {item.title}
              </Typography.Text>
              <Typography.Text type="secondary" className="steady-dir-meta">
                {dt('list.from', { unit: item.senderUnitName })} · {dt('list.signBy', { time: time(item.signDueAt) })}
              </Typography.Text>
              <Progress
                percent={item.counts.targets ? Math.round((100 * item.counts.signed) / item.counts.targets) : 0}
                size="small"
                showInfo={false}
                status={
                  item.counts.signed < item.counts.targets && Date.parse(item.signDueAt) < Date.now()
                    ? 'exception'
                    : 'normal'
                }
              />
              <Typography.Text className="steady-dir-meta">
                {dt('list.progress', {
                  signed: item.counts.signed,
                  replied: item.counts.replied,
                  total: item.counts.targets,
                })}
              </Typography.Text>
            </Card>
          )}
        />
      )}
      {(current.data?.total ?? 0) > pageSize && (
        <Flex justify="end" style={{ marginTop: 12 }}>
          <Pagination
            size="small"
            current={page}
            pageSize={pageSize}
            total={current.data?.total ?? 0}
            onChange={(next) => onPage(next, pageSize)}
            showSizeChanger={false}
          />
        </Flex>
      )}
    </div>
  );
}
