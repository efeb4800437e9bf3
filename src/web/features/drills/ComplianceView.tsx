import { Card, Collapse, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { drillTypeLabel } from '../../components/labels.js';
import { useLocale, useT } from '../../i18n/index.js';
import type { ComplianceState, DrillCompliance, UnitCompliance } from './api.js';
import { formatDay, STATE_COLOURS, STATE_ORDER } from './format.js';
import { useDrillText } from './i18n.js';

export function StateTag({ state }: { state: ComplianceState }) {
  const dt = useDrillText();
  return (
    <Tag
      color={STATE_COLOURS[state]}
      variant="solid"
      style={{ marginInlineEnd: 0 }}
      data-testid="state-tag"
      data-state={state}
    >
      {dt(`state.${state}`)}
    </Tag>
  );
}

/** How many units are in each state, as one bar people read at a glance, with its legend. */
function SummaryBar({ units }: { units: UnitCompliance[] }) {
  const dt = useDrillText();
  const counts = STATE_ORDER.map((state) => ({ state, n: units.filter((u) => u.state === state).length })).filter(
    (c) => c.n > 0,
  );
  const total = units.length || 1;
  return (
    <div data-testid="compliance-summary">
      <div
        className="steady-stack-bar"
        role="img"
        aria-label={counts.map((c) => `${dt(`state.${c.state}`)} ${c.n}`).join(', ')}
      >
        {counts.map((c) => (
          <div key={c.state} style={{ width: `${(c.n / total) * 100}%`, background: STATE_COLOURS[c.state] }} />
        ))}
      </div>
      <Flex wrap gap="4px 14px" style={{ marginTop: 6 }}>
        {counts.map((c) => (
          <span key={c.state} className="steady-legend">
            <i style={{ background: STATE_COLOURS[c.state] }} />
            {dt(`state.${c.state}`)} <strong>{c.n}</strong>
          </span>
        ))}
      </Flex>
    </div>
  );
}

function TypeLines({ unit }: { unit: UnitCompliance }) {
  const t = useT();
  const dt = useDrillText();
  const { locale } = useLocale();
  if (unit.types.length === 0)
    return <Typography.Text type="secondary">{dt('compliance.noRequirement')}</Typography.Text>;
  return (
    <Flex vertical gap={8}>
      {unit.types.map((type) => (
        <div
          key={type.type}
          className="steady-type-line"
          style={{ borderInlineStartColor: STATE_COLOURS[type.state] }}
          data-testid="type-line"
          data-type={type.type}
          data-state={type.state}
        >
          <Flex justify="space-between" align="center" gap={8}>
            <Typography.Text strong>{drillTypeLabel(t, type.type)}</Typography.Text>
            <StateTag state={type.state} />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {dt(`compliance.every.${type.every}`, { n: type.required, held: type.held })} ·{' '}
            {dt('compliance.lastDone', {
              date: type.lastDone ? formatDay(type.lastDone, locale) : dt('compliance.never'),
            })}
            {type.dueBy &&
              ` · ${dt(type.state === 'overdue' ? 'compliance.missedBy' : 'compliance.dueBy', {
                date: formatDay(type.dueBy, locale),
              })}`}
          </Typography.Text>
        </div>
      ))}
    </Flex>
  );
}

/** Per unit of the subtree: on schedule, due soon or overdue, worst first; each opens to its drill types. */
export function ComplianceView({ data, loading }: { data: DrillCompliance | undefined; loading: boolean }) {
  const dt = useDrillText();
  if (loading && !data) return <Skeleton active />;
  const units = [...(data?.units ?? [])].sort((a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state));
  if (units.length === 0) return <Empty description={dt('compliance.empty')} />;
  return (
    <Flex vertical gap={12} data-testid="compliance">
      <Card size="small">
        <SummaryBar units={units} />
      </Card>
      <Collapse
        size="small"
        items={units.map((unit) => ({
          key: unit.unitId,
          label: (
            <Flex
              justify="space-between"
              align="center"
              gap={8}
              data-testid="compliance-unit"
              data-unit-id={unit.unitId}
              data-state={unit.state}
            >
              <Typography.Text ellipsis>{unit.unitName}</Typography.Text>
              <StateTag state={unit.state} />
            </Flex>
          ),
          children: <TypeLines unit={unit} />,
        }))}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {dt('compliance.note')}
      </Typography.Text>
    </Flex>
  );
}
