import { Button, Card, Empty, Flex, Form, Input, List, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { normaliseName, checkValue } from '../../../common/release-check.js';
import { ApiError, http } from '../../api/client.js';
import { LoadError } from '../../components/LoadError.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { useLocale } from '../../i18n/index.js';
import {
  SavedAtNote,
  newIdempotencyKey,
  sendOrQueue,
  useOfflineResource,
  useOutboxSent,
  usePending,
} from '../../offline/index.js';
import { willRetry } from '../../offline/outbox.js';
import {
  absencesPath,
  cacheKeys,
  reunificationApi,
  refusedChecks,
  releasesPath,
  type ReleaseCheck,
  type ReleaseResult,
  type WaitingPupil,
} from './api.js';
import { useReunificationText } from './i18n.js';

type Verdict =
  | { kind: 'released'; adult: string; relation: string }
  | { kind: 'refused'; failed: ReleaseCheck[] }
  /** Checked on the phone without network: kept and sent later, the server checks again. */
  | { kind: 'matches'; adult: string; relation: string }
  | { kind: 'noMatch' }
  | { kind: 'cannotCheck' };

type Shown = WaitingPupil | (Omit<WaitingPupil, 'state'> & { state: 'queued' });

/**
 * Release staff's screen: find a child by name, enter what the adult says, see release or refusal.
 * The phone keeps every child with the check values of the adults who may collect (never their
 * mobiles or ID digits) while the reunification is open: without network it checks the adult itself
 * (the same HMAC as the server) and queues the release, which the server checks again when sent.
 */
export function FindChild({
  reunificationId,
  checkSecret,
  onChanged,
}: {
  reunificationId: string;
  checkSecret: string | null;
  onChanged: () => void;
}) {
  const rt = useReunificationText();
  const { locale } = useLocale();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const [chosen, setChosen] = useState<WaitingPupil | null>(null);
  const all = useOfflineResource(cacheKeys(reunificationId)[1], () => reunificationApi.all(reunificationId), [
    reunificationId,
  ]);
  const queuedReleases = usePending(releasesPath(reunificationId));
  const queuedAbsences = usePending(absencesPath(reunificationId));
  const { reload } = all;
  useOutboxSent((request) => {
    if (request.path === releasesPath(reunificationId) || request.path === absencesPath(reunificationId)) {
      reload();
      onChanged();
    }
  });
  const waitingToSend = useMemo(
    () => new Set([...queuedReleases, ...queuedAbsences].map((r) => (r.body as { pupilId: string }).pupilId)),
    [queuedReleases, queuedAbsences],
  );
  const found: Shown[] | null = useMemo(() => {
    if (query === null || !all.data) return null;
    const wanted = normaliseName(query);
    return all.data
      .filter((p) => normaliseName(p.name).includes(wanted))
      .map((p) => (p.state === 'waiting' && waitingToSend.has(p.id) ? { ...p, state: 'queued' as const } : p));
  }, [query, all.data, waitingToSend]);
  const search = (text: string) => {
    const value = text.trim();
    if (!value) return;
    setChosen(null);
    setQuery(value);
    if (navigator.onLine) reload();
  };
  return (
    <Card size="small" title={rt('find.title')}>
      <SavedAtNote savedAt={all.savedAt} />
      {all.error && !all.data ? <LoadError error={all.error} onRetry={reload} /> : null}
      <Input.Search
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={search}
        placeholder={rt('find.placeholder')}
        enterButton
        size="large"
        data-testid="find-child"
      />
      {found && !chosen && (
        <List
          style={{ marginTop: 8 }}
          dataSource={found}
          locale={{ emptyText: <Empty description={rt('find.none')} /> }}
          renderItem={(p) => (
            <List.Item
              data-testid="child-row"
              data-pupil-state={p.state}
              onClick={() => p.state === 'waiting' && setChosen(p)}
              style={{ cursor: p.state === 'waiting' ? 'pointer' : undefined }}
            >
              <List.Item.Meta
                title={
                  <Flex justify="space-between">
                    <span>
                      {p.name} · {p.className}
                    </span>
                    <Tag color={p.state === 'waiting' ? 'orange' : p.state === 'queued' ? 'blue' : 'green'}>
                      {rt(`state.${p.state}`)}
                    </Tag>
                  </Flex>
                }
                description={
                  p.collectors.length
                    ? rt('find.collectors', {
                        names: p.collectors
                          .map((a) => (locale === 'en' ? `${a.name} (${a.relation})` : `${a.name}（${a.relation}）`))
                          .join(locale === 'en' ? ', ' : '、'),
                      })
                    : rt('find.noCollectors')
                }
              />
            </List.Item>
          )}
        />
      )}
      {chosen && (
        <ReleaseForm
          key={chosen.id}
          reunificationId={reunificationId}
          checkSecret={checkSecret}
          pupil={chosen}
          onDone={() => {
            onChanged();
            if (navigator.onLine) reload();
          }}
          onNext={() => {
            setChosen(null);
            setQuery(null);
            setQ('');
          }}
        />
      )}
    </Card>
  );
}

interface AdultValues {
  name: string;
  mobile: string;
  idLast4: string;
}

/** The network or the server is gone (not a refusal): the phone decides and queues. */
const unreachable = (error: unknown) => !(error instanceof ApiError) || willRetry(error.status);

function ReleaseForm({
  reunificationId,
  checkSecret,
  pupil,
  onDone,
  onNext,
}: {
  reunificationId: string;
  checkSecret: string | null;
  pupil: WaitingPupil;
  onDone: () => void;
  onNext: () => void;
}) {
  const rt = useReunificationText();
  const { locale } = useLocale();
  const [form] = Form.useForm<AdultValues>();
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const { busy, submit } = useFormSubmit(form, async (adult: AdultValues) => {
    const clientKey = newIdempotencyKey();
    const body = { pupilId: pupil.id, adult, releasedAt: new Date().toISOString(), clientKey };
    if (navigator.onLine) {
      try {
        const released = await http.post<ReleaseResult>(releasesPath(reunificationId), body);
        setVerdict({ kind: 'released', adult: released.adultName, relation: released.adultRelation });
        onDone();
        return;
      } catch (error) {
        const failed = refusedChecks(error);
        if (failed) {
          setVerdict({ kind: 'refused', failed });
          onDone();
          return;
        }
        if (!unreachable(error)) throw error;
      }
    }
    if (!checkSecret) {
      setVerdict({ kind: 'cannotCheck' });
      return;
    }
    const check = await checkValue(checkSecret, adult);
    const match = pupil.collectors.find((c) => c.check === check);
    // Kept either way: the server checks again, records a refusal and tells the head.
    await sendOrQueue({
      key: clientKey,
      method: 'POST',
      path: releasesPath(reunificationId),
      body,
      label: rt('release.label', { pupil: pupil.name }),
    }).catch((error: unknown) => {
      if (!refusedChecks(error)) throw error;
    });
    setVerdict(match ? { kind: 'matches', adult: match.name, relation: match.relation } : { kind: 'noMatch' });
    onDone();
  });
  const absent = async () => {
    const clientKey = newIdempotencyKey();
    await sendOrQueue({
      key: clientKey,
      method: 'POST',
      path: absencesPath(reunificationId),
      body: { pupilId: pupil.id, markedAt: new Date().toISOString(), clientKey },
      label: rt('absent.label', { pupil: pupil.name }),
    });
    onDone();
    onNext();
  };
  return (
    <div style={{ marginTop: 12 }}>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={verdict !== null}
        data-testid="release-form"
        onValuesChange={() => setVerdict((v) => (v?.kind === 'refused' ? null : v))}
      >
        <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="release-for">
          {rt('release.title', { pupil: `${pupil.name} · ${pupil.className}` })}
        </Typography.Title>
        <Form.Item name="name" label={rt('release.name')} rules={[{ required: true, whitespace: true, max: 40 }]}>
          <Input size="large" autoComplete="off" data-testid="adult-name" />
        </Form.Item>
        <Form.Item name="mobile" label={rt('release.mobile')} rules={[{ required: true, whitespace: true, max: 20 }]}>
          <Input size="large" inputMode="tel" autoComplete="off" data-testid="adult-mobile" />
        </Form.Item>
        <Form.Item name="idLast4" label={rt('release.idLast4')} rules={[{ required: true, len: 4 }]}>
          <Input size="large" maxLength={4} autoComplete="off" data-testid="adult-id" />
        </Form.Item>
        {verdict === null && (
          <Flex vertical gap={8}>
            <Button type="primary" htmlType="submit" loading={busy} block size="large" data-testid="check-adult">
              {rt('release.submit')}
            </Button>
            <Button onClick={absent} block>
              {rt('release.absent')}
            </Button>
          </Flex>
        )}
      </Form>
      {verdict && (
        <Flex vertical gap={8} style={{ marginTop: 8 }}>
          <div
            className={`steady-reunification-verdict ${
              verdict.kind === 'released' || verdict.kind === 'matches' ? 'released' : 'refused'
            }`}
            data-testid="verdict"
            data-verdict={verdict.kind}
          >
            {verdict.kind === 'released' && rt('release.ok', { adult: verdict.adult, relation: verdict.relation })}
            {verdict.kind === 'refused' && rt('release.refused')}
            {verdict.kind === 'matches' &&
              rt('release.offlineOk', { adult: verdict.adult, relation: verdict.relation })}
            {verdict.kind === 'noMatch' && rt('release.offlineRefused')}
            {verdict.kind === 'cannotCheck' && rt('release.cannotCheck')}
            {verdict.kind === 'refused' && (
              <div style={{ fontSize: 14, fontWeight: 400 }}>
                {rt('release.failed', {
                  checks: verdict.failed.map((c) => rt(`check.${c}`)).join(locale === 'en' ? ', ' : '、'),
                })}
              </div>
            )}
          </div>
          <Button block size="large" onClick={onNext} data-testid="next-child">
            {rt('release.next')}
          </Button>
        </Flex>
      )}
    </div>
  );
}
