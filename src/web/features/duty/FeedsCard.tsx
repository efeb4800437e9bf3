import { CopyOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { applyProblem } from '../../components/form-errors.js';
import { useResource } from '../../components/useResource.js';
import { formatDateTime } from '../../components/format.js';
import { useLocale } from '../../i18n/index.js';
import { dutyApi } from './api.js';
import { useDutyText } from './i18n.js';

/**
 * Secret calendar addresses for phones and desktop calendars: one's own shifts, and the unit's
 * roster. The address is shown once, when issued; a new one replaces the old, which stops working.
 */
export function FeedsCard({ unitId, unitName }: { unitId: string; unitName: string }) {
  const dt = useDutyText();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const feeds = useResource(() => dutyApi.feeds(), []);
  const [shown, setShown] = useState<Record<string, string>>({});
  const key = (u: string | null) => u ?? 'mine';

  const issue = async (u: string | null) => {
    try {
      const made = await dutyApi.issueFeed(u);
      setShown((s) => ({ ...s, [key(u)]: made.url ?? `${window.location.origin}${made.path}` }));
      feeds.reload();
    } catch (error) {
      message.error(applyProblem(null, error));
    }
  };
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      message.success(dt('feed.copied'));
    } catch {
      message.info(dt('feed.copyByHand'));
    }
  };
  const row = (u: string | null, title: string) => {
    const existing = (feeds.data ?? []).find((f) => f.unitId === u);
    const url = shown[key(u)];
    return (
      <div className="duty-feed" data-testid={u ? 'feed-unit' : 'feed-mine'}>
        <Typography.Text strong>{title}</Typography.Text>
        {url ? (
          <Flex gap={6} style={{ marginTop: 6 }}>
            <Input readOnly value={url} onFocus={(e) => e.target.select()} data-testid="feed-url" />
            <Button icon={<CopyOutlined />} onClick={() => void copy(url)} aria-label={dt('feed.copy')} />
          </Flex>
        ) : (
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
            {existing ? dt('feed.exists', { at: formatDateTime(existing.createdAt, locale) }) : dt('feed.none')}
          </Typography.Paragraph>
        )}
        <Flex gap={6} wrap style={{ marginTop: 6 }}>
          {existing ? (
            <Popconfirm title={dt('feed.rotateConfirm')} onConfirm={() => void issue(u)}>
              <Button size="small" icon={<ReloadOutlined />} data-testid="feed-rotate">
                {dt('feed.rotate')}
              </Button>
            </Popconfirm>
          ) : (
            <Button size="small" type="primary" onClick={() => void issue(u)} data-testid="feed-issue">
              {dt('feed.issue')}
            </Button>
          )}
          {existing && (
            <Popconfirm
              title={dt('feed.revokeConfirm')}
              onConfirm={() =>
                void dutyApi
                  .revokeFeed(existing.id)
                  .then(() => (feeds.reload(), setShown((s) => ({ ...s, [key(u)]: '' }))))
              }
            >
              <Button size="small" danger>
                {dt('feed.revoke')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      </div>
    );
  };
  return (
    <Card size="small" title={dt('feed.title')} data-testid="feeds">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {dt('feed.explain')}
      </Typography.Paragraph>
      {row(null, dt('feed.mine'))}
      {row(unitId, dt('feed.unit', { unit: unitName }))}
    </Card>
  );
}
