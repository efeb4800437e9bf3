import { SwapRightOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, List, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { plansApi, type PlanVersionInfo } from '../../api/endpoints.js';
import { formatDateTime } from '../../components/format.js';
import { LoadError } from '../../components/LoadError.js';
import { useResource } from '../../components/useResource.js';
import { useLocale, useT } from '../../i18n/index.js';
import { PlanDiffView } from './PlanDiffView.js';
import { PlanStatusTag } from './PlanStatusTags.js';

interface Props {
  planId: string;
  versions: PlanVersionInfo[];
  /** The version on screen. */
  current: number;
  onView: (version: number) => void;
}

/** Every version with its status, and what changed between any two of them. */
export function PlanHistory({ planId, versions, current, onView }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const newest = versions[versions.length - 1]?.version ?? 1;
  const [from, setFrom] = useState(Math.max(1, newest - 1));
  const [to, setTo] = useState(newest);
  const diff = useResource(
    () => (from !== to ? plansApi.diff(planId, Math.min(from, to), Math.max(from, to)) : Promise.resolve(undefined)),
    [planId, from, to, locale],
  );
  const compact = !Grid.useBreakpoint().md;
  const viewButton = (v: PlanVersionInfo) =>
    v.version === current ? (
      <Typography.Text type="secondary">{t('history.viewing')}</Typography.Text>
    ) : (
      <Button size="small" onClick={() => onView(v.version)}>
        {t('history.view')}
      </Button>
    );
  const options = versions.map((v) => ({ value: v.version, label: t('plans.version', { version: v.version }) }));

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('plan.tabHistory')}>
        {compact ? (
          <List
            dataSource={[...versions].reverse()}
            data-testid="plan-versions"
            renderItem={(v) => (
              <List.Item extra={viewButton(v)}>
                <Flex vertical gap={2}>
                  <span>
                    <Typography.Text strong>{t('plans.version', { version: v.version })}</Typography.Text>{' '}
                    <PlanStatusTag status={v.status} />
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {formatDateTime(v.publishedAt ?? v.createdAt, locale)}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        ) : (
          <Table<PlanVersionInfo>
            rowKey="version"
            size="small"
            dataSource={[...versions].reverse()}
            pagination={false}
            scroll={{ x: 640 }}
            data-testid="plan-versions"
            columns={[
              {
                title: t('history.version'),
                dataIndex: 'version',
                width: 90,
                render: (v: number) => t('plans.version', { version: v }),
              },
              {
                title: t('history.status'),
                dataIndex: 'status',
                width: 100,
                render: (status: PlanVersionInfo['status']) => <PlanStatusTag status={status} />,
              },
              { title: t('history.title'), dataIndex: 'title' },
              {
                title: t('history.createdAt'),
                dataIndex: 'createdAt',
                width: 170,
                render: (at: string) => formatDateTime(at, locale),
              },
              {
                title: t('history.publishedAt'),
                dataIndex: 'publishedAt',
                width: 170,
                render: (at: string | null) => formatDateTime(at, locale),
              },
              {
                title: t('common.actions'),
                key: 'view',
                width: 100,
                render: (_, v) => viewButton(v),
              },
            ]}
          />
        )}
      </Card>
      <Card size="small" title={t('history.compare')}>
        {versions.length < 2 ? (
          <Typography.Text type="secondary">{t('history.onlyOne')}</Typography.Text>
        ) : (
          <>
            <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
              <Select
                aria-label={t('history.from')}
                value={from}
                options={options}
                onChange={setFrom}
                style={{ width: 130 }}
                data-testid="diff-from"
              />
              <SwapRightOutlined />
              <Select
                aria-label={t('history.to')}
                value={to}
                options={options}
                onChange={setTo}
                style={{ width: 130 }}
                data-testid="diff-to"
              />
            </Flex>
            {diff.error ? <LoadError error={diff.error} onRetry={diff.reload} /> : null}
            {from === to ? (
              <Typography.Text type="secondary">{t('history.compareHint')}</Typography.Text>
            ) : (
              <PlanDiffView diff={diff.data} loading={diff.loading} />
            )}
          </>
        )}
      </Card>
    </Flex>
  );
}
