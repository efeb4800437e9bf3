import { Card, List, Space, Statistic, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { ComplianceState } from '../../../common/schemas/compliance.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { useResource } from '../../components/useResource.js';
import { supervisionApi } from './api.js';
import { useSupervisionText } from './i18n.js';

export const STATE_COLOUR: Record<ComplianceState, string> = { green: 'green', amber: 'orange', red: 'red' };

/** Red / amber / green per unit across the subtree, each check with its reason and source. */
export default function CompliancePage() {
  const st = useSupervisionText();
  const [unitId, setUnitId] = useState<string>();
  const view = useResource(() => supervisionApi.compliance(unitId), [unitId]);
  const data = view.data;
  return (
    <>
      <PageTitle
        title={st('compliance.title')}
        extra={
          <UnitPicker
            value={unitId}
            onChange={setUnitId}
            allowClear
            placeholder={st('common.unitPick')}
            style={{ minWidth: 240 }}
          />
        }
      />
      {view.error ? <LoadError error={view.error} onRetry={view.reload} /> : null}
      {data ? (
        <Space wrap size="large" style={{ marginBottom: 16 }}>
          {(['red', 'amber', 'green'] as const).map((s) => (
            <Statistic
              key={s}
              title={<Tag color={STATE_COLOUR[s]}>{st(`compliance.${s}`)}</Tag>}
              value={data.counts[s] ?? 0}
            />
          ))}
        </Space>
      ) : null}
      <List
        loading={view.loading}
        dataSource={data?.units ?? []}
        grid={{ gutter: 12, xs: 1, md: 2, xl: 3 }}
        renderItem={(u) => (
          <List.Item>
            <Card
              size="small"
              data-testid="compliance-unit"
              title={
                <Space>
                  <Tag color={STATE_COLOUR[u.state]}>{st(`compliance.${u.state}`)}</Tag>
                  <span style={{ paddingLeft: u.depth * 4 }}>{u.unitName}</span>
                </Space>
              }
            >
              {u.checks.length === 0 ? (
                <Typography.Text type="secondary">{st('compliance.none')}</Typography.Text>
              ) : null}
              {u.checks.map((c) => (
                <div key={c.rule} style={{ marginBottom: 6 }}>
                  <Tooltip title={st('compliance.source', { source: `${c.source} (v${c.ruleVersion})` })}>
                    <Tag color={STATE_COLOUR[c.state]}>{st(`compliance.rule.${c.rule}`)}</Tag>
                  </Tooltip>
                  <Typography.Text>{c.reason}</Typography.Text>
                </div>
              ))}
            </Card>
          </List.Item>
        )}
      />
    </>
  );
}
