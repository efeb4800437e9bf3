import { PlayCircleOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useUnitZone } from '../../components/date-fields/useUnitZone.js';
import { formatDateTime } from '../../components/format.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { useQueryParams } from '../../components/useQueryParams.js';
import { useResource } from '../../components/useResource.js';
import { useLocale } from '../../i18n/index.js';
import { useMe } from '../auth/session.js';
import { useLive, useLiveStatus } from '../notifications/live.js';
import { rollCallsApi, type RollCall } from './api.js';
import { useRollCallText } from './i18n.js';
import { RollBoard } from './RollBoard.js';
import { StartModal } from './StartModal.js';
import { clockText, useServerSkew } from './RollClock.js';
import { isRollKeeper, rollCallUnit } from './roles.js';
import './roll-calls.css';

/**
 * Roll call: the open one of a school (or the one in the URL) as a live board for the head and the
 * safety officer — who start and close it — and, for a class teacher, the way to their class's list.
 */
export default function RollCallsPage() {
  const rt = useRollCallText();
  const me = useMe();
  const live = useLiveStatus();
  const { id } = useParams();
  const navigate = useNavigate();
  const [params, update] = useQueryParams();
  const unitId = params.get('unit') || rollCallUnit(me);
  const [starting, setStarting] = useState(false);
  const shown = useResource(async () => {
    if (id) return rollCallsApi.get(id);
    if (!unitId) return null;
    const { items } = await rollCallsApi.list(unitId, 'open', 1);
    return items[0] ?? null;
  }, [id, unitId]);
  const recent = useResource(
    () => (unitId ? rollCallsApi.list(unitId, 'closed').then((r) => r.items.slice(0, 5)) : Promise.resolve([])),
    [unitId],
  );
  useLive((event) => {
    if (event.kind === 'roll-call' || event.kind === 'reconnected' || event.kind === 'poll') {
      shown.reload();
      if (event.kind !== 'roll-call' || !id) recent.reload();
    }
  }, 15_000);

  const rollCall = shown.data ?? null;
  const keeper = isRollKeeper(me, rollCall?.unitId ?? unitId);
  const skew = useServerSkew(rollCall ?? undefined, true);
  // A teacher's own class, one tap away; the keepers open any class from the board.
  const mine = rollCall?.state === 'open' && !keeper ? rollCall.groups.filter((g) => g.mine && g.kind === 'class') : [];

  return (
    <div data-testid="roll-calls-page">
      <PageTitle
        title={rollCall ? rt('board.title', { unit: rollCall.unitName }) : rt('page.title')}
        extra={
          live === 'open' ? (
            <Tag color="green">● {rt('page.live')}</Tag>
          ) : (
            <Tag color="orange">{rt('page.reconnecting')}</Tag>
          )
        }
      />
      {!id && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Flex gap={8} wrap align="center">
            <UnitPicker
              value={unitId}
              onChange={(next) => update({ unit: next })}
              placeholder={rt('page.chooseUnit')}
              style={{ minWidth: 220, flex: 1 }}
            />
            {keeper && unitId && !rollCall && !shown.loading && (
              <Button
                type="primary"
                icon={<PlayCircleOutlined />}
                onClick={() => setStarting(true)}
                data-testid="start-roll-call"
              >
                {rt('page.start')}
              </Button>
            )}
          </Flex>
        </Card>
      )}
      {shown.error ? <LoadError error={shown.error} onRetry={shown.reload} /> : null}
      {mine.map((g) => (
        <Link key={g.groupKey} to={`/roll-calls/${rollCall!.id}/groups/${encodeURIComponent(g.groupKey)}`}>
          <Card size="small" hoverable style={{ marginBottom: 12, borderColor: '#1677ff' }} data-testid="my-class">
            <Flex align="center" gap={12}>
              <TeamOutlined style={{ fontSize: 28, color: '#1677ff' }} />
              <Flex vertical>
                <Typography.Text strong style={{ fontSize: 16 }}>
                  {rt('page.myClass', { name: g.name })}
                </Typography.Text>
                <Typography.Text type="secondary">{rt('page.myClassHint')}</Typography.Text>
              </Flex>
            </Flex>
          </Card>
        </Link>
      ))}
      {shown.loading ? (
        <Skeleton active />
      ) : rollCall ? (
        <RollBoard rollCall={rollCall} skewMs={skew} onChanged={shown.reload} />
      ) : (
        <Card size="small">
          <Empty description={rt('page.none')} />
        </Card>
      )}
      {!id && unitId && <RecentList items={recent.data ?? []} unitId={unitId} />}
      {starting && unitId && (
        <StartModal
          body={{ unitId }}
          onClose={() => setStarting(false)}
          onStarted={(started) => {
            setStarting(false);
            navigate(`/roll-calls?unit=${started.unitId}`);
            shown.reload();
            recent.reload();
          }}
        />
      )}
    </div>
  );
}

function RecentList({ items, unitId }: { items: RollCall[]; unitId: string }) {
  const rt = useRollCallText();
  const { locale } = useLocale();
  const timeZone = useUnitZone(unitId);
  return (
    <Card size="small" title={rt('page.recent')} style={{ marginTop: 12 }}>
      {items.length === 0 ? (
        <Typography.Text type="secondary">{rt('page.noRecent')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(r) => (
            <List.Item>
              <Link to={`/roll-calls/${r.id}`}>{formatDateTime(r.startedAt, locale, timeZone)}</Link>
              <Typography.Text type="secondary">
                {r.evacuationSeconds !== null
                  ? rt('clock.done', { time: clockText(r.evacuationSeconds) })
                  : `${r.counts.accounted}/${r.counts.total}`}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
