import { Alert, App, Button, Card, Flex, List, Popconfirm, Typography } from 'antd';
import { useEffect } from 'react';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { formatDateTime } from '../../components/format.js';
import { useLocale } from '../../i18n/index.js';
import { useLive } from '../notifications/live.js';
import { forgetCached, useOfflineResource } from '../../offline/index.js';
import { cacheKeys, reunificationApi, type Reunification } from './api.js';
import { FindChild } from './FindChild.js';
import { useReunificationText } from './i18n.js';
import './reunification.css';

/**
 * One reunification. Release staff (on a phone) find a child and check the adult; the head and the
 * safety officer also see who was released and who was refused, and close it. The counts are live.
 */
export default function ReunificationPage() {
  const { id = '' } = useParams();
  const rt = useReunificationText();
  // Kept on the phone while open (release staff check adults offline); forgotten once closed or gone.
  const loaded = useOfflineResource(cacheKeys(id)[0], () => reunificationApi.get(id), [id]);
  const ended = loaded.data?.status === 'closed' || (loaded.error instanceof ApiError && loaded.error.status === 404);
  useEffect(() => {
    if (ended) for (const key of cacheKeys(id)) void forgetCached(key);
  }, [ended, id]);
  useLive((event) => {
    if (
      event.kind === 'reunification'
        ? event.reunificationId === id
        : event.kind !== 'incident' && event.kind !== 'roll-call'
    )
      loaded.reload();
  });
  const r = ended && loaded.data?.status !== 'closed' ? undefined : loaded.data;
  return (
    <div className="steady-reunification" data-testid="reunification-page">
      <PageTitle title={rt('page.title')} />
      {loaded.error ? <LoadError error={loaded.error} onRetry={loaded.reload} /> : null}
      {r && (
        <Flex vertical gap={12}>
          <Summary r={r} />
          {r.status === 'open' ? (
            <FindChild reunificationId={r.id} checkSecret={r.checkSecret} onChanged={loaded.reload} />
          ) : (
            <Alert type="info" showIcon message={rt('view.closed')} />
          )}
          {r.keeper && <Records r={r} onClosed={loaded.reload} />}
        </Flex>
      )}
    </div>
  );
}

function Summary({ r }: { r: Reunification }) {
  const rt = useReunificationText();
  const { locale } = useLocale();
  const c = r.counts;
  return (
    <Card size="small">
      <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="point">
        {rt('view.point', { point: r.point })}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {rt('view.staff', { names: r.staff.map((s) => s.name).join(locale === 'en' ? ', ' : '、') })}
      </Typography.Paragraph>
      <div className="steady-reunification-counts">
        <div className="steady-reunification-waiting" data-testid="waiting-count">
          <strong>{c.waiting}</strong>
          {rt('view.waiting')}
        </div>
        <div>
          <strong data-testid="released-count">{c.released}</strong>
          {rt('view.released')}
        </div>
        <div>
          <strong>{c.absent}</strong>
          {rt('view.absent')}
        </div>
        <div>
          <strong data-testid="refused-count">{c.refused}</strong>
          {rt('view.refused')}
        </div>
      </div>
    </Card>
  );
}

function Records({ r, onClosed }: { r: Reunification; onClosed: () => void }) {
  const rt = useReunificationText();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const at = (iso: string) => formatDateTime(iso, locale, r.timeZone);
  const list = (items: string[]) => items.join(locale === 'en' ? ', ' : '、');
  const close = async () => {
    try {
      await reunificationApi.close(r.id);
      onClosed();
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  return (
    <>
      <Card size="small" title={rt('view.refusedList')} data-testid="refusals">
        <List
          dataSource={r.refusals ?? []}
          renderItem={(f) => (
            <List.Item>
              <List.Item.Meta
                title={`${f.pupilName} · ${f.className}`}
                description={rt('view.refusedBy', {
                  name: f.nameGiven,
                  mobile: f.mobileGiven,
                  failed: list(f.failed.map((c) => rt(`check.${c}`))),
                  staff: f.staffName,
                  at: at(f.at),
                })}
              />
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={rt('view.releasedList')} data-testid="releases">
        <List
          dataSource={r.releases ?? []}
          renderItem={(o) => (
            <List.Item>
              <List.Item.Meta
                title={`${o.pupilName} · ${o.className}`}
                description={
                  o.state === 'released'
                    ? rt('view.releasedBy', {
                        adult: o.adultName ?? '',
                        relation: o.adultRelation ?? '',
                        staff: o.staffName,
                        at: at(o.at),
                      })
                    : rt('view.absentBy', { staff: o.staffName, at: at(o.at) })
                }
              />
            </List.Item>
          )}
        />
      </Card>
      {r.status === 'open' && (
        <Popconfirm title={rt('view.closeConfirm')} onConfirm={close}>
          <Button danger block data-testid="close-reunification">
            {rt('view.close')}
          </Button>
        </Popconfirm>
      )}
    </>
  );
}
