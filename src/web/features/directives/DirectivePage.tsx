import { PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, List, Skeleton, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { formatDateTime } from '../../components/format.js';
import { useLocale } from '../../i18n/index.js';
import { useResource } from '../../components/useResource.js';
import { directivesApi, type Directive } from './api.js';
import { downloadFile } from '../../components/download.js';
import { useDirectiveText } from './i18n.js';
import { SenderStatus } from './SenderStatus.js';
import { kindTag } from './states.js';
import { UnitActions } from './UnitActions.js';
import './directives.css';

/** One directive: its text and files, signing and replying for one's own units, and the sender's overview. */
export default function DirectivePage() {
  const dt = useDirectiveText();
  const { id = '' } = useParams();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const loaded = useResource(() => directivesApi.get(id), [id]);
  const directive: Directive | undefined = loaded.data;
  const time = (iso: string) => formatDateTime(iso, locale);

  if (loaded.error) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  if (!directive) return <Skeleton active />;
  const mine = directive.targets.filter((t) => directive.actFor.includes(t.unitId));
  const download = async (attachmentId: string, name: string) => {
    try {
      await downloadFile(directivesApi.attachmentUrl(directive.id, attachmentId), name, locale);
    } catch (error) {
      message.error(dt('detail.downloadFailed', { message: error instanceof Error ? error.message : String(error) }));
    }
  };

  return (
    <div className="steady-dir" data-testid="directive-page">
      <PageTitle title={directive.title} />
      <Flex vertical gap={12}>
        <Card size="small">
          <Flex gap={6} style={{ marginBottom: 8 }}>
            {kindTag(dt, directive.kind)}
          </Flex>
          <Descriptions
            column={{ xs: 1, sm: 2 }}
            size="small"
            items={[
              { key: 'from', label: dt('detail.from'), children: directive.senderUnitName },
              { key: 'sender', label: dt('detail.sender'), children: directive.senderName ?? '—' },
              { key: 'at', label: dt('detail.sentAt'), children: time(directive.createdAt) },
              { key: 'sign', label: dt('detail.signBy'), children: time(directive.signDueAt) },
              {
                key: 'reply',
                label: dt('detail.replyBy'),
                children: directive.replyDueAt ? time(directive.replyDueAt) : dt('detail.noReply'),
              },
            ]}
          />
          <Typography.Paragraph className="steady-dir-text" data-testid="directive-text">
            {directive.text}
          </Typography.Paragraph>
          {directive.attachments.length > 0 && (
            <List
              size="small"
              header={<Typography.Text strong>{dt('detail.attachments')}</Typography.Text>}
              dataSource={directive.attachments}
              renderItem={(a) => (
                <List.Item
                  style={{ paddingInline: 0 }}
                  actions={[
                    <Button key="d" size="small" onClick={() => void download(a.id, a.name)}>
                      {dt('detail.download')}
                    </Button>,
                  ]}
                >
                  <Typography.Text ellipsis>
                    <PaperClipOutlined /> {a.name}{' '}
                    <Typography.Text type="secondary">({Math.max(1, Math.round(a.size / 1024))} KB)</Typography.Text>
                  </Typography.Text>
                </List.Item>
              )}
            />
          )}
        </Card>
        {mine.map((target) => (
          <UnitActions key={target.unitId} directive={directive} target={target} onChange={() => loaded.reload()} />
        ))}
        {(directive.canRemind || directive.targets.length > mine.length) && (
          <SenderStatus directive={directive} onChange={loaded.reload} />
        )}
      </Flex>
    </div>
  );
}
