import { Card, Empty, Flex, Grid, Spin, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { useResource } from '../../components/useResource.js';
import { useLive } from '../notifications/live.js';
import { dutyApi, leaveApi } from './api.js';
import { localDateOf, timeOf } from './dates.js';
import { DutyNextStep } from './DutyNextStep.js';
import { DutyTabs } from './DutyTabs.js';
import { useDutyText } from './i18n.js';
import { PersonLine } from './PersonLine.js';
import { KIND_KEYS } from './ShiftCard.js';
import './duty.css';

/** Who is on duty now in every unit of the user's subtree (or below one unit), with tap-to-call phones. */
export default function OnDutyNowPage() {
  const dt = useDutyText();
  const phone = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unit') ?? undefined;
  const now = useResource(() => dutyApi.now(unitId), [unitId]);
  const away = useResource(() => leaveApi.awayNow(unitId), [unitId]);
  useLive(() => (now.reload(), away.reload()));
  const units = now.data?.units ?? [];
  const uncovered = units.filter((u) => u.shifts.length === 0).length;

  return (
    <div data-testid="duty-now-page">
      <PageTitle title={dt('now.title')} />
      <DutyTabs />
      <Card size="small" className="duty-toolbar">
        <Flex gap={8} wrap align="center">
          <UnitPicker
            value={unitId}
            allowClear
            placeholder={dt('now.allUnits')}
            onChange={(id) => setParams(id ? { unit: id } : {}, { replace: true })}
            style={{ width: phone ? '100%' : 280 }}
          />
          {now.data && (
            <Typography.Text type="secondary">{dt('now.summary', { units: units.length, uncovered })}</Typography.Text>
          )}
        </Flex>
      </Card>
      {now.error ? <LoadError error={now.error} onRetry={now.reload} /> : null}
      {(away.data ?? []).length > 0 && (
        <Card size="small" title={dt('away.title')} className="duty-inbox" data-testid="away-now">
          {away.data!.map((l) => (
            <div key={l.id} className="duty-request">
              <span>
                <strong>{l.unitName}</strong> ·{' '}
                {dt('away.line', { head: l.head.name, from: l.startDate, to: l.endDate })}
              </span>
              <PersonLine person={l.deputy} tag={dt('shift.acting')} />
            </div>
          ))}
        </Card>
      )}
      <Spin spinning={now.loading}>
        {units.length === 0 && !now.loading ? <Empty /> : null}
        <div className="duty-now-list">
          {units.map((u) => (
            <Card
              key={u.unitId}
              size="small"
              className={u.shifts.length ? 'duty-now-unit' : 'duty-now-unit uncovered'}
              data-testid="on-duty-unit"
              data-unit-id={u.unitId}
              title={
                <span style={{ paddingInlineStart: phone ? 0 : Math.max(0, u.depth - (units[0]?.depth ?? 0)) * 12 }}>
                  {u.unitName}
                </span>
              }
              extra={u.shifts.length ? null : <Tag color="red">{dt('now.nobody')}</Tag>}
            >
              {u.shifts.map((s) => (
                <div key={s.id} className="duty-now-shift">
                  <Typography.Text type="secondary">
                    {dt(KIND_KEYS[s.kind])} {timeOf(s.startsAt, u.timeZone)} – {timeOf(s.endsAt, u.timeZone)}
                  </Typography.Text>
                  {s.dutyLeader ? (
                    <PersonLine person={s.dutyLeader} tag={dt('shift.leader')} />
                  ) : (
                    <>
                      <Typography.Text type="danger">{dt('shift.noLeader')}</Typography.Text>
                      <DutyNextStep
                        unitId={u.unitId}
                        nextStep={u.nextStep}
                        leaderDate={localDateOf(s.startsAt, u.timeZone)}
                      />
                    </>
                  )}
                  {s.actingLeader && <PersonLine person={s.actingLeader} tag={dt('shift.acting')} />}
                  {s.staff.map((p) => (
                    <PersonLine key={p.id} person={p} tag={dt('shift.staff')} />
                  ))}
                </div>
              ))}
              {u.shifts.length === 0 && <DutyNextStep unitId={u.unitId} nextStep={u.nextStep} />}
              {u.actingHead && (
                <div className="duty-shift-note">
                  {dt('away.line', {
                    head: u.actingHead.head.name,
                    from: u.actingHead.startDate,
                    to: u.actingHead.endDate,
                  })}
                </div>
              )}
            </Card>
          ))}
        </div>
        {now.data?.truncated && <Typography.Text type="secondary">{dt('now.truncated')}</Typography.Text>}
      </Spin>
    </div>
  );
}
