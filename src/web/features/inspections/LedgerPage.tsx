import { ArrowLeftOutlined, DownloadOutlined, FlagFilled, WarningFilled } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Grid, List, Select, Switch, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { applyProblem } from '../../components/form-errors.js';
import { formatDateTime } from '../../components/format.js';
import { LoadError } from '../../components/LoadError.js';
import { PagedTable, useUrlPagination } from '../../components/PagedTable.js';
import { pageParams, useQueryParams } from '../../components/useQueryParams.js';
import { PageTitle } from '../../components/PageTitle.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { useResource } from '../../components/useResource.js';
import { useLocale } from '../../i18n/index.js';
import { downloadFile } from '../../components/download.js';
import { inspectionsApi, RISKS, STATES, type LedgerQuery, type LedgerRow } from './api.js';
import { useInspectionText } from './i18n.js';
import { RiskTag, StateTag } from './labels.js';
import { useUnitChoice } from './useUnitChoice.js';
import './inspections.css';
import { DateField } from '../../components/date-fields/DateField.js';

/** The ledger (台帐): every hazard found, its task, state and dates; filtered, paged, exported. */
export default function LedgerPage() {
  const tn = useInspectionText();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const wide = Grid.useBreakpoint().md ?? false;
  const [unitId, setUnitId] = useUnitChoice();
  // `?overdue=true` (from the overview) opens the ledger on the overdue tasks.
  const [params, update] = useQueryParams();
  const [filter, setFilter] = useState<Omit<LedgerQuery, 'unitId' | 'page' | 'pageSize'>>(() => ({
    subtree: 'true',
    ...(params.get('overdue') === 'true' ? { overdue: 'true' as const } : {}),
  }));
  const { page, pageSize } = pageParams(params, update);
  const [exporting, setExporting] = useState(false);
  const query: LedgerQuery = { ...filter, unitId };
  const ledger = useResource(
    () => inspectionsApi.ledger({ ...query, page, pageSize }),
    [JSON.stringify(query), page, pageSize],
  );
  const change = (next: Partial<typeof filter>) => {
    setFilter((f) => ({ ...f, ...next }));
    update({ page: undefined });
  };

  const exportFile = async () => {
    setExporting(true);
    try {
      await downloadFile(inspectionsApi.ledgerExportUrl(query), 'rectification-ledger.xlsx', locale);
    } catch (error) {
      message.error(applyProblem(null, error));
    } finally {
      setExporting(false);
    }
  };

  const open = (row: LedgerRow) => navigate(`/inspections/tasks/${row.taskId}`);
  const flags = (row: LedgerRow) => (
    <>
      {row.overdue && (
        <Tag color="red" icon={<WarningFilled />}>
          {tn('ledger.overdueTag')}
        </Tag>
      )}
      {row.supervisedBy && (
        <Tag color="purple" icon={<FlagFilled />}>
          {tn('ledger.supervisedTag', { unit: row.supervisedBy })}
        </Tag>
      )}
    </>
  );
  const columns: TableColumnsType<LedgerRow> = [
    { title: tn('ledger.found'), dataIndex: 'foundAt', width: 150, render: (v: string) => formatDateTime(v, locale) },
    { title: tn('ledger.unit'), dataIndex: 'unitName', width: 150 },
    {
      title: tn('ledger.hazard'),
      dataIndex: 'title',
      render: (_: unknown, row) => (
        <>
          <div>{row.title}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {tn(`source.${row.sourceKind}`)} · {row.sourceLabel}
            {row.itemCode ? ` · ${row.itemCode}` : ''}
          </Typography.Text>
        </>
      ),
    },
    {
      title: tn('ledger.risk'),
      dataIndex: 'risk',
      width: 80,
      render: (_: unknown, row) => <RiskTag risk={row.risk} />,
    },
    { title: tn('ledger.owner'), dataIndex: 'ownerName', width: 100 },
    { title: tn('ledger.due'), dataIndex: 'dueAt', width: 150, render: (v: string) => formatDateTime(v, locale) },
    {
      title: tn('ledger.state'),
      dataIndex: 'state',
      width: 170,
      render: (_: unknown, row) => (
        <Flex wrap gap={2}>
          <StateTag state={row.state} />
          {flags(row)}
        </Flex>
      ),
    },
    {
      title: tn('ledger.closedAt'),
      dataIndex: 'closedAt',
      width: 150,
      render: (v: string | null) => formatDateTime(v, locale),
    },
  ];
  const showTotal = (total: number) => tn('ledger.total', { total });
  const pagination = useUrlPagination(ledger.data, showTotal, { compact: true });
  const any = tn('ledger.any');

  return (
    <div className="steady-insp" data-testid="ledger-page">
      <PageTitle
        title={tn('ledger.title')}
        extra={
          <Flex gap={8}>
            <Button
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate(`/inspections${unitId ? `?unit=${unitId}` : ''}`)}
              aria-label={tn('run.again')}
            />
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              loading={exporting}
              onClick={() => void exportFile()}
              data-testid="ledger-export"
            >
              {exporting ? tn('ledger.exporting') : tn('ledger.export')}
            </Button>
          </Flex>
        }
      />
      <Card size="small" className="steady-insp-filters" data-testid="ledger-filters">
        <UnitPicker value={unitId} onChange={setUnitId} style={{ width: '100%' }} />
        <Flex gap={8} wrap>
          <Select
            aria-label={tn('ledger.state')}
            style={{ flex: '1 1 140px' }}
            value={filter.state ?? ''}
            onChange={(v: string) => change({ state: (v || undefined) as LedgerQuery['state'] })}
            options={[
              { value: '', label: tn('common.pair', { label: tn('ledger.state'), value: any }) },
              ...STATES.map((s) => ({ value: s, label: tn(`state.${s}`) })),
            ]}
            data-testid="filter-state"
          />
          <Select
            aria-label={tn('ledger.risk')}
            style={{ flex: '1 1 120px' }}
            value={filter.risk ?? ''}
            onChange={(v: string) => change({ risk: (v || undefined) as LedgerQuery['risk'] })}
            options={[
              { value: '', label: tn('common.pair', { label: tn('ledger.risk'), value: any }) },
              ...RISKS.map((r) => ({ value: r, label: tn(`risk.${r}`) })),
            ]}
          />
        </Flex>
        <Flex gap={16} wrap className="steady-insp-switches">
          <label>
            <Switch
              size="small"
              checked={filter.subtree !== 'false'}
              onChange={(on) => change({ subtree: on ? 'true' : 'false' })}
            />{' '}
            {tn('ledger.subtree')}
          </label>
          <label>
            <Switch
              size="small"
              checked={filter.overdue === 'true'}
              onChange={(on) => change({ overdue: on ? 'true' : undefined })}
              data-testid="filter-overdue"
            />{' '}
            {tn('ledger.overdue')}
          </label>
          <label>
            <Switch
              size="small"
              checked={filter.supervised === 'true'}
              onChange={(on) => change({ supervised: on ? 'true' : undefined })}
            />{' '}
            {tn('ledger.supervised')}
          </label>
        </Flex>
        <Flex gap={8} align="center">
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {tn('ledger.dates')}
          </Typography.Text>
          <DateField
            value={filter.from}
            max={filter.to}
            allowClear
            onChange={(from) => change({ from })}
            aria-label={`${tn('ledger.dates')} 1`}
            style={{ width: 150 }}
          />
          <span>–</span>
          <DateField
            value={filter.to}
            min={filter.from}
            allowClear
            onChange={(to) => change({ to })}
            aria-label={`${tn('ledger.dates')} 2`}
            style={{ width: 150 }}
          />
        </Flex>
      </Card>
      {ledger.error ? <LoadError error={ledger.error} onRetry={ledger.reload} /> : null}
      {wide ? (
        <PagedTable<LedgerRow>
          resource={ledger}
          showTotal={showTotal}
          rowKey="taskId"
          size="small"
          columns={columns}
          onRow={(row) =>
            ({ onClick: () => open(row), style: { cursor: 'pointer' }, 'data-testid': 'ledger-row' }) as object
          }
          locale={{ emptyText: <Empty description={tn('ledger.empty')} /> }}
        />
      ) : (
        <List<LedgerRow>
          dataSource={ledger.data?.items ?? []}
          loading={ledger.loading}
          pagination={ledger.data && ledger.data.total > ledger.data.pageSize ? pagination : false}
          locale={{ emptyText: <Empty description={tn('ledger.empty')} /> }}
          renderItem={(row) => (
            <Card
              size="small"
              className="steady-insp-ledger-card"
              onClick={() => open(row)}
              data-testid="ledger-row"
              data-task-id={row.taskId}
            >
              <Flex justify="space-between" gap={8} align="start">
                <Typography.Text strong className="steady-insp-ledger-title">
                  {row.title}
                </Typography.Text>
                <RiskTag risk={row.risk} />
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                {row.unitName} · {tn(`source.${row.sourceKind}`)} · {row.sourceLabel}
                {row.itemCode ? ` · ${row.itemCode}` : ''}
              </Typography.Text>
              <Flex wrap gap={4} style={{ marginTop: 6 }}>
                <StateTag state={row.state} />
                {flags(row)}
              </Flex>
              <div className="steady-insp-ledger-dates">
                <span>{tn('common.pair', { label: tn('ledger.owner'), value: row.ownerName })}</span>
                <span>
                  {tn('common.pair', { label: tn('ledger.found'), value: formatDateTime(row.foundAt, locale) })}
                </span>
                <span>{tn('common.pair', { label: tn('ledger.due'), value: formatDateTime(row.dueAt, locale) })}</span>
                {row.closedAt && (
                  <span>
                    {tn('common.pair', { label: tn('ledger.closedAt'), value: formatDateTime(row.closedAt, locale) })}
                  </span>
                )}
              </div>
            </Card>
          )}
        />
      )}
    </div>
  );
}
