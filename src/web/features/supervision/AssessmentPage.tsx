import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { downloadFile } from '../../components/download.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useResource } from '../../components/useResource.js';
import { useLocale } from '../../i18n/index.js';
import { canManageAnything } from '../auth/permissions.js';
import { useMe } from '../auth/session.js';
import { supervisionApi, type Ranking } from './api.js';
import { useSupervisionText } from './i18n.js';
import { NewSheetModal } from './NewSheetModal.js';
import { RecordsDrawer, type RecordsTarget } from './RecordsDrawer.js';
import { UnitSheetView } from './UnitSheetView.js';

/** The supervisor's ranking of the units below it; a unit below sees its own sheet instead. */
export default function AssessmentPage() {
  const st = useSupervisionText();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const sheets = useResource(() => supervisionApi.sheets(), []);
  const sheetId = params.get('sheet') ?? sheets.data?.items[0]?.id;
  const choose = (id: string) => setParams({ sheet: id });
  return (
    <>
      <PageTitle
        title={st('assessment.title')}
        extra={
          canManageAnything(me) ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {st('assessment.new')}
            </Button>
          ) : null
        }
      />
      {sheets.error ? <LoadError error={sheets.error} onRetry={sheets.reload} /> : null}
      {sheets.data && sheets.data.items.length === 0 ? <Empty description={st('assessment.none')} /> : null}
      {sheets.data && sheets.data.items.length > 0 ? (
        <Select
          style={{ width: '100%', maxWidth: 520, marginBottom: 16 }}
          value={sheetId}
          onChange={choose}
          aria-label={st('assessment.sheet')}
          options={sheets.data.items.map((s) => ({
            value: s.id,
            label: `${s.title}（${s.unitName}，${s.periodStart} – ${s.periodEnd}）`,
          }))}
        />
      ) : null}
      {sheetId ? <SheetRanking key={sheetId} sheetId={sheetId} /> : null}
      <NewSheetModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          sheets.reload();
          choose(id);
        }}
        defaultUnitId={me.scopes[0]?.unitId}
      />
    </>
  );
}

function SheetRanking({ sheetId }: { sheetId: string }) {
  const st = useSupervisionText();
  const me = useMe();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const ranking = useResource(() => supervisionApi.ranking(sheetId), [sheetId]);
  const [records, setRecords] = useState<RecordsTarget | null>(null);
  // The ranking is the supervising side's; a unit below sees its own sheet.
  if (ranking.error instanceof ApiError && ranking.error.problem.status === 404) {
    const own = me.scopes[0]?.unitId;
    return own ? <UnitSheetView sheetId={sheetId} unitId={own} /> : null;
  }
  if (ranking.error) return <LoadError error={ranking.error} onRetry={ranking.reload} />;
  const data = ranking.data;
  if (!data) return <Card loading />;
  type Row = Ranking['units'][number];
  const itemColumns = data.sheet.items.map((item, i) => ({
    key: item.id,
    title: (
      <span title={item.formula}>
        {item.title}（{item.weight}）
      </span>
    ),
    width: 120,
    render: (_: unknown, u: Row) => {
      const s = u.items[i]!;
      const text = s.noData ? <Tag>{st('assessment.noData')}</Tag> : <span>{s.points}</span>;
      return item.kind === 'computed' ? (
        <Button
          type="link"
          size="small"
          onClick={() =>
            setRecords({ sheetId, unitId: u.unitId, unitName: u.unitName, itemId: item.id, itemTitle: item.title })
          }
        >
          {text}
        </Button>
      ) : (
        text
      );
    },
  }));
  return (
    <Card
      title={
        <Space orientation="vertical" size={0}>
          <span>{data.sheet.title}</span>
          <Typography.Text type="secondary">
            {st('assessment.period', { from: data.sheet.periodStart, to: data.sheet.periodEnd })}
          </Typography.Text>
        </Space>
      }
      extra={
        <Button
          onClick={() =>
            void downloadFile(supervisionApi.rankingXlsx(sheetId), 'ranking.xlsx', locale).catch((e: Error) =>
              message.error(e.message),
            )
          }
        >
          {st('assessment.xlsx')}
        </Button>
      }
    >
      <Table<Row>
        rowKey="unitId"
        size="small"
        pagination={false}
        dataSource={data.units}
        scroll={{ x: 'max-content' }}
        data-testid="ranking"
        columns={[
          { key: 'rank', title: st('assessment.rank'), width: 64, fixed: 'left', render: (_, u) => u.rank ?? '—' },
          {
            key: 'unit',
            title: st('assessment.unit'),
            fixed: 'left',
            render: (_, u) => (
              <Button type="link" size="small" onClick={() => navigate(`/assessment/${sheetId}/units/${u.unitId}`)}>
                {u.unitName}
              </Button>
            ),
          },
          {
            key: 'total',
            title: st('assessment.total'),
            width: 96,
            render: (_, u) =>
              u.total === null ? (
                <Tag>{st('assessment.noData')}</Tag>
              ) : (
                <Typography.Text strong>{u.total}%</Typography.Text>
              ),
          },
          ...itemColumns,
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {st('assessment.rules')}
      </Typography.Paragraph>
      <RecordsDrawer target={records} onClose={() => setRecords(null)} />
    </Card>
  );
}
