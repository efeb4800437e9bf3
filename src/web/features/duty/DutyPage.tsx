import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Grid, Segmented, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { unitsApi } from '../../api/endpoints.js';
import { applyProblem } from '../../components/form-errors.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { useResource } from '../../components/useResource.js';
import { useLocale } from '../../i18n/index.js';
import { useMe } from '../auth/session.js';
import { useLive } from '../notifications/live.js';
import { dutyApi, type ShiftView } from './api.js';
import { CalendarGrid } from './CalendarGrid.js';
import { useUnitToday } from '../../components/useUnitToday.js';
import { addDays, addMonths, dayLabel, datesTouched, monthGrid, monthLabel, weekDates } from './dates.js';
import { DutyTabs } from './DutyTabs.js';
import { GapList, SwapRequests } from './DutyPanels.js';
import { useDutyText } from './i18n.js';
import { ShiftCard, type ShiftAction } from './ShiftCard.js';
import { HandoverModal, OverrideModal, SwapModal } from './ShiftModals.js';
import { useDutyUnit, useKeepsRosters } from './useDutyUnit.js';
import './duty.css';

type View = 'month' | 'week' | 'day';
type Dialog =
  | { kind: 'swap'; source: ShiftView; target: ShiftView | null }
  | { kind: 'handover' | 'override'; shift: ShiftView }
  | null;

/**
 * The duty calendar: month, week and today, in the unit's own time zone. Gaps against the plan are
 * marked; swaps are proposed by dragging one's shift onto another (or, on a phone, by tapping Swap
 * and then the other shift); handovers are written and acknowledged on the shifts themselves.
 */
export default function DutyPage() {
  const dt = useDutyText();
  const { locale } = useLocale();
  const me = useMe();
  const { message } = App.useApp();
  const phone = !Grid.useBreakpoint().md;
  const keeper = useKeepsRosters();
  const [unitId, setUnit] = useDutyUnit();
  const [params, setParams] = useSearchParams();
  const unit = useResource(() => (unitId ? unitsApi.get(unitId) : Promise.resolve(undefined)), [unitId]);
  const zone = unit.data?.timeZone ?? 'Asia/Shanghai';
  // Today is the unit's, as the server reads it; the calendar waits for it rather than guess.
  const serverToday = useUnitToday(unitId);
  const today = serverToday.data && serverToday.data.unitId === unitId ? serverToday.data.today : undefined;
  const view = (params.get('view') as View | null) ?? (phone ? 'day' : 'week');
  const date = params.get('date') ?? today;
  const days = !date ? [] : view === 'month' ? monthGrid(date) : view === 'week' ? weekDates(date) : [date];
  const [from, to] = !date
    ? ['', '']
    : view === 'day'
      ? [addDays(date, -1), addDays(date, 1)]
      : [days[0]!, addDays(days.at(-1)!, 1)];
  const ready = Boolean(unitId && unit.data && date);
  const roster = useResource(
    () => (ready ? dutyApi.roster(unitId!, from, to) : Promise.resolve(undefined)),
    [ready, unitId, from, to],
  );
  const gaps = useResource(() => (ready ? dutyApi.gaps(unitId!, 31) : Promise.resolve(undefined)), [ready, unitId]);
  const swaps = useResource(() => (ready ? dutyApi.swaps(unitId!) : Promise.resolve([])), [ready, unitId]);
  const people = useResource(() => (ready ? dutyApi.people(unitId!) : Promise.resolve([])), [ready, unitId]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [swapSource, setSwapSource] = useState<ShiftView | null>(null);
  const reload = () => {
    roster.reload();
    gaps.reload();
    swaps.reload();
  };
  useLive(() => reload());

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  const step = (sign: 1 | -1) =>
    date && set({ date: view === 'month' ? addMonths(date, sign) : addDays(date, sign * (view === 'week' ? 7 : 1)) });

  const shifts = useMemo(() => roster.data?.shifts ?? [], [roster.data]);
  const byId = new Map(shifts.map((s) => [s.id, s]));
  const nextOf = (s: ShiftView) => shifts.find((n) => n.startsAt >= s.endsAt);
  const gapList = gaps.data?.gaps ?? [];
  const noLeader = new Set(gapList.filter((g) => g.kind === 'no_duty_leader').map((g) => g.shiftId));
  const gapDates = new Set(gapList.flatMap((g) => datesTouched(g.startsAt, g.endsAt, zone)));
  const now = Date.now();

  const act = async (action: ShiftAction, shift: ShiftView) => {
    if (action === 'swap') {
      setSwapSource(shift);
      message.info(dt('swap.pickHint'));
    } else if (action === 'pick' && swapSource) {
      setDialog({ kind: 'swap', source: swapSource, target: shift });
      setSwapSource(null);
    } else if (action === 'handover' || action === 'override') setDialog({ kind: action, shift });
    else if (action === 'acknowledge' && shift.handover) {
      try {
        await dutyApi.acknowledge(shift.handover.id);
        message.success(dt('handover.acknowledged'));
        reload();
      } catch (error) {
        message.error(applyProblem(null, error));
      }
    }
  };
  const dropSwap = (sourceId: string, target: ShiftView) => {
    const source = byId.get(sourceId);
    if (source) setDialog({ kind: 'swap', source, target });
  };
  const card = (s: ShiftView) => (
    <ShiftCard
      key={s.id}
      shift={s}
      zone={zone}
      meId={me.personId}
      now={now}
      next={nextOf(s)}
      missingLeader={noLeader.has(s.id)}
      keeper={keeper}
      swapSource={swapSource}
      onAction={(a, sh) => void act(a, sh)}
      onDropSwap={dropSwap}
    />
  );
  const dayShifts = (d: string) => shifts.filter((s) => s.localDate === d);
  // Today's view also shows the shift still running from the day before (until 08:00).
  const todayShifts = shifts.filter((s) => date && datesTouched(s.startsAt, s.endsAt, zone).includes(date));
  const awaiting = shifts.filter(
    (s) =>
      s.handover &&
      !s.handover.acknowledgedAt &&
      nextOf(s) &&
      [nextOf(s)!.dutyLeader, ...nextOf(s)!.staff].some((p) => p?.id === me.personId),
  );
  const heads = roster.data?.actingHeads ?? [];
  const title = !date
    ? ''
    : view === 'month'
      ? monthLabel(date, locale)
      : view === 'week'
        ? `${dayLabel(days[0]!, locale, false)} – ${dayLabel(days[6]!, locale, false)}`
        : dayLabel(date, locale);

  return (
    <div data-testid="duty-page">
      <PageTitle title={dt('calendar.title')} />
      <DutyTabs />
      <Card size="small" className="duty-toolbar">
        <Flex gap={8} wrap align="center">
          <UnitPicker value={unitId} onChange={(id) => setUnit(id)} style={{ width: phone ? '100%' : 260 }} />
          <Segmented
            value={view}
            onChange={(v) => set({ view: String(v) })}
            options={[
              { value: 'month', label: dt('view.month') },
              { value: 'week', label: dt('view.week') },
              { value: 'day', label: dt('view.day') },
            ]}
            data-testid="calendar-view"
          />
          <Flex gap={4} align="center" style={{ marginInlineStart: phone ? 0 : 'auto' }}>
            <Button icon={<LeftOutlined />} aria-label={dt('calendar.previous')} onClick={() => step(-1)} />
            <Button onClick={() => set({ date: undefined })}>{dt('calendar.today')}</Button>
            <Button icon={<RightOutlined />} aria-label={dt('calendar.next')} onClick={() => step(1)} />
          </Flex>
        </Flex>
        <Typography.Title level={5} style={{ margin: '10px 0 0' }} data-testid="calendar-title">
          {title}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {zone}
          </Typography.Text>
        </Typography.Title>
      </Card>
      {unit.error || roster.error || serverToday.error ? (
        <LoadError
          error={unit.error ?? roster.error ?? serverToday.error}
          onRetry={() => (reload(), serverToday.reload())}
        />
      ) : null}
      {swapSource && (
        <Alert
          type="info"
          showIcon
          title={dt('swap.pickBanner')}
          action={
            <Button size="small" onClick={() => setSwapSource(null)}>
              {dt('common.cancel')}
            </Button>
          }
          style={{ marginBottom: 12 }}
          description={
            <Button
              size="small"
              type="link"
              style={{ padding: 0 }}
              onClick={() => (setDialog({ kind: 'swap', source: swapSource, target: null }), setSwapSource(null))}
              data-testid="swap-cover"
            >
              {dt('swap.askCover')}
            </Button>
          }
        />
      )}
      <SwapRequests swaps={swaps.data ?? []} meId={me.personId} zone={zone} onChanged={reload} />
      {heads.map((h) => (
        <Alert
          key={h.leaveId}
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={dt('leave.actingBanner', {
            head: h.head.name,
            deputy: h.deputy.name,
            from: h.startDate,
            to: h.endDate,
          })}
        />
      ))}
      {awaiting.length > 0 && (
        <Card size="small" title={dt('handover.inboxTitle')} className="duty-inbox" data-testid="handover-inbox">
          {awaiting.map(card)}
        </Card>
      )}
      <GapList gaps={gapList} zone={zone} until={gaps.data?.to} unitId={unitId} nextStep={gaps.data?.nextStep} />
      <Spin spinning={!date || roster.loading}>
        {view === 'day' && (
          <div className="duty-day" data-testid="duty-day">
            {todayShifts.length ? todayShifts.map(card) : <Empty description={dt('calendar.noShifts')} />}
          </div>
        )}
        {view === 'week' && (
          <div className="duty-week">
            {days.map((d) => (
              <div
                key={d}
                className={['duty-week-day', d === today ? 'today' : '', gapDates.has(d) ? 'gap' : ''].join(' ')}
                data-date={d}
              >
                <div className="duty-week-date">{dayLabel(d, locale)}</div>
                {dayShifts(d).length ? (
                  dayShifts(d).map(card)
                ) : (
                  <Typography.Text type="secondary">{dt('calendar.noShifts')}</Typography.Text>
                )}
              </div>
            ))}
          </div>
        )}
        {view === 'month' && date && (
          <CalendarGrid
            days={days}
            month={date.slice(0, 7)}
            today={today ?? ''}
            selected={date}
            shifts={shifts}
            gapDates={gapDates}
            phone={phone}
            onSelect={(d) => set({ date: d })}
            renderDay={(d) => dayShifts(d).map(card)}
          />
        )}
      </Spin>
      {dialog?.kind === 'swap' && (
        <SwapModal
          source={dialog.source}
          target={dialog.target}
          people={people.data ?? []}
          zone={zone}
          meId={me.personId}
          onClose={() => setDialog(null)}
          onDone={() => (setDialog(null), reload())}
        />
      )}
      {dialog?.kind === 'handover' && (
        <HandoverModal
          shift={dialog.shift}
          zone={zone}
          onClose={() => setDialog(null)}
          onDone={() => (setDialog(null), reload())}
        />
      )}
      {dialog?.kind === 'override' && (
        <OverrideModal
          shift={dialog.shift}
          people={people.data ?? []}
          zone={zone}
          onClose={() => setDialog(null)}
          onDone={() => (setDialog(null), reload())}
        />
      )}
    </div>
  );
}
