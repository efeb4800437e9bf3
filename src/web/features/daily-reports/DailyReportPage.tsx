import { TableOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Select, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { Role } from '../../../common/org.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useMe } from '../auth/session.js';
import { useResource } from '../../components/useResource.js';
import { useLive } from '../notifications/live.js';
import { dailyReportsApi } from './api.js';
import { useDailyReportText } from './i18n.js';
import { TodayCard } from './TodayCard.js';
import './daily-reports.css';

/** Who sends a unit's report (the server checks the same). */
const REPORTER_ROLES: Role[] = ['accountable_head', 'safety_officer', 'duty_leader', 'duty_staff'];
const WATCHER_ROLES: Role[] = ['admin', 'accountable_head', 'safety_officer', 'supervisor'];

/**
 * The phone-sized daily-report screen: today for the unit the user reports for, with the one big
 * zero-report button, or items. A link leads supervisors to the matrix of the units below them.
 */
export default function DailyReportPage() {
  const rt = useDailyReportText();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const units = useMemo(() => me.scopes.filter((s) => s.roles.some((r) => REPORTER_ROLES.includes(r))), [me]);
  const asked = params.get('unit');
  const unitId = units.find((u) => u.unitId === asked)?.unitId ?? units[0]?.unitId;
  const watches = me.scopes.some((s) => s.roles.some((r) => WATCHER_ROLES.includes(r)));
  const today = useResource(() => (unitId ? dailyReportsApi.today(unitId) : Promise.resolve(null)), [unitId]);
  useLive((event) => {
    if (event.kind === 'daily-report' || event.kind === 'reconnected' || event.kind === 'poll') today.reload();
  });

  return (
    <div className="steady-dr" data-testid="daily-report-page">
      <PageTitle
        title={rt('page.title')}
        extra={
          watches && (
            <Link to="/daily-reports/matrix">
              <Button icon={<TableOutlined />} data-testid="open-matrix">
                {rt('page.matrix')}
              </Button>
            </Link>
          )
        }
      />
      {units.length > 1 && (
        <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{rt('page.unit')}</Typography.Text>
          <Select
            value={unitId}
            onChange={(id: string) => setParams({ unit: id }, { replace: true })}
            options={units.map((u) => ({ value: u.unitId, label: u.unitName }))}
            style={{ flex: 1, maxWidth: 360 }}
            data-testid="report-unit"
          />
        </Flex>
      )}
      {!unitId ? (
        <Empty
          description={
            <>
              <div>{rt('page.noUnit')}</div>
              <Typography.Text type="secondary">{rt('page.noUnitHint')}</Typography.Text>
            </>
          }
        />
      ) : today.error ? (
        <LoadError error={today.error} onRetry={today.reload} />
      ) : !today.data ? (
        <Skeleton active />
      ) : (
        <TodayCard key={today.data.unitId} today={today.data} onSent={today.reload} />
      )}
    </div>
  );
}
