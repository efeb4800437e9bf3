import { ArrowLeftOutlined, CheckOutlined, CloudUploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { useUnitZone } from '../../components/date-fields/useUnitZone.js';
import { LoadError } from '../../components/LoadError.js';
import {
  newIdempotencyKey,
  SavedAtNote,
  sendOrQueue,
  useOfflineResource,
  useOutboxSent,
  usePending,
} from '../../offline/index.js';
import { useMe } from '../auth/session.js';
import { useLive } from '../notifications/live.js';
import { marksPath, rollCallsApi, type MarkStatus } from './api.js';
import { ClassCountsLine } from './ClassCountsLine.js';
import { HistoryModal } from './HistoryModal.js';
import { useRollCallText } from './i18n.js';
import { applyLocalMarks, queuedMarks, stillLocal, type LocalMark } from './marks.js';
import { MarkRow } from './MarkRow.js';
import { RollClock, useServerSkew } from './RollClock.js';
import './roll-calls.css';

/**
 * The class teacher's phone at the assembly point: their class, one tap a child, "all the rest
 * present" in one tap. Every tap shows at once and goes through the outbox — now, or when the
 * network returns — with a key made here, so it is stored once. The list and the roll call are kept
 * on the phone, so the page reopens without a network, the waiting taps shown on top.
 */
export default function MarkClassPage() {
  const { id = '', groupKey = '' } = useParams();
  const rt = useRollCallText();
  const me = useMe();
  const { message, modal } = App.useApp();
  const path = marksPath(id);
  const rollCall = useOfflineResource(`roll-call:${id}`, () => rollCallsApi.get(id), [id]);
  const list = useOfflineResource(`roll-call:${id}:group:${groupKey}`, () => rollCallsApi.group(id, groupKey), [
    id,
    groupKey,
  ]);
  const queued = usePending(path);
  // Taps not yet in the outbox's list (being handed to it) or sent and not yet in the server's list.
  const [recent, setRecent] = useState<LocalMark[]>([]);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const { reload: reloadRollCall } = rollCall;
  const { reload: reloadList } = list;
  const reload = useCallback(() => {
    reloadRollCall();
    reloadList();
  }, [reloadRollCall, reloadList]);

  useEffect(() => {
    if (list.data && !list.savedAt) setRecent((current) => stillLocal(current, list.data!));
  }, [list.data, list.savedAt]);
  useOutboxSent((request) => {
    if (request.path === path) reload();
  });
  // A mark anywhere in the school is a live event: the counts (no names) are read again, and the names of this
  // class only when its counts moved — every read of names is logged, and there are many marks a second.
  useLive((event) => {
    if (event.kind === 'notification' || event.kind === 'todo' || event.kind === 'incident') return;
    if (event.kind === 'roll-call' && event.rollCallId && event.rollCallId !== id) return;
    reloadRollCall();
  });
  const mine = rollCall.data?.groups.find((g) => g.groupKey === groupKey);
  const tallies = mine && !rollCall.savedAt ? [mine.present, mine.injured, mine.absent, mine.missing].join() : null;
  const lastTallies = useRef<string | null>(null);
  useEffect(() => {
    if (tallies === null) return;
    if (lastTallies.current !== null && lastTallies.current !== tallies) reloadList();
    lastTallies.current = tallies;
  }, [tallies, reloadList]);

  const local = useMemo(() => {
    const waiting = queuedMarks(queued);
    const keys = new Set(waiting.map((m) => m.key));
    return [...waiting, ...recent.filter((m) => !keys.has(m.key))];
  }, [queued, recent]);
  const subjects = useMemo(
    () => applyLocalMarks(list.data?.subjects ?? [], local, me.name),
    [list.data, local, me.name],
  );
  const closed = rollCall.data?.state === 'closed';
  const skew = useServerSkew(rollCall.data, !rollCall.savedAt);
  const timeZone = useUnitZone(rollCall.data?.unitId);

  const mark = async (entries: { subjectId: string; status: MarkStatus }[]) => {
    if (entries.length === 0 || closed) return;
    const markedAt = new Date().toISOString();
    const made: LocalMark[] = entries.map((e) => ({ ...e, key: newIdempotencyKey(), markedAt, sentAt: null }));
    const keys = new Set(made.map((m) => m.key));
    setRecent((current) => [...current, ...made]);
    try {
      const outcome = await sendOrQueue({
        key: newIdempotencyKey(),
        method: 'POST',
        path,
        body: { marks: made.map((m) => ({ key: m.key, subjectId: m.subjectId, status: m.status, markedAt })) },
        label: rt('mark.label', { name: list.data?.name ?? '', n: entries.length }),
      });
      // Queued: the outbox holds them now (and shows them as waiting); sent: shown until the list holds them.
      setRecent((current) =>
        outcome === 'queued'
          ? current.filter((m) => !keys.has(m.key))
          : current.map((m) => (keys.has(m.key) ? { ...m, sentAt: Date.now() } : m)),
      );
      if (outcome === 'sent') reload();
    } catch (error) {
      // Refused (the roll call closed, the child is not on this list): the taps are not kept.
      setRecent((current) => current.filter((m) => !keys.has(m.key)));
      message.error(rt('mark.failed', { reason: error instanceof ApiError ? error.message : String(error) }));
      reload();
    }
  };

  const unmarked = subjects.filter((s) => s.status === null);
  const allPresent = () =>
    modal.confirm({
      title: rt('mark.allPresentConfirm', { n: unmarked.length }),
      okButtonProps: { 'data-testid': 'all-present-ok' },
      onOk: () => void mark(unmarked.map((s) => ({ subjectId: s.subjectId, status: 'present' as const }))),
    });

  const waiting = subjects.filter((s) => s.waiting).length;
  const shownHistory = subjects.find((s) => s.subjectId === historyOf) ?? null;

  return (
    <div className="steady-roll-mark" data-testid="roll-mark-page">
      <Flex align="center" gap={8}>
        <Link to={rollCall.data ? `/roll-calls?unit=${rollCall.data.unitId}` : '/roll-calls'}>
          <Button icon={<ArrowLeftOutlined />} aria-label={rt('board.back')} />
        </Link>
        <Typography.Title level={4} style={{ margin: 0, flex: 1, minWidth: 0 }} ellipsis>
          {list.data ? rt('mark.title', { name: list.data.name }) : rt('page.title')}
        </Typography.Title>
      </Flex>
      {waiting > 0 && (
        <Alert
          type="warning"
          showIcon
          icon={<CloudUploadOutlined />}
          title={rt('mark.waitingCount', { n: waiting })}
          data-testid="roll-waiting"
        />
      )}
      {list.savedAt && <SavedAtNote savedAt={list.savedAt} timeZone={timeZone} />}
      {closed && <Alert type="error" title={rt('mark.closed')} />}
      {list.error && !list.data ? <LoadError error={list.error} onRetry={reload} /> : null}
      <Card size="small">
        {rollCall.data ? (
          <RollClock rollCall={rollCall.data} skewMs={skew} compact />
        ) : (
          <Skeleton active paragraph={false} />
        )}
        <ClassCountsLine subjects={subjects} />
      </Card>
      {list.loading ? (
        <Skeleton active />
      ) : subjects.length === 0 ? (
        list.data && <Empty description={rt('mark.none')} />
      ) : (
        <>
          <Button
            type="primary"
            size="large"
            block
            icon={<CheckOutlined />}
            disabled={closed || unmarked.length === 0}
            onClick={allPresent}
            data-testid="all-present"
          >
            {rt('mark.allPresent')}
            {unmarked.length > 0 ? ` (${unmarked.length})` : ''}
          </Button>
          <ul className="steady-roll-list" data-testid="roll-list">
            {subjects.map((subject) => (
              <MarkRow
                key={subject.subjectId}
                subject={subject}
                disabled={closed}
                timeZone={timeZone}
                onMark={(status) => void mark([{ subjectId: subject.subjectId, status }])}
                onHistory={() => setHistoryOf(subject.subjectId)}
              />
            ))}
          </ul>
        </>
      )}
      <HistoryModal subject={shownHistory} timeZone={timeZone} onClose={() => setHistoryOf(null)} />
    </div>
  );
}
