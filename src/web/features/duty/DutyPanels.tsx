import { WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { applyProblem } from '../../components/form-errors.js';
import { useLocale } from '../../i18n/index.js';
import type { DutyNextStep as DutyNextStepView } from '../../../common/schemas/duty.js';
import { dutyApi, type GapView, type SwapView } from './api.js';
import { DutyNextStep } from './DutyNextStep.js';
import { dayLabel, localDateOf, timeOf } from './dates.js';
import { useDutyText } from './i18n.js';

/** Swaps waiting: those asked of the user (consent or decline) and those the user asked (withdraw). */
export function SwapRequests({
  swaps,
  meId,
  zone,
  onChanged,
}: {
  swaps: SwapView[];
  meId: string;
  zone: string;
  onChanged: () => void;
}) {
  const dt = useDutyText();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const mine = swaps.filter((s) => s.state === 'proposed' && (s.to.id === meId || s.from.id === meId));
  if (mine.length === 0) return null;
  const when = (iso: string | null) => (iso ? `${dayLabel(localDateOf(iso, zone), locale)} ${timeOf(iso, zone)}` : '');
  const answer = async (id: string, action: 'accept' | 'decline' | 'cancel') => {
    setBusy(`${id}:${action}`);
    try {
      await dutyApi.answerSwap(id, action);
      message.success(dt(`swap.done.${action}`));
      onChanged();
    } catch (error) {
      message.error(applyProblem(null, error));
      onChanged();
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card size="small" title={dt('swap.requestsTitle')} className="duty-inbox" data-testid="swap-requests">
      {mine.map((s) => (
        <div key={s.id} className="duty-request" data-testid="swap-request" data-swap-id={s.id}>
          <div>
            {s.to.id === meId
              ? dt(s.otherShiftId ? 'swap.askedExchange' : 'swap.askedCover', {
                  name: s.from.name,
                  mine: when(s.shiftStartsAt),
                  theirs: when(s.otherShiftStartsAt),
                })
              : dt('swap.youAsked', { name: s.to.name, mine: when(s.shiftStartsAt) })}
            {s.note && <Typography.Text type="secondary"> · {s.note}</Typography.Text>}
          </div>
          <Flex gap={6} wrap>
            {s.to.id === meId ? (
              <>
                <Button
                  size="small"
                  type="primary"
                  loading={busy === `${s.id}:accept`}
                  onClick={() => void answer(s.id, 'accept')}
                  data-testid="swap-accept"
                >
                  {dt('swap.accept')}
                </Button>
                <Button size="small" loading={busy === `${s.id}:decline`} onClick={() => void answer(s.id, 'decline')}>
                  {dt('swap.decline')}
                </Button>
              </>
            ) : (
              <Button size="small" loading={busy === `${s.id}:cancel`} onClick={() => void answer(s.id, 'cancel')}>
                {dt('swap.cancel')}
              </Button>
            )}
          </Flex>
        </div>
      ))}
    </Card>
  );
}

/** Where the roster falls short of the plan in the coming weeks. */
export function GapList({
  gaps,
  zone,
  until,
  unitId,
  nextStep,
}: {
  gaps: GapView[];
  zone: string;
  until?: string;
  unitId?: string;
  nextStep?: DutyNextStepView;
}) {
  const dt = useDutyText();
  const { locale } = useLocale();
  if (gaps.length === 0) return null;
  const when = (iso: string) => `${dayLabel(localDateOf(iso, zone), locale)} ${timeOf(iso, zone)}`;
  const firstLeaderGap = gaps.find((g) => g.kind === 'no_duty_leader');
  return (
    <Alert
      type="error"
      showIcon
      icon={<WarningOutlined />}
      style={{ marginBottom: 12 }}
      data-testid="gap-list"
      title={dt('gap.count', { n: gaps.length })}
      description={
        <>
          <ul className="duty-gaps">
            {gaps.slice(0, 6).map((g, i) => (
              <li key={i}>
                {dt(
                  g.kind === 'no_duty_leader'
                    ? 'gap.noLeaderLine'
                    : g.endsAt === until
                      ? 'gap.uncoveredFrom'
                      : 'gap.uncoveredLine',
                  { from: when(g.startsAt), to: when(g.endsAt) },
                )}
              </li>
            ))}
            {gaps.length > 6 && <li>{dt('gap.more', { n: gaps.length - 6 })}</li>}
          </ul>
          {/* The warning's next step: 去排班 (and 指派值班领导 on the first shift without one) for a roster keeper,
              else whom to ask. */}
          {unitId && nextStep && (
            <div style={{ marginTop: 8 }}>
              <DutyNextStep
                unitId={unitId}
                nextStep={nextStep}
                leaderDate={firstLeaderGap ? localDateOf(firstLeaderGap.startsAt, zone) : undefined}
              />
            </div>
          )}
        </>
      }
    />
  );
}
