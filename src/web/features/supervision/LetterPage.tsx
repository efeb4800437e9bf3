import { App, Button, Card, Descriptions, List, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { downloadFile } from '../../components/download.js';
import { formatDateTime } from '../../components/format.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useResource } from '../../components/useResource.js';
import { useLocale } from '../../i18n/index.js';
import { supervisionApi } from './api.js';
import { useSupervisionText } from './i18n.js';
import { letterStatusTag } from './LettersPage.js';

/** One letter: the duties from the plan, both signatures with their times, signing, the .docx, and its versions. */
export default function LetterPage() {
  const st = useSupervisionText();
  const { id = '' } = useParams();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const letter = useResource(() => supervisionApi.letter(id), [id]);
  if (letter.error) return <LoadError error={letter.error} onRetry={letter.reload} />;
  const l = letter.data;
  if (!l) return <Card loading />;
  const sign = async (side: 'issuer' | 'recipient') => {
    try {
      await supervisionApi.signLetter(l.id, side);
      message.success(st('letters.signed'));
      letter.reload();
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  const signed = (who: string | null, at: string | null) =>
    at
      ? st('letters.signedAt', { who: who ?? '', at: formatDateTime(at, locale, l.timeZone) })
      : st('letters.unsigned');
  return (
    <>
      <PageTitle
        title={l.title}
        extra={
          <Button
            onClick={() =>
              void downloadFile(supervisionApi.letterDocx(l.id), 'letter.docx', locale).catch((e: Error) =>
                message.error(e.message),
              )
            }
          >
            {st('letters.download')}
          </Button>
        }
      />
      <Card>
        <Space style={{ marginBottom: 12 }}>
          {letterStatusTag(l, st)}
          <Typography.Text type="secondary">{st('letters.version', { version: l.version })}</Typography.Text>
        </Space>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={st('letters.issuer')}>
            {l.issuerUnitName} — <span data-testid="issuer-signed">{signed(l.issuerSignedBy, l.issuerSignedAt)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={st('letters.recipient')}>
            {l.unitName}
            {l.recipientName ? ` · ${l.recipientName}` : ''} —{' '}
            <span data-testid="recipient-signed">{signed(l.recipientSignedBy, l.recipientSignedAt)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={st('letters.due')}>
            {formatDateTime(l.signDueAt, locale, l.timeZone)}
          </Descriptions.Item>
        </Descriptions>
        <Space style={{ marginTop: 12 }} wrap>
          {l.canSign.map((side) => (
            <Button key={side} type="primary" onClick={() => void sign(side)}>
              {st('letters.sign', { side: st(side === 'issuer' ? 'letters.issuer' : 'letters.recipient') })}
            </Button>
          ))}
        </Space>
      </Card>
      <Card title={st('letters.duties', { version: l.planVersion ?? '—' })} style={{ marginTop: 12 }}>
        {l.duties.map((d) => (
          <Typography.Paragraph key={d.title}>
            <Typography.Text strong>{d.title}：</Typography.Text>
            {d.text}
          </Typography.Paragraph>
        ))}
      </Card>
      {l.versions.length > 1 ? (
        <Card title={st('letters.versions')} style={{ marginTop: 12 }}>
          <List
            size="small"
            dataSource={l.versions}
            renderItem={(v) => (
              <List.Item>
                <Link to={`/letters/${v.id}`}>{st('letters.version', { version: v.version })}</Link>
                {letterStatusTag({ status: v.status, late: false }, st)}
              </List.Item>
            )}
          />
        </Card>
      ) : null}
    </>
  );
}
