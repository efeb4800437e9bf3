import { Card, Descriptions, Flex, Typography } from 'antd';
import { formatDateTime } from '../../components/format.js';
import { incidentTypeLabel } from '../../components/labels.js';
import { useLocale, useT } from '../../i18n/index.js';
import type { Incident } from './api.js';
import { useIncidentText } from './i18n.js';
import { DrillTag, SeverityTag, StatusTag, TYPE_ICONS } from './labels.js';

/** The drill banner: nobody reading this page may mistake an exercise for the real thing. */
export function DrillBanner() {
  const it = useIncidentText();
  return (
    <div className="steady-drill-banner" role="status" data-testid="drill-banner">
      <strong>{it('incident.drillBanner')}</strong>
      <span>{it('incident.drillText')}</span>
    </div>
  );
}

/** Type, severity, unit and status first; then when, where, who and what. */
export function IncidentHeader({ incident }: { incident: Incident }) {
  const t = useT();
  const it = useIncidentText();
  const { locale } = useLocale();
  const time = (iso: string | null) => formatDateTime(iso, locale);
  return (
    <Card size="small" data-testid="incident-header">
      <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0, fontSize: 22 }}>
          <span style={{ color: '#c41d1d', marginInlineEnd: 6 }}>{TYPE_ICONS[incident.type]}</span>
          {incidentTypeLabel(t, incident.type)}
        </Typography.Title>
        <SeverityTag severity={incident.severity} />
        <StatusTag status={incident.status} />
        {incident.drill && <DrillTag />}
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 2 }}
        items={[
          { key: 'unit', label: it('incident.unit'), children: incident.unitName },
          { key: 'place', label: it('incident.place'), children: incident.place },
          { key: 'reported', label: it('incident.reportedAt'), children: time(incident.reportedAt) },
          { key: 'occurred', label: it('incident.occurredAt'), children: time(incident.occurredAt) },
          { key: 'reporter', label: it('incident.reporter'), children: incident.reporter ?? t('common.none') },
          ...(incident.closedAt
            ? [{ key: 'closed', label: it('incident.closedAt'), children: time(incident.closedAt) }]
            : []),
        ]}
      />
      <Typography.Paragraph
        style={{ margin: '8px 0 0', whiteSpace: 'pre-wrap', fontSize: 15 }}
        data-testid="incident-description"
      >
        {incident.description}
      </Typography.Paragraph>
    </Card>
  );
}
