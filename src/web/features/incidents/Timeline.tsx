import { Card, Timeline as AntTimeline, Typography } from 'antd';
import { formatDateTime } from '../../components/format.js';
import { useLocale, useT } from '../../i18n/index.js';
import type { Incident } from './api.js';
import { actorName, eventSentence, orderEvents } from './event-text.js';
import { reportEventSentence } from '../incident-reports/event-sentences.js';
import { useReportText } from '../incident-reports/i18n.js';
import { useIncidentText } from './i18n.js';
import { PostForm } from './PostForm.js';

const COLOURS: Record<string, string> = {
  reported: 'red',
  'step.acknowledged': 'green',
  'step.report_filed': 'green',
  'step.late': 'red',
  'report.late': 'red',
  'report.missing': 'red',
  'report.returned': 'orange',
  'report.sent': 'green',
  'step.escalated': 'orange',
  'flag.concealed': 'red',
  'flag.explained': 'gray',
  closed: 'gray',
  status: 'blue',
};

/** Who did and said what, in order, with the comment and update form under it. */
export function Timeline({ incident, onChanged }: { incident: Incident; onChanged: () => void }) {
  const t = useT();
  const it = useIncidentText();
  const rt = useReportText();
  const { locale } = useLocale();
  const items = orderEvents(incident.events).map((event) => ({
    key: event.id,
    color: COLOURS[event.kind] ?? 'blue',
    content: (
      <div data-testid="event" data-kind={event.kind}>
        <div>
          {reportEventSentence(rt, locale, event, event.actorName ?? actorName(it, event.actor)) ??
            eventSentence(it, t, event)}
        </div>
        {event.text && event.kind !== 'reported' && <div className="steady-timeline-text">{event.text}</div>}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(event.at, locale)}
        </Typography.Text>
      </div>
    ),
  }));
  return (
    <Card size="small" title={it('timeline.title')} data-testid="timeline">
      <AntTimeline items={items} />
      {incident.status !== 'closed' && <PostForm incidentId={incident.id} onPosted={onChanged} />}
    </Card>
  );
}
