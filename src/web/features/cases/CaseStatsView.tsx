import { Card, Empty, Flex, Skeleton, Statistic, Typography } from 'antd';
import { OUTCOME_COLOURS, type CaseStats } from './api.js';
import { useCaseText, type CasesKey } from './i18n.js';

const PARTS = [
  { key: 'open', label: 'stats.open', colour: OUTCOME_COLOURS.open },
  { key: 'agreement', label: 'stats.agreement', colour: OUTCOME_COLOURS.agreement },
  { key: 'noAgreement', label: 'stats.noAgreement', colour: OUTCOME_COLOURS.noAgreement },
] as const satisfies readonly { key: keyof CaseStats['byCategory'][number]; label: CasesKey; colour: string }[];

function Legend() {
  const ct = useCaseText();
  return (
    <Flex wrap gap="4px 14px" style={{ marginBottom: 10 }}>
      {PARTS.map((p) => (
        <span key={p.key} className="steady-legend">
          <i style={{ background: p.colour }} />
          {ct(p.label)}
        </span>
      ))}
    </Flex>
  );
}

/**
 * Cases by category and outcome as bars (each category one bar, split by where its cases stand),
 * the share of agreements among resolved cases, and the median time to resolve.
 */
export function CaseStatsView({ stats, loading }: { stats: CaseStats | undefined; loading: boolean }) {
  const ct = useCaseText();
  if (loading && !stats) return <Skeleton active />;
  if (!stats) return null;
  const rows = stats.byCategory
    .map((row) => ({ ...row, total: row.open + row.agreement + row.noAgreement }))
    .filter((row) => row.total > 0);
  if (rows.length === 0) return <Empty description={ct('stats.empty')} />;
  const widest = Math.max(...rows.map((r) => r.total));
  const agreements = rows.reduce((n, r) => n + r.agreement, 0);
  const noAgreements = rows.reduce((n, r) => n + r.noAgreement, 0);
  const resolved = agreements + noAgreements;

  return (
    <Flex vertical gap={12} data-testid="case-stats">
      <Flex gap={12}>
        <Card size="small" style={{ flex: 1 }}>
          <Statistic title={ct('stats.resolved')} value={stats.resolved} />
        </Card>
        <Card size="small" style={{ flex: 1 }}>
          <Statistic
            title={ct('stats.median')}
            value={
              stats.medianDaysToResolve === null ? ct('stats.none') : ct('stats.days', { n: stats.medianDaysToResolve })
            }
            data-testid="median-days"
          />
        </Card>
      </Flex>
      <Card size="small" title={ct('stats.title')}>
        <Legend />
        <Flex vertical gap={10}>
          {rows.map((row) => (
            <div key={row.category} className="steady-bar-row" data-testid="stats-row" data-category={row.category}>
              <Flex justify="space-between" style={{ fontSize: 13 }}>
                <span>{ct(`category.${row.category}`)}</span>
                <Typography.Text type="secondary">
                  {row.total === 1 ? ct('stats.caseOne') : ct('stats.cases', { n: row.total })}
                </Typography.Text>
              </Flex>
              <div
                className="steady-hbar"
                style={{ width: `${Math.max((row.total / widest) * 100, 4)}%` }}
                role="img"
                aria-label={PARTS.map((p) => `${ct(p.label)} ${row[p.key]}`).join(', ')}
              >
                {PARTS.filter((p) => row[p.key] > 0).map((p) => (
                  <div
                    key={p.key}
                    style={{ flex: row[p.key], background: p.colour }}
                    title={`${ct(p.label)} ${row[p.key]}`}
                  >
                    {row[p.key]}
                  </div>
                ))}
              </div>
            </div>
          ))}
        </Flex>
      </Card>
      {resolved > 0 && (
        <Card size="small" title={ct('stats.outcomes')}>
          <div className="steady-hbar" style={{ width: '100%' }}>
            {agreements > 0 && (
              <div style={{ flex: agreements, background: OUTCOME_COLOURS.agreement }}>
                {Math.round((agreements / resolved) * 100)}%
              </div>
            )}
            {noAgreements > 0 && (
              <div style={{ flex: noAgreements, background: OUTCOME_COLOURS.noAgreement }}>
                {Math.round((noAgreements / resolved) * 100)}%
              </div>
            )}
          </div>
          <Flex wrap gap="4px 14px" style={{ marginTop: 6 }}>
            <span className="steady-legend">
              <i style={{ background: OUTCOME_COLOURS.agreement }} />
              {ct('stats.agreement')} <strong>{agreements}</strong>
            </span>
            <span className="steady-legend">
              <i style={{ background: OUTCOME_COLOURS.noAgreement }} />
              {ct('stats.noAgreement')} <strong>{noAgreements}</strong>
            </span>
          </Flex>
        </Card>
      )}
    </Flex>
  );
}
