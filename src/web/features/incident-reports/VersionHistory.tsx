import { Card, Collapse, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../components/format.js';
import { useLocale } from '../../i18n/index.js';
import type { ReportView } from './api.js';
import { useReportText } from './i18n.js';
import { fieldLabel, fieldValue } from './labels.js';

/** Every version kept: who signed it off and when it went up, and what changed from the one before. */
export function VersionHistory({ report }: { report: ReportView }) {
  const rt = useReportText();
  const { locale } = useLocale();
  const time = (iso: string | null) => formatDateTime(iso, locale);
  const items = [...report.versions].reverse().map((v) => ({
    key: String(v.version),
    label: (
      <span data-testid="version" data-version={v.version}>
        <Typography.Text strong>{rt('report.version', { n: v.version })}</Typography.Text>{' '}
        <Typography.Text type="secondary">
          {v.changes.length ? rt('versions.changed', { n: v.changes.length }) : rt('versions.first')}
        </Typography.Text>
      </span>
    ),
    children: (
      <div>
        {v.signedOffBy && (
          <div>
            {rt('report.signedBy', {
              name: v.signedOffBy,
              acting: v.signedOffAs === 'acting_head' ? rt('report.acting') : '',
              time: time(v.signedOffAt),
            })}
          </div>
        )}
        {v.sentAt && <div>{rt('report.sentAt', { time: time(v.sentAt) })}</div>}
        {v.changes.length > 0 && (
          <dl className="steady-report-diff" data-testid="version-diff">
            {v.changes.map((c) => (
              <div key={c.field}>
                <dt>{fieldLabel(rt, c.field)}</dt>
                <dd>
                  <del aria-label={rt('versions.before')}>{fieldValue(rt, c.field, c.before)}</del>
                  <ins aria-label={rt('versions.after')}>{fieldValue(rt, c.field, c.after)}</ins>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    ),
  }));
  return (
    <Card size="small" title={rt('versions.title')} data-testid="versions">
      <Collapse
        size="small"
        items={items}
        defaultActiveKey={report.versions.length > 1 ? [String(report.versions.length)] : []}
      />
    </Card>
  );
}

/** The exchange with the unit above, in order: sent, returned with its reason and deadline, accepted, forwarded. */
export function ExchangeList({ report }: { report: ReportView }) {
  const rt = useReportText();
  const { locale } = useLocale();
  if (report.exchanges.length === 0) return null;
  return (
    <Card size="small" title={rt('exchange.title')} data-testid="exchanges">
      <Timeline
        items={report.exchanges.map((x) => ({
          color: x.kind === 'returned' ? 'orange' : x.kind === 'accepted' ? 'green' : 'blue',
          content: (
            <div data-testid="exchange" data-kind={x.kind}>
              <Typography.Text strong>{rt(`exchange.${x.kind}`)}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {formatDateTime(x.at, locale)} · {x.unitName}
                {x.personName ? ` · ${x.personName}` : ''}
              </Typography.Text>
              {x.reason && <div>{x.reason}</div>}
              {x.dueAt && (
                <Typography.Text type="secondary">
                  {rt('exchange.dueAt', { time: formatDateTime(x.dueAt, locale) })}
                </Typography.Text>
              )}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
