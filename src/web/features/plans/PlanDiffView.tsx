import { Card, Empty, Grid, Table, Typography } from 'antd';
import type { PlanDiff } from '../../api/endpoints.js';
import { useT } from '../../i18n/index.js';

type Change = PlanDiff['changes'][number];

const cell = (text: string, colour: string) => (
  <div
    style={{
      whiteSpace: 'pre-wrap',
      overflowWrap: 'anywhere',
      background: text ? colour : undefined,
      borderRadius: 4,
      padding: text ? '2px 6px' : 0,
    }}
  >
    {text || <Typography.Text type="secondary">—</Typography.Text>}
  </div>
);
const BEFORE = '#fff1f0';
const AFTER = '#f6ffed';

/** What changed between two versions: a table on wide screens, one card per change on a phone. */
export function PlanDiffView({ diff, loading }: { diff: PlanDiff | undefined; loading: boolean }) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  // The server labels each change in words and writes its values as people read them, in our language.
  const changes = diff?.changes ?? [];
  const empty = <Empty description={t('history.noChanges')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;

  if (!screens.md) {
    if (!loading && changes.length === 0) return empty;
    return (
      <div data-testid="plan-diff">
        {changes.map((change) => (
          <Card key={change.path} size="small" title={change.label} style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary">{t('history.before')}</Typography.Text>
            {cell(change.before, BEFORE)}
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
              {t('history.after')}
            </Typography.Text>
            {cell(change.after, AFTER)}
          </Card>
        ))}
      </div>
    );
  }
  return (
    <Table<Change>
      data-testid="plan-diff"
      rowKey="path"
      size="small"
      loading={loading}
      dataSource={changes}
      pagination={false}
      locale={{ emptyText: empty }}
      columns={[
        {
          title: t('history.field'),
          dataIndex: 'label',
          width: '24%',
          render: (label: string) => <Typography.Text strong>{label}</Typography.Text>,
        },
        { title: t('history.before'), dataIndex: 'before', width: '38%', render: (text: string) => cell(text, BEFORE) },
        { title: t('history.after'), dataIndex: 'after', width: '38%', render: (text: string) => cell(text, AFTER) },
      ]}
    />
  );
}
