import { Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Page } from '../../../common/schemas/shared.js';
import type { PlanSummary } from '../../api/endpoints.js';
import { formatDateTime } from '../../components/format.js';
import { PagedTable, usePagedRows, useUrlPagination } from '../../components/PagedTable.js';
import type { Resource } from '../../components/useResource.js';
import { planKindLabel } from '../../components/labels.js';
import { useLocale, useT } from '../../i18n/index.js';
import { PlanSummaryTags } from './PlanStatusTags.js';

interface Props {
  plans: Resource<Page<PlanSummary>>;
  compact: boolean;
  onOpen: (plan: PlanSummary) => void;
}

/** Plans as a table on wide screens and as cards on a phone. */
export function PlansTable({ plans, compact, onOpen }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const showTotal = (total: number) => t('plans.total', { total });
  const { page, loading } = usePagedRows(plans);
  const pagination = useUrlPagination(page, showTotal, { compact });
  const empty = (
    <Empty
      description={
        <>
          <div>{t('plans.empty')}</div>
          <Typography.Text type="secondary">{t('plans.emptyHint')}</Typography.Text>
        </>
      }
    />
  );

  if (compact) {
    return (
      <List
        dataSource={page?.items ?? []}
        loading={loading}
        pagination={pagination}
        locale={{ emptyText: empty }}
        data-testid="plans-list"
        renderItem={(plan) => (
          <Card size="small" hoverable style={{ marginBottom: 8 }} onClick={() => onOpen(plan)}>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {plan.title}
            </Typography.Text>
            <Flex justify="space-between" gap={8} style={{ margin: '4px 0 6px' }}>
              <Typography.Text type="secondary" ellipsis>
                {plan.unitName}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ flexShrink: 0 }}>
                {planKindLabel(t, plan.kind)}
              </Typography.Text>
            </Flex>
            <PlanSummaryTags plan={plan} />
          </Card>
        )}
      />
    );
  }

  const columns: TableColumnsType<PlanSummary> = [
    {
      title: t('plans.plan'),
      dataIndex: 'title',
      render: (title: string, plan) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          onClick={() => onOpen(plan)}
        >
          {title}
        </Button>
      ),
    },
    { title: t('plans.unit'), dataIndex: 'unitName', width: 200 },
    {
      title: t('plans.kind'),
      dataIndex: 'kind',
      width: 130,
      render: (kind: PlanSummary['kind']) => <Tag color="blue">{planKindLabel(t, kind)}</Tag>,
    },
    { title: t('plans.status'), key: 'status', width: 300, render: (_, plan) => <PlanSummaryTags plan={plan} /> },
    {
      title: t('plans.updatedAt'),
      dataIndex: 'updatedAt',
      width: 170,
      render: (at: string) => formatDateTime(at, locale),
    },
  ];
  return (
    <PagedTable<PlanSummary>
      resource={plans}
      showTotal={showTotal}
      rowKey="id"
      columns={columns}
      locale={{ emptyText: empty }}
      scroll={{ x: 960 }}
      size="middle"
      data-testid="plans-table"
    />
  );
}
