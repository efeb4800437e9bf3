import { CheckCircleFilled, ClockCircleOutlined, ExclamationCircleFilled } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import type { Page } from '../../../common/schemas/shared.js';
import { drillTypeLabel } from '../../components/labels.js';
import { useLocale, useT } from '../../i18n/index.js';
import type { Drill } from './api.js';
import { formatDay, minSec } from './format.js';
import { useDrillText } from './i18n.js';

interface Props {
  page: Page<Drill> | undefined;
  loading: boolean;
  onOpen: (drill: Drill) => void;
  onPage: (page: number) => void;
}

/** Drills, newest first, as cards that read on a phone: what, where, when, and how it went. */
export function DrillList({ page, loading, onOpen, onPage }: Props) {
  const t = useT();
  const dt = useDrillText();
  const { locale } = useLocale();
  if (loading && !page) return <Skeleton active />;
  const items = page?.items ?? [];
  if (items.length === 0) return <Empty description={dt('list.empty')} />;
  return (
    <Flex vertical gap={8} data-testid="drill-list">
      {items.map((drill) => (
        <Card
          key={drill.id}
          size="small"
          hoverable
          onClick={() => onOpen(drill)}
          data-testid="drill-row"
          data-drill-id={drill.id}
          data-status={drill.status}
        >
          <Flex justify="space-between" align="start" gap={8}>
            <div style={{ minWidth: 0 }}>
              <Typography.Text strong style={{ fontSize: 15 }}>
                {drill.title}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} ellipsis>
                {drill.unitName} · {drillTypeLabel(t, drill.type)}
              </Typography.Text>
            </div>
            {drill.status === 'done' ? (
              <Tag color="green" style={{ marginInlineEnd: 0 }}>
                {dt('status.done')}
              </Tag>
            ) : (
              <Tag color="blue" icon={<ClockCircleOutlined />} style={{ marginInlineEnd: 0 }}>
                {dt('status.planned')}
              </Tag>
            )}
          </Flex>
          <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 6 }}>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {drill.status === 'done'
                ? formatDay(drill.startedAt, locale)
                : dt('list.plannedFor', { date: formatDay(drill.plannedDate, locale) })}
              {drill.participants ? ` · ${dt('list.people', { n: drill.participants })}` : ''}
            </Typography.Text>
            <Flex gap={6} align="center">
              {drill.evacuationSeconds !== null && (
                <Typography.Text style={{ color: drill.evacuationOnTarget ? '#237804' : '#a8071a', fontSize: 13 }}>
                  {drill.evacuationOnTarget ? <CheckCircleFilled /> : <ExclamationCircleFilled />}{' '}
                  {dt('list.evacuation', { time: minSec(drill.evacuationSeconds) })}
                </Typography.Text>
              )}
              {drill.problems.length > 0 && (
                <Tag color="orange">
                  {drill.problems.length === 1
                    ? dt('list.problemOne')
                    : dt('list.problems', { n: drill.problems.length })}
                </Tag>
              )}
            </Flex>
          </Flex>
        </Card>
      ))}
      {page && page.total > page.pageSize && (
        <Flex justify="center" gap={8} align="center">
          <Button disabled={page.page <= 1} onClick={() => onPage(page.page - 1)}>
            ‹
          </Button>
          <Typography.Text type="secondary">
            {page.page} / {Math.ceil(page.total / page.pageSize)}
          </Typography.Text>
          <Button disabled={page.page * page.pageSize >= page.total} onClick={() => onPage(page.page + 1)}>
            ›
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
