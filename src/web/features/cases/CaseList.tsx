import { Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useLocale } from '../../i18n/index.js';
import type { CaseSummary } from './api.js';
import { useCaseText } from './i18n.js';
import { CaseStatusTag, CategoryTag, formatDay } from './labels.js';

/** Cases as cards, newest first: number, status, category, the issue, who owns it. */
export function CaseList({ cases, loading }: { cases: CaseSummary[] | undefined; loading: boolean }) {
  const ct = useCaseText();
  const { locale } = useLocale();
  const navigate = useNavigate();
  if (loading && !cases) return <Skeleton active />;
  if (!cases?.length) return <Empty description={ct('list.empty')} />;
  return (
    <Flex vertical gap={8} data-testid="case-list">
      {cases.map((c) => (
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
  );
}
