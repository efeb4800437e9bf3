import { BellOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, List, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../components/format.js';
import { useLocale } from '../../i18n/index.js';
import { directivesApi, type Directive } from './api.js';
import { useDirectiveText } from './i18n.js';
import { replyTag, signTag } from './states.js';

/** The sender's view: every unit's sign-off and reply, and a button to chase the rest. */
export function SenderStatus({ directive, onChange }: { directive: Directive; onChange: () => void }) {
  const dt = useDirectiveText();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const c = directive.counts;
  const owing = directive.targets.filter((t) => !t.signedAt || (directive.replyDueAt && !t.repliedAt)).length;

  const remind = async () => {
    setBusy(true);
    try {
      const { reminded } = await directivesApi.remind(directive.id);
      message.success(dt('detail.reminded', { n: reminded }));
      onChange();
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={dt('detail.status')}
      extra={
        directive.canRemind &&
        (owing === 0 ? (
          <Typography.Text type="secondary">{dt('detail.nothingToRemind')}</Typography.Text>
        ) : (
          <Popconfirm title={dt('detail.remindConfirm')} onConfirm={() => void remind()}>
            <Button size="small" icon={<BellOutlined />} loading={busy} data-testid="remind">
              {dt('detail.remind')}
            </Button>
          </Popconfirm>
        ))
      }
      data-testid="sender-status"
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {dt('detail.counts', { signed: c.signed, replied: c.replied, total: c.targets, late: c.signedLate })}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={directive.targets}
        renderItem={(t) => (
          <List.Item style={{ paddingInline: 0 }} data-testid="target-row" data-unit={t.unitId}>
            <div className="steady-dir-target">
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Typography.Text strong>{t.unitName}</Typography.Text>
                <Flex gap={4}>
                  {signTag(dt, { ...t, signDueAt: directive.signDueAt })}
                  {replyTag(dt, { ...t, replyDueAt: directive.replyDueAt })}
                </Flex>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t.signedAt
                  ? dt('detail.signedAt', { time: formatDateTime(t.signedAt, locale), name: t.signedBy ?? '—' })
                  : ''}
                {t.reminders > 0 && ` ${dt('detail.reminders', { n: t.reminders })}`}
              </Typography.Text>
              {t.replyText && <div className="steady-dir-reply">{t.replyText}</div>}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
