import { Card, Typography } from 'antd';
import type { DailyStatus, Trend } from './api.js';
import { useDailyReportText } from './i18n.js';
import { STATUS_LOOK } from './status.js';

const SHOWN: DailyStatus[] = ['on_time', 'late', 'missing', 'pending'];

/** Weeks down, one bar each: the share of on-time, late, missing and pending unit-days. */
export function TrendChart({ trend, weeks }: { trend: Trend; weeks: number }) {
  const rt = useDailyReportText();
  return (
    <Card
      size="small"
      title={rt('trend.title', { n: weeks })}
      extra={<span className="steady-dr-trend-rate">{rt('trend.rateHeading')}</span>}
      data-testid="trend"
    >
      <div className="steady-dr-trend">
        {trend.weeks.map((w) => {
          const due = w.on_time + w.late + w.missing + w.pending;
          const rate = due ? `${Math.round((100 * w.on_time) / due)}%` : '—';
          return (
            <div key={w.week} className="steady-dr-trend-row" title={`${w.from} – ${w.to}`}>
              <Typography.Text type="secondary">{rt('trend.week', { week: w.week.slice(-2) })}</Typography.Text>
              <div
                className="steady-dr-bar"
                role="img"
                aria-label={SHOWN.map((s) => `${rt(`status.${s}`)} ${w[s]}`).join(', ')}
              >
                {due === 0
                  ? null
                  : SHOWN.map((s) =>
                      w[s] ? (
                        <span
                          key={s}
                          style={{ width: `${(100 * w[s]) / due}%`, background: STATUS_LOOK[s].background }}
                        />
                      ) : null,
                    )}
              </div>
              <span className="steady-dr-trend-rate" title={due ? undefined : rt('trend.noData')}>
                {due ? rate : '—'}
              </span>
            </div>
          );
        })}
      </div>
    </Card>
  );
}
