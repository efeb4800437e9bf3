import { Drawer, List, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { LoadError } from '../../components/LoadError.js';
import { useResource } from '../../components/useResource.js';
import { supervisionApi } from './api.js';
import { useSupervisionText } from './i18n.js';

export interface RecordsTarget {
  sheetId: string;
  unitId: string;
  unitName: string;
  itemId: string;
  itemTitle: string;
}

/** The records behind one figure, each marked met or not, with its formula on top. */
export function RecordsDrawer({ target, onClose }: { target: RecordsTarget | null; onClose: () => void }) {
  const st = useSupervisionText();
  const records = useResource(
    () => (target ? supervisionApi.records(target.sheetId, target.unitId, target.itemId) : Promise.resolve(null)),
    [target?.sheetId, target?.unitId, target?.itemId],
  );
  const data = records.data;
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={target ? st('assessment.recordsTitle', { item: target.itemTitle, unit: target.unitName }) : ''}
      size="large"
      destroyOnHidden
    >
      {records.error ? <LoadError error={records.error} onRetry={records.reload} /> : null}
      {data ? (
        <>
          <Typography.Paragraph type="secondary" data-testid="records-formula">
            {data.formula}
          </Typography.Paragraph>
          <Typography.Paragraph strong>
            {st('assessment.figure')}: {data.met}/{data.counted}
          </Typography.Paragraph>
          <List
            size="small"
            dataSource={data.records}
            locale={{ emptyText: st('assessment.noData') }}
            renderItem={(r) => (
              <List.Item data-testid="record">
                <span>{r.link ? <Link to={r.link}>{r.label || r.at}</Link> : r.label || r.at}</span>
                <span>
                  <Typography.Text type="secondary" style={{ marginRight: 8 }}>
                    {r.at.slice(0, 16).replace('T', ' ')}
                  </Typography.Text>
                  <Tag color={r.ok ? 'green' : 'red'}>{r.ok ? st('assessment.met') : st('assessment.notMet')}</Tag>
                </span>
              </List.Item>
            )}
          />
        </>
      ) : null}
    </Drawer>
  );
}
