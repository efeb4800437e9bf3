import { App, Button, Card, Col, DatePicker, Row, Space, Table, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { downloadFile } from '../../components/download.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { useResource } from '../../components/useResource.js';
import { useLocale } from '../../i18n/index.js';
import { supervisionApi, type Analytics } from './api.js';
import { useSupervisionText, type SupervisionT } from './i18n.js';

// The charting library is loaded only when this screen opens.
const Chart = lazy(() => import('./Chart.js'));
interface DayLike {
  format(pattern: string): string;
}

/** The bureau's analytics over its subtree, with charts and an .xlsx of the same figures. */
export default function AnalyticsPage() {
  const st = useSupervisionText();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [unitId, setUnitId] = useState<string>();
  const [range, setRange] = useState<[string, string] | null>(null);
  const query = useMemo(
    () => ({ ...(unitId ? { unitId } : {}), ...(range ? { from: range[0], last: range[1] } : {}) }),
    [unitId, range],
  );
  const view = useResource(() => supervisionApi.analytics(query), [query]);
  const a = view.data;
  return (
    <>
      <PageTitle
        title={st('analytics.title')}
        extra={
          <Space wrap>
            <UnitPicker
              value={unitId}
              onChange={setUnitId}
              allowClear
              placeholder={st('common.unitPick')}
              style={{ minWidth: 220 }}
            />
            <DatePicker.RangePicker
              aria-label={st('analytics.period')}
              onChange={(v) =>
                setRange(
                  v && v[0] && v[1]
                    ? [(v[0] as DayLike).format('YYYY-MM-DD'), (v[1] as DayLike).format('YYYY-MM-DD')]
                    : null,
                )
              }
            />
            <Button
              onClick={() =>
                void downloadFile(supervisionApi.analyticsXlsx(query), 'analytics.xlsx', locale).catch((e: Error) =>
                  message.error(e.message),
                )
              }
            >
              {st('analytics.xlsx')}
            </Button>
          </Space>
        }
      />
      {view.error ? <LoadError error={view.error} onRetry={view.reload} /> : null}
      {a ? (
        <Typography.Paragraph type="secondary">
          {a.unitName} · {a.from} – {a.last}
        </Typography.Paragraph>
      ) : null}
      {a ? <Figures a={a} st={st} /> : <Card loading />}
    </>
  );
}

function Figures({ a, st }: { a: Analytics; st: SupervisionT }) {
  const heat = useMemo(() => {
    const data = a.heat.rows.flatMap((r, y) => r.counts.map((n, x) => [x, y, n]));
    const max = Math.max(1, ...data.map((d) => d[2]!));
    return {
      tooltip: { position: 'top' },
      grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
      xAxis: { type: 'category', data: a.heat.weeks.map((w) => w.slice(5)) },
      yAxis: { type: 'category', data: a.heat.rows.map((r) => r.unitName) },
      visualMap: {
        min: 0,
        max,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        inRange: { color: ['#f6ffed', '#ffd666', '#ff4d4f'] },
      },
      series: [{ type: 'heatmap', data, label: { show: true } }],
    };
  }, [a]);
  const ageing = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: a.ageing.buckets },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: st('analytics.hazardsOpen'), type: 'bar', data: a.ageing.hazards },
        { name: st('analytics.supervised'), type: 'bar', data: a.ageing.supervised },
      ],
    }),
    [a, st],
  );
  const response = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: a.response.slice(0, 15).map((r) => r.unitName) },
      series: (['ackMedianMinutes', 'ackWorstMinutes', 'reportMedianMinutes', 'reportWorstMinutes'] as const).map(
        (k) => ({
          name: st(`analytics.${k.replace('Minutes', '')}` as 'analytics.ackMedian'),
          type: 'bar',
          data: a.response.slice(0, 15).map((r) => r[k]),
        }),
      ),
    }),
    [a, st],
  );
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={12}>
        <Card
          size="small"
          title={st('analytics.heat')}
          extra={<Typography.Text type="secondary">{st('analytics.heatHint')}</Typography.Text>}
        >
          <Suspense fallback={<Card loading variant="borderless" />}>
            <Chart option={heat} height={Math.max(200, 40 + a.heat.rows.length * 28)} label={st('analytics.heat')} />
          </Suspense>
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={st('analytics.ageing')}>
          <Suspense fallback={<Card loading variant="borderless" />}>
            <Chart option={ageing} height={240} label={st('analytics.ageing')} />
          </Suspense>
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={st('analytics.response')}>
          {a.response.length === 0 ? (
            <Typography.Text type="secondary">{st('analytics.empty')}</Typography.Text>
          ) : (
            <Suspense fallback={<Card loading variant="borderless" />}>
              <Chart
                option={response}
                height={Math.max(200, 60 + a.response.slice(0, 15).length * 36)}
                label={st('analytics.response')}
              />
            </Suspense>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={st('analytics.hazards')}>
          <Table
            size="small"
            pagination={false}
            rowKey={(h) => `${h.category}-${h.risk}`}
            dataSource={a.hazards}
            locale={{ emptyText: st('analytics.empty') }}
            scroll={{ x: 'max-content' }}
            columns={[
              { key: 'c', title: st('analytics.category'), dataIndex: 'category' },
              {
                key: 'r',
                title: st('analytics.risk'),
                render: (_, h) =>
                  ['low', 'medium', 'high', 'major'].includes(h.risk) ? st(`risk.${h.risk as 'low'}`) : h.risk,
              },
              { key: 'f', title: st('analytics.found'), dataIndex: 'found' },
              { key: 'x', title: st('analytics.fixed'), dataIndex: 'fixed' },
              { key: 'o', title: st('analytics.overdue'), dataIndex: 'overdue' },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
