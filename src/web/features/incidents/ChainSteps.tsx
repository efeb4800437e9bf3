import { CheckCircleFilled, ExperimentOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { roleLabel } from '../../components/labels.js';
import { useLocale, useT } from '../../i18n/index.js';
import type { Incident, IncidentStep } from './api.js';
import { Countdown } from './Countdown.js';
import { shortTime } from '../../components/format.js';
import { useIncidentText } from './i18n.js';
import { ReachMark } from './ReachMark.js';
import { StepAction } from './StepAction.js';

const STATE_COLOURS = { waiting: 'default', active: 'processing', done: 'success', undone: 'error' } as const;
const REASON_COLOURS = { holder: 'blue', acting: 'cyan', deputy: 'orange', parent: 'purple' } as const;

function StepCard({ incident, step, onChanged }: { incident: Incident; step: IncidentStep; onChanged: () => void }) {
  const t = useT();
  const it = useIncidentText();
  const { locale } = useLocale();
  const role = roleLabel(t, step.role);
  const vars = {
    unit: step.targetUnitName,
    role: locale === 'en' ? role.toLowerCase() : role,
    minutes: step.deadlineMinutes,
  };
  const closed = incident.status === 'closed';
  const pending = step.state !== 'done' && !closed;
  const state = closed && step.state !== 'done' ? 'undone' : step.state;
  const className = ['steady-step', pending && step.state === 'active' ? 'active' : '', step.late ? 'late' : ''].join(
    ' ',
  );
  return (
    <div
      className={className}
      data-testid="chain-step"
      data-state={step.state}
      data-late={step.late}
      data-step-id={step.id}
    >
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <div style={{ minWidth: 0, flex: '1 1 220px' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {it('chain.step', { n: step.position + 1 })}
          </Typography.Text>
          <div style={{ fontWeight: 600 }}>{it(step.kind === 'notify' ? 'chain.notify' : 'chain.report', vars)}</div>
        </div>
        <Flex gap={6} align="center" wrap>
          {step.late && <Tag color="red">{it('chain.late')}</Tag>}
          <Tag color={STATE_COLOURS[state]} data-testid="step-state">
            {state === 'done' && <CheckCircleFilled />} {it(`chain.state.${state}`)}
          </Tag>
        </Flex>
      </Flex>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 6 }}>
        {pending ? (
          <Countdown dueAt={step.dueAt} />
        ) : (
          <Typography.Text type="secondary">
            {step.doneAt
              ? step.doneBy
                ? it('chain.doneBy', { name: step.doneBy, time: shortTime(step.doneAt, locale) })
                : it('chain.doneAt', { time: shortTime(step.doneAt, locale) })
              : it('chain.due', { time: shortTime(step.dueAt, locale) })}
          </Typography.Text>
        )}
        {pending && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {it('chain.due', { time: shortTime(step.dueAt, locale) })}
          </Typography.Text>
        )}
      </Flex>
      {step.simulated && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }} data-testid="step-simulated">
          <ExperimentOutlined /> {it(step.kind === 'report' ? 'chain.simulatedReport' : 'chain.simulated')}
        </Typography.Text>
      )}
      {/* a drill's step to the parent unit tells nobody; its practice report is the unit's own */}
      {!(step.simulated && step.kind === 'notify') && step.state !== 'waiting' && (
        <Flex gap={4} wrap align="center" style={{ marginTop: 6 }} data-testid="step-recipients">
          <Typography.Text type="secondary">{it('chain.told')}</Typography.Text>
          {step.recipients.length === 0 && <Typography.Text type="warning">{it('chain.nobody')}</Typography.Text>}
          {step.recipients.map((r) => (
            <Tag key={`${r.personId}-${r.reason}`} color={REASON_COLOURS[r.reason]} style={{ marginInlineEnd: 0 }}>
              {r.name} · {it(`chain.reason.${r.reason}`)} <ReachMark reached={r.reached} />
            </Tag>
          ))}
        </Flex>
      )}
      {step.mine && (
        <div style={{ marginTop: 6 }}>
          <Tag color="gold">{it('step.yourTurn')}</Tag>
          <StepAction incidentId={incident.id} step={step} onDone={onChanged} />
        </div>
      )}
    </div>
  );
}

/** The reporting chain, step by step, with each pending deadline counting down. */
export function ChainSteps({ incident, onChanged }: { incident: Incident; onChanged: () => void }) {
  const it = useIncidentText();
  return (
    <Card size="small" title={it('chain.title')} data-testid="chain">
      {incident.steps.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={it('chain.empty')} />}
      {incident.steps.map((step) => (
        <StepCard key={step.id} incident={incident} step={step} onChanged={onChanged} />
      ))}
    </Card>
  );
}
