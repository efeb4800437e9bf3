import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { applyProblem } from '../../components/form-errors.js';
import { LoadError } from '../../components/LoadError.js';
import { PagedTable } from '../../components/PagedTable.js';
import { pageParams, useQueryParams } from '../../components/useQueryParams.js';
import { addDays } from '../../components/days.js';
import { useResource } from '../../components/useResource.js';
import { useUnitToday } from '../../components/useUnitToday.js';
import { useLocale } from '../../i18n/index.js';
import { downloadFile } from '../../components/download.js';
import { shortTime } from '../../components/format.js';
import { visitorsApi, type Visitor } from './api.js';
import { useVisitorText } from './i18n.js';
import { DateField } from '../../components/date-fields/DateField.js';

/** The week shown at first: the unit's today and the six days before, as the server counts them. */
const WEEK_BACK = 6;

/** The visitor log for a range of days, as cards on a phone and a table on wide screens, with the .xlsx export. */
export function HistoryList({ unitId, compact }: { unitId: string; compact: boolean }) {
  const vt = useVisitorText();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const today = useUnitToday(unitId);
  const [chosen, setChosen] = useState<{ from?: string; to?: string }>({});
  const from = chosen.from ?? (today.data ? addDays(today.data.today, -WEEK_BACK) : '');
  const to = chosen.to ?? today.data?.today ?? '';
  const setFrom = (value: string) => setChosen((c) => ({ ...c, from: value }));
  const setTo = (value: string) => setChosen((c) => ({ ...c, to: value }));
  const [params, update] = useQueryParams();
  const { page, pageSize, onPage } = pageParams(params, update);
  const firstPage = () => update({ page: undefined });
  const [exporting, setExporting] = useState(false);
  const badRange = Boolean(from && to && to < from);
  // Nothing is asked before the unit's today is known: a range guessed from the browser's day
  // would hide today's visitors wherever the browser's zone is behind the unit's.
  const waiting = !today.data && !today.error;
  const history = useResource(
    () =>
      badRange || waiting
        ? Promise.resolve(undefined)
        : visitorsApi.list({ unitId, from: from || undefined, to: to || undefined, page, pageSize }),
    [unitId, from, to, page, pageSize, badRange, waiting],
  );

  const download = async () => {
    setExporting(true);
    try {
      await downloadFile(
        visitorsApi.exportUrl({ unitId, from: from || undefined, to: to || undefined }),
        'visitors.xlsx',
        locale,
      );
      message.success(vt('history.exported'));
    } catch (error) {
      message.error(applyProblem(null, error));
    } finally {
      setExporting(false);
    }
  };

  const out = (v: Visitor) =>
    v.checkedOutAt ? (
      shortTime(v.checkedOutAt, locale, today.data ?? undefined)
    ) : (
      <Tag color="orange">{vt('history.stillInside')}</Tag>
    );
  const columns: TableColumnsType<Visitor> = [
    { title: vt('col.name'), dataIndex: 'name', width: 110 },
    {
      title: vt('col.id'),
      dataIndex: 'idMasked',
      width: 180,
      render: (value: string) => <span className="steady-id-masked">{value}</span>,
    },
    { title: vt('col.purpose'), dataIndex: 'purpose' },
    { title: vt('col.host'), dataIndex: 'hostName', width: 110 },
    { title: vt('col.plate'), dataIndex: 'vehiclePlate', width: 100 },
    {
      title: vt('col.in'),
      dataIndex: 'checkedInAt',
      width: 150,
      render: (value: string) => shortTime(value, locale, today.data ?? undefined),
    },
    { title: vt('col.out'), key: 'out', width: 150, render: (_, v) => out(v) },
  ];
  const items = history.data?.items ?? [];
  const total = history.data?.total ?? 0;

  return (
    <div data-testid="visitor-history">
      <Card size="small" style={{ marginBottom: 8 }}>
        <Flex gap={8} wrap align="end">
          <label className="steady-date-field">
            <span>{vt('history.from')}</span>
            <DateField
              value={from}
              max={to || undefined}
              onChange={(v) => (setFrom(v ?? ''), firstPage())}
              data-testid="history-from"
            />
          </label>
          <label className="steady-date-field">
            <span>{vt('history.to')}</span>
            <DateField
              value={to}
              min={from || undefined}
              onChange={(v) => (setTo(v ?? ''), firstPage())}
              data-testid="history-to"
            />
          </label>
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            disabled={badRange || waiting}
            onClick={() => void download()}
            data-testid="export"
            block={compact}
          >
            {vt('history.export')}
          </Button>
        </Flex>
        {badRange && (
          <Typography.Text type="danger" style={{ display: 'block', marginTop: 6 }}>
            {vt('history.badRange')}
          </Typography.Text>
        )}
      </Card>
      {today.error ? (
        <LoadError error={today.error} onRetry={today.reload} />
      ) : history.error ? (
        <LoadError error={history.error} onRetry={history.reload} />
      ) : null}
      {compact ? (
        <Flex vertical gap={8}>
          {!history.loading && !waiting && items.length === 0 && (
            <Card size="small">
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={vt('history.empty')} />
            </Card>
          )}
          {items.map((v) => (
            <Card key={v.id} size="small" data-testid="history-row">
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>{v.name}</Typography.Text>
                <span className="steady-id-masked">{v.idMasked}</span>
              </Flex>
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '2px 0' }}>
                {v.purpose}
                {v.hostName && <Typography.Text type="secondary"> · {v.hostName}</Typography.Text>}
                {v.vehiclePlate && <Typography.Text type="secondary"> · {v.vehiclePlate}</Typography.Text>}
              </Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {vt('col.in')} {shortTime(v.checkedInAt, locale, today.data ?? undefined)} → {vt('col.out')} {out(v)}
              </Typography.Text>
            </Card>
          ))}
          {total > pageSize && (
            <Flex justify="center" gap={8} align="center">
              <Button disabled={page <= 1} onClick={() => onPage(page - 1, pageSize)}>
                ‹
              </Button>
              <Typography.Text type="secondary">
                {page} / {Math.ceil(total / pageSize)} · {vt('history.total', { total })}
              </Typography.Text>
              <Button disabled={page * pageSize >= total} onClick={() => onPage(page + 1, pageSize)}>
                ›
              </Button>
            </Flex>
          )}
        </Flex>
      ) : (
        <PagedTable<Visitor>
          resource={history}
          showTotal={(n) => vt('history.total', { total: n })}
          waiting={waiting}
          rowKey="id"
          size="small"
          columns={columns}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={vt('history.empty')} /> }}
        />
      )}
    </div>
  );
}
