import {
  AlertOutlined,
  BugOutlined,
  CarOutlined,
  CloudOutlined,
  FireOutlined,
  MedicineBoxOutlined,
  QuestionCircleOutlined,
  RestOutlined,
  SearchOutlined,
  StopOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { IncidentType } from '../../../common/org.js';
import type { IncidentStatus } from './api.js';
import { ROMAN, SEVERITY_COLOURS, STATUS_COLOURS } from './format.js';
import { useIncidentText } from './i18n.js';

export const TYPE_ICONS: Record<IncidentType, ReactNode> = {
  fire: <FireOutlined />,
  food_safety: <RestOutlined />,
  infectious_disease: <BugOutlined />,
  traffic: <CarOutlined />,
  injury: <MedicineBoxOutlined />,
  campus_violence: <StopOutlined />,
  natural_disaster: <CloudOutlined />,
  facility_hazard: <ToolOutlined />,
  missing_child: <SearchOutlined />,
  other: <QuestionCircleOutlined />,
};

export const INCIDENT_ICON = <AlertOutlined />;

/** "Ⅳ 一般" on the severity's colour; `short` gives "Ⅳ级" for tight places. */
export function SeverityTag({ severity, short }: { severity: number; short?: boolean }) {
  const it = useIncidentText();
  const roman = ROMAN[severity] ?? String(severity);
  const label = short ? it('severity.short', { roman }) : it(`severity.${severity as 1 | 2 | 3 | 4}`);
  return (
    <Tag
      color={SEVERITY_COLOURS[severity]}
      variant="solid"
      style={{ marginInlineEnd: 0, fontWeight: 600 }}
      data-testid="severity-tag"
    >
      {label}
    </Tag>
  );
}

export function StatusTag({ status }: { status: IncidentStatus }) {
  const it = useIncidentText();
  return (
    <Tag color={STATUS_COLOURS[status]} style={{ marginInlineEnd: 0 }} data-testid="status-tag" data-status={status}>
      {it(`status.${status}`)}
    </Tag>
  );
}

export function DrillTag() {
  const it = useIncidentText();
  return (
    <Tag color="purple" style={{ marginInlineEnd: 0, fontWeight: 600 }} data-testid="drill-tag">
      {it('incident.drillBanner')}
    </Tag>
  );
}
