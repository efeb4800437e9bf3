import { SafetyOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useResource } from '../../components/useResource.js';
import { useT } from '../../i18n/index.js';
import { dutyApi } from '../duty/api.js';
import { DutyNextStep } from '../duty/DutyNextStep.js';
import { patrolsApi } from './api.js';
import { usePatrolText } from './i18n.js';

/**
 * The unit page's card: is the gate staffed round the clock as the plan asks, and the night's patrols done of those
 * due.
 */
export function PatrolFacts({ unitId }: { unitId: string }) {
  const pt = usePatrolText();
  const t = useT();
  const summary = useResource(() => patrolsApi.summary(unitId), [unitId]);
  const data = summary.data;
  // Nobody on duty: the card offers the next step (去排班) or says whom to ask, as the duty screens do.
  const next = useResource(
    () => (data && !data.gate.staffed ? dutyApi.nextStep(unitId) : Promise.resolve(undefined)),
    [unitId, data?.gate.staffed],
  );
  return (
    <Card
      size="small"
      title={
        <>
          <SafetyOutlined /> {pt('facts.title')}
        </>
      }
      loading={summary.loading}
      style={{ marginTop: 16 }}
      data-testid="patrol-facts"
      extra={<Link to={`/patrols?unit=${unitId}`}>{pt('facts.open')}</Link>}
    >
      {summary.error ? (
        <Typography.Text type="secondary">{t('common.loadFailed')}</Typography.Text>
      ) : data ? (
        <Flex vertical gap={8}>
          <div>
            <Typography.Text strong>{pt('facts.gate')}</Typography.Text>{' '}
            <Tag color={data.gate.required24h ? 'orange' : 'default'}>
              {pt(data.gate.required24h ? 'facts.gateRequired' : 'facts.gateNotRequired')}
            </Tag>
            <div>
              <Typography.Text
                type={data.gate.staffed ? 'success' : data.gate.required24h ? 'danger' : 'secondary'}
                data-testid="gate-staffing"
                data-staffed={data.gate.staffed}
              >
                {data.gate.staffed
                  ? pt('facts.gateStaffed', { gate: data.gate.gatekeepers, duty: data.gate.dutyStaff })
                  : pt('facts.gateUnstaffed')}
              </Typography.Text>
              {!data.gate.staffed && next.data && (
                <div style={{ marginTop: 4 }}>
                  <DutyNextStep unitId={unitId} nextStep={next.data} />
                </div>
              )}
            </div>
          </div>
          <div>
            <Typography.Text strong>{pt('facts.patrols', { date: data.patrols.nightDate })}</Typography.Text>{' '}
            {data.patrols.window || data.patrols.planned > 0 ? (
              <>
                <Tag color={data.patrols.missed > 0 ? 'red' : 'green'} data-testid="patrol-count">
                  {pt('facts.count', { done: data.patrols.done, due: data.patrols.due })}
                </Tag>
                <div>
                  <Typography.Text type="secondary">
                    {pt('facts.planned', { planned: data.patrols.planned, missed: data.patrols.missed })} ·{' '}
                    {pt('facts.checkpoints', { n: data.patrols.checkpoints })}
                    {!data.patrols.window && ` · ${pt('facts.noWindow')}`}
                  </Typography.Text>
                </div>
              </>
            ) : (
              <Typography.Text type="secondary">{pt('facts.noWindow')}</Typography.Text>
            )}
          </div>
        </Flex>
      ) : null}
    </Card>
  );
}
