import { FlagFilled, WarningFilled } from '@ant-design/icons';
import { Card, Empty, Flex, List, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Page } from '../../../common/schemas/shared.js';
import { incidentTypeLabel, roleLabel } from '../../components/labels.js';
import { useLocale, useT, type Translate } from '../../i18n/index.js';
import type { BoardDeadline, IncidentSummary } from './api.js';
import { Countdown } from './Countdown.js';
import { duration } from './format.js';
import { useIncidentText, type IncidentsT } from './i18n.js';
import { DrillTag, SeverityTag, StatusTag, TYPE_ICONS } from './labels.js';
import { PagedTable, usePagedRows, useUrlPagination } from '../../components/PagedTable.js';
import { useNow, type Resource } from '../../components/useResource.js';
import { BoardReporting } from '../incident-reports/BoardReporting.js';

interface Props {
  board: Resource<Page<IncidentSummary>>;
  compact: boolean;
  emptyText: string;
}

function Since({ at }: { at: string }) {
  const it = useIncidentText();
  const now = useNow(15_000);
  const ago = now - Date.parse(at);
  return <span>{ago < 60_000 ? it('board.justNow') : it('board.ago', { time: duration(it, ago) })}</span>;
}

function stepName(it: IncidentsT, t: Translate, locale: string, row: IncidentSummary, d: BoardDeadline): string {
  if (d.kind === 'report') return it('board.step.report', { n: d.position + 1 });
  const role = roleLabel(t, d.role);
  const vars = { n: d.position + 1, role: locale === 'en' ? role.toLowerCase() : role };
  return it(
    d.targetUnitName && d.targetUnitName !== row.unitName ? 'board.step.notifyParent' : 'board.step.notify',
    vars,
  );
}

/** Every step not yet done, each with its own deadline counting down; past it, in red. */
function Deadlines({ row, compact }: { row: IncidentSummary; compact: boolean }) {
  const it = useIncidentText();
  const t = useT();
  const { locale } = useLocale();
  if (row.status === 'closed' || row.deadlines.length === 0)
    return <Typography.Text type="secondary">{it('board.noDeadline')}</Typography.Text>;
  return (
    <ul className={`steady-board-deadlines${compact ? ' compact' : ''}`} data-testid="board-deadlines">
      {row.deadlines.map((d) => {
        const name = stepName(it, t, locale, row, d);
        return (
          <li
            key={d.stepId}
            className={d.late ? 'late' : undefined}
            data-testid="board-deadline"
            data-state={d.state}
            data-late={d.late}
          >
            <span className="steady-board-step" title={name}>
              {name}
            </span>
            <Countdown dueAt={d.dueAt} compact />
          </li>
        );
      })}
    </ul>
  );
}

function Alarms({ row }: { row: IncidentSummary }) {
  const it = useIncidentText();
  return (
    <Flex gap={4} wrap>
      {row.lateSteps > 0 && (
        <Tag color="red" icon={<WarningFilled />} data-testid="late-count">
          {it('board.lateCount', { n: row.lateSteps })}
        </Tag>
      )}
      {row.flags > 0 && (
        <Tag color="volcano" icon={<FlagFilled />}>
          {row.flags === 1 ? it('board.flagsOne') : it('board.flags', { n: row.flags })}
        </Tag>
      )}
    </Flex>
  );
}

/** Incidents as a table on wide screens and as cards on a phone. */
export function BoardList({ board, compact, emptyText }: Props) {
  const t = useT();
  const it = useIncidentText();
  const navigate = useNavigate();
  const showTotal = (total: number) => it('board.total', { total });
  const { page, loading } = usePagedRows(board);
  const pagination = useUrlPagination(page, showTotal, { compact });
  const empty = <Empty description={emptyText} />;
  const type = (row: IncidentSummary) => (
    <span>
      {TYPE_ICONS[row.type]} {incidentTypeLabel(t, row.type)}
    </span>
  );

  if (compact) {
    return (
      <List
        dataSource={page?.items ?? []}
        loading={loading}
        pagination={page && page.total > page.pageSize ? pagination : false}
        locale={{ emptyText: empty }}
        data-testid="board-list"
        renderItem={(row) => (
          <Card
            size="small"
            hoverable
            className={`steady-board-card${row.lateSteps > 0 ? ' late' : ''}`}
            onClick={() => navigate(`/incidents/${row.id}`)}
            data-testid="board-row"
            data-incident-id={row.id}
            data-status={row.status}
          >
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text strong style={{ fontSize: 16 }}>
                {type(row)}
              </Typography.Text>
              <Flex gap={4}>
                {row.drill && <DrillTag />}
                <SeverityTag severity={row.severity} short />
              </Flex>
            </Flex>
            <Typography.Text type="secondary" style={{ display: 'block' }} ellipsis>
              {row.unitName} · {row.place}
            </Typography.Text>
            <div style={{ marginTop: 6 }}>
              <StatusTag status={row.status} />
            </div>
            <div style={{ marginTop: 4 }}>
              <Deadlines row={row} compact />
            </div>
            <BoardReporting reporting={row.reporting} />
            <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 4 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <Since at={row.reportedAt} />
              </Typography.Text>
              <Alarms row={row} />
            </Flex>
          </Card>
        )}
      />
    );
  }

  const columns: TableColumnsType<IncidentSummary> = [
    {
      title: it('board.type'),
      key: 'type',
      width: 150,
      render: (_, row) => (
        <Link to={`/incidents/${row.id}`}>
          <Flex gap={6} align="center" wrap>
            {type(row)}
            {row.drill && <DrillTag />}
          </Flex>
        </Link>
      ),
    },
    {
      title: it('board.unit'),
      key: 'unit',
      width: 160,
      render: (_, row) => (
        <div>
          <div>{row.unitName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.place}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: it('board.severity'),
      key: 'severity',
      width: 120,
      render: (_, row) => <SeverityTag severity={row.severity} />,
    },
    { title: it('board.status'), key: 'status', width: 100, render: (_, row) => <StatusTag status={row.status} /> },
    { title: it('board.since'), key: 'since', width: 100, render: (_, row) => <Since at={row.reportedAt} /> },
    {
      title: it('board.next'),
      key: 'next',
      width: 240,
      render: (_, row) => (
        <>
          <Deadlines row={row} compact={false} />
          <BoardReporting reporting={row.reporting} />
        </>
      ),
    },
    // Held at the right edge: the late count is what a supervisor looks for, so it is never scrolled away.
    { title: it('board.lateSteps'), key: 'late', width: 110, fixed: 'right', render: (_, row) => <Alarms row={row} /> },
  ];

  return (
    <PagedTable<IncidentSummary>
      resource={board}
      showTotal={showTotal}
      rowKey="id"
      columns={columns}
      locale={{ emptyText: empty }}
      // 980 px fits the content beside the menu at 1280 px; narrower, it scrolls with 超时 held in view
      scroll={{ x: 980 }}
      size="middle"
      rowClassName={(row) => (row.lateSteps > 0 ? 'steady-board-late' : '')}
      onRow={(row) =>
        ({
          'data-testid': 'board-row',
          'data-incident-id': row.id,
          'data-status': row.status,
        }) as HTMLAttributes<HTMLElement>
      }
      data-testid="board-table"
    />
  );
}
