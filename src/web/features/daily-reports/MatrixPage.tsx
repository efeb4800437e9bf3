import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Grid, Pagination, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { useLocale } from '../../i18n/index.js';
import { downloadFile } from '../../components/download.js';
import { useResource } from '../../components/useResource.js';
import { useLive, useLiveStatus } from '../notifications/live.js';
import { dailyReportsApi } from './api.js';
import { DayDrawer, type OpenDay } from './DayDrawer.js';
import { useDailyReportText } from './i18n.js';
import { MatrixTable } from './MatrixTable.js';
import { STATUS_ORDER, StatusSwatch } from './status.js';
import { TodaySummary } from './TodaySummary.js';
import { TrendChart } from './TrendChart.js';
import './daily-reports.css';
import { pageParams, useQueryParams } from '../../components/useQueryParams.js';
import { DateField } from '../../components/date-fields/DateField.js';

const DAY_CHOICES = [7, 14, 30] as const;
const PAGE_SIZE = 50;
const TREND_WEEKS = 12;

/**
 * The supervisor's matrix: every unit of the subtree × the last days, coloured by status, with
 * today's counts, the weekly trend, a drawer for each unit-day and an .xlsx export. Live: a report
 * arriving anywhere below redraws it without a reload.
 */
export default function MatrixPage() {
  const rt = useDailyReportText();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const live = useLiveStatus();
  const [params, update] = useQueryParams({ resetPage: true });
  const unitId = params.get('unit') ?? undefined;
  const days = Number(params.get('days')) || 30;
  const end = params.get('end') ?? undefined;
  const { page, pageSize, onPage } = pageParams(params, update, PAGE_SIZE);
  const [open, setOpen] = useState<OpenDay | null>(null);
  const [exporting, setExporting] = useState(false);

  const matrix = useResource(
    () => dailyReportsApi.matrix({ unitId, days, end, page, pageSize }),
    [unitId, days, end, page, pageSize],
  );
  const status = useResource(() => dailyReportsApi.status(unitId), [unitId]);
  const trend = useResource(() => dailyReportsApi.trend(unitId, TREND_WEEKS), [unitId]);
  useLive((event) => {
    if (['notification', 'todo', 'roll-call', 'reunification'].includes(event.kind)) return;
    matrix.reload();
    status.reload();
    trend.reload();
  });

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await downloadFile(dailyReportsApi.exportUrl({ unitId, days, end }), 'daily-reports.xlsx', locale);
    } catch (error) {
      message.error(rt('matrix.exportFailed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setExporting(false);
    }
  };
  const openDay = (id: string, name: string, day: string) => setOpen({ unitId: id, unitName: name, day });

  return (
    <div className="steady-dr-matrix-page" data-testid="matrix-page">
      <PageTitle
        title={rt('matrix.title')}
        extra={
          <Flex gap={8} align="center">
            {live === 'open' ? (
              <Tag color="green" data-testid="live-on">
                ● {rt('matrix.live')}
              </Tag>
            ) : (
              <Tag color="orange">{rt('matrix.reconnecting')}</Tag>
            )}
            <Button
              icon={<DownloadOutlined />}
              loading={exporting}
              onClick={() => void exportXlsx()}
              data-testid="export-xlsx"
            >
              {screens.sm ? rt('matrix.export') : 'Excel'}
            </Button>
          </Flex>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={10} wrap align="center">
          <UnitPicker
            value={unitId}
            onChange={(id) => update({ unit: id })}
            placeholder={rt('matrix.allUnits')}
            allowClear
            style={{ width: screens.md ? 280 : '100%' }}
          />
          <Segmented
            value={days}
            onChange={(value) => update({ days: value === 30 ? undefined : String(value) })}
            options={DAY_CHOICES.map((n) => ({ value: n, label: rt('matrix.days', { n }) }))}
          />
          <Flex align="center" gap={6}>
            <Typography.Text type="secondary">{rt('matrix.end')}</Typography.Text>
            <DateField
              value={end ?? matrix.data?.to ?? null}
              onChange={(v) => update({ end: v })}
              aria-label={rt('matrix.end')}
              style={{ width: 160 }}
              data-testid="matrix-end"
            />
          </Flex>
        </Flex>
      </Card>
      {status.error ? (
        <LoadError error={status.error} onRetry={status.reload} />
      ) : (
        status.data && <TodaySummary status={status.data} onOpen={openDay} />
      )}
      <Flex className="steady-dr-legend" style={{ margin: '12px 0 8px' }}>
        {STATUS_ORDER.map((s) => (
          <span key={s}>
            <StatusSwatch status={s} size={16} />
            {rt(`status.${s}`)}
          </span>
        ))}
      </Flex>
      {matrix.error ? (
        <LoadError error={matrix.error} onRetry={matrix.reload} />
      ) : (
        <MatrixTable matrix={matrix.data} loading={matrix.loading} onOpen={openDay} />
      )}
      {matrix.data && matrix.data.total > pageSize && (
        <Flex justify="end" style={{ marginTop: 10 }}>
          <Pagination
            size="small"
            current={page}
            pageSize={pageSize}
            total={matrix.data.total}
            onChange={(next) => onPage(next, pageSize)}
            showSizeChanger={false}
            showTotal={(n) => rt('matrix.total', { n })}
          />
        </Flex>
      )}
      {trend.data && (
        <div style={{ marginTop: 12 }}>
          <TrendChart trend={trend.data} weeks={TREND_WEEKS} />
        </div>
      )}
      <DayDrawer open={open} onClose={() => setOpen(null)} />
    </div>
  );
}
