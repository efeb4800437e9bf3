import { Card, Empty, Flex, Pagination, Skeleton, Spin, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { Page } from '../../../common/schemas/shared.js';
import { usePagedRows, useUrlPagination } from '../../components/PagedTable.js';
import type { Resource } from '../../components/useResource.js';
import { useLocale } from '../../i18n/index.js';
import type { CaseSummary } from './api.js';
import { useCaseText } from './i18n.js';
import { CaseStatusTag, CategoryTag, formatDay } from './labels.js';

/**
 * Cases as cards, newest first: number, status, category, the issue, who owns it. One server page
 * at a time, paged like a `<PagedTable>` (the place in the URL); cards read better than a table here.
 */
export function CaseList({ list }: { list: Resource<Page<CaseSummary>> }) {
  const ct = useCaseText();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const { page, loading } = usePagedRows(list);
  const pagination = useUrlPagination(page, (total) => ct('list.total', { total }), { compact: true });
  if (loading && !page) return <Skeleton active />;
  if (!page?.items.length) return <Empty description={ct('list.empty')} />;
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={8} data-testid="case-list">
        {page.items.map((c) => (
          <Card
            key={c.id}
            size="small"
            hoverable
            onClick={() => navigate(`/cases/${c.id}`)}
            data-testid="case-row"
            data-case-id={c.id}
          >
            <Flex justify="space-between" align="center" gap={8}>
              <Flex gap={6} align="center" wrap>
                <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {c.number}
                </Typography.Text>
                <CategoryTag category={c.category} />
              </Flex>
              <CaseStatusTag status={c.status} />
            </Flex>
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '6px 0 4px' }}>
              {c.issue}
            </Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.unitName} · {ct('list.owner', { name: c.ownerName })} ·{' '}
              {ct('list.opened', { date: formatDay(c.openedAt, locale) })}
              {c.followUpDate && c.status !== 'closed'
                ? ` · ${ct('list.followUp', { date: formatDay(c.followUpDate, locale) })}`
                : ''}
            </Typography.Text>
          </Card>
        ))}
      </Flex>
      <Pagination {...pagination} align="end" style={{ marginTop: 12 }} />
    </Spin>
  );
}
