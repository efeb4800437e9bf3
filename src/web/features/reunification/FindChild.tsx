import { Button, Card, Empty, Flex, Form, Input, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { useLocale } from '../../i18n/index.js';
import { reunificationApi, refusedChecks, type ReleaseCheck, type WaitingPupil } from './api.js';
import { useReunificationText } from './i18n.js';

type Verdict = { kind: 'released'; adult: string; relation: string } | { kind: 'refused'; failed: ReleaseCheck[] };

/** Release staff's screen: find a child by name, enter what the adult says, see release or refusal. */
export function FindChild({ reunificationId, onChanged }: { reunificationId: string; onChanged: () => void }) {
  const rt = useReunificationText();
  const { locale } = useLocale();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<WaitingPupil[] | null>(null);
  const [chosen, setChosen] = useState<WaitingPupil | null>(null);
  const search = async (text: string) => {
    const value = text.trim();
    if (!value) return;
    setChosen(null);
    setFound(await reunificationApi.search(reunificationId, value));
  };
  return (
    <Card size="small" title={rt('find.title')}>
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
              onClick={() => p.state === 'waiting' && setChosen(p)}
              style={{ cursor: p.state === 'waiting' ? 'pointer' : undefined }}
            >
              <List.Item.Meta
                title={
                  <Flex justify="space-between">
                    <span>
                      {p.name} · {p.className}
                    </span>
                    <Tag color={p.state === 'waiting' ? 'orange' : 'green'}>{rt(`state.${p.state}`)}</Tag>
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
          pupil={chosen}
          onDone={() => {
            onChanged();
          }}
          onNext={() => {
            setChosen(null);
            setFound(null);
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

function ReleaseForm({
  reunificationId,
  pupil,
  onDone,
  onNext,
}: {
  reunificationId: string;
  pupil: WaitingPupil;
  onDone: () => void;
  onNext: () => void;
}) {
  const rt = useReunificationText();
  const { locale } = useLocale();
  const [form] = Form.useForm<AdultValues>();
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const { busy, submit } = useFormSubmit(form, async (adult: AdultValues) => {
    try {
      const released = await reunificationApi.release(reunificationId, pupil.id, adult);
      setVerdict({ kind: 'released', adult: released.adultName, relation: released.adultRelation });
    } catch (error) {
      const failed = refusedChecks(error);
      if (!failed) throw error;
      setVerdict({ kind: 'refused', failed });
    }
    onDone();
  });
  const absent = async () => {
    await reunificationApi.absent(reunificationId, pupil.id);
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
          <div className={`steady-reunification-verdict ${verdict.kind}`} data-testid="verdict">
            {verdict.kind === 'released'
              ? rt('release.ok', { adult: verdict.adult, relation: verdict.relation })
              : rt('release.refused')}
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
