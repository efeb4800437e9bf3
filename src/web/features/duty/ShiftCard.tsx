import { SwapOutlined } from '@ant-design/icons';
import { Button, Flex, Tag, Typography } from 'antd';
import { useState, type DragEvent } from 'react';
import type { ShiftView } from './api.js';
import { localDateOf, timeOf } from './dates.js';
import { useDutyText, type DutyKey } from './i18n.js';
import { PersonLine } from './PersonLine.js';

export type ShiftAction = 'swap' | 'handover' | 'acknowledge' | 'override' | 'pick';

interface Props {
  shift: ShiftView;
  zone: string;
  meId: string;
  now: number;
  /** The shift after this one: its people acknowledge this one's handover. */
  next?: ShiftView;
  missingLeader: boolean;
  keeper: boolean;
  /** In tap-to-swap mode: the user's shift waiting for a partner. */
  swapSource: ShiftView | null;
  onAction: (action: ShiftAction, shift: ShiftView) => void;
  onDropSwap: (sourceId: string, target: ShiftView) => void;
}

const DRAG_TYPE = 'application/x-steady-shift';
export const KIND_KEYS: Record<ShiftView['kind'], DutyKey> = {
  '24h': 'kind.24h',
  day: 'kind.day',
  night: 'kind.night',
  custom: 'kind.custom',
};
const onShift = (shift: ShiftView, personId: string) =>
  shift.dutyLeader?.id === personId || shift.staff.some((p) => p.id === personId);

/**
 * One shift: its times in the unit's zone, the duty leader and staff with tap-to-call phones, the
 * handover, and what the user may do. The user's own future shifts can be dragged onto another
 * shift to propose a swap; on a phone the Swap button and a tap do the same.
 */
export function ShiftCard({
  shift,
  zone,
  meId,
  now,
  next,
  missingLeader,
  keeper,
  swapSource,
  onAction,
  onDropSwap,
}: Props) {
  const dt = useDutyText();
  const [over, setOver] = useState(false);
  const mine = onShift(shift, meId);
  const started = Date.parse(shift.startsAt) <= now;
  const ended = Date.parse(shift.endsAt) <= now;
  const nextDay = localDateOf(shift.endsAt, zone) !== shift.localDate;
  const handover = shift.handover;
  const mayAcknowledge = handover && !handover.acknowledgedAt && next && onShift(next, meId);
  const pickable = swapSource && swapSource.id !== shift.id && !ended && !onShift(shift, meId);

  const drag = {
    draggable: mine && !ended,
    onDragStart: (e: DragEvent) => {
      e.dataTransfer.setData(DRAG_TYPE, shift.id);
      e.dataTransfer.effectAllowed = 'move';
    },
    onDragOver: (e: DragEvent) => {
      if (!ended && !mine && e.dataTransfer.types.includes(DRAG_TYPE)) {
        e.preventDefault();
        setOver(true);
      }
    },
    onDragLeave: () => setOver(false),
    onDrop: (e: DragEvent) => {
      setOver(false);
      const source = e.dataTransfer.getData(DRAG_TYPE);
      if (source && source !== shift.id) onDropSwap(source, shift);
    },
  };

  return (
    <div
      className={[
        'duty-shift',
        mine ? 'mine' : '',
        over ? 'drop' : '',
        missingLeader ? 'gap' : '',
        started && !ended ? 'current' : '',
        pickable ? 'pickable' : '',
      ].join(' ')}
      data-testid="shift-card"
      data-shift-id={shift.id}
      data-mine={mine ? 'true' : undefined}
      onClick={pickable ? () => onAction('pick', shift) : undefined}
      {...drag}
    >
      <Flex justify="space-between" align="center" wrap gap={4}>
        <Typography.Text strong>
          {dt(KIND_KEYS[shift.kind])} {timeOf(shift.startsAt, zone)} – {nextDay ? dt('shift.nextDay') : ''}
          {timeOf(shift.endsAt, zone)}
        </Typography.Text>
        <span>
          {started && !ended && <Tag color="green">{dt('shift.onNow')}</Tag>}
          {missingLeader && <Tag color="red">{dt('gap.noLeader')}</Tag>}
          {mine && <Tag color="blue">{dt('shift.mine')}</Tag>}
        </span>
      </Flex>
      <div className="duty-shift-people">
        {shift.dutyLeader ? (
          <PersonLine person={shift.dutyLeader} tag={dt('shift.leader')} />
        ) : (
          <Typography.Text type="danger">{dt('shift.noLeader')}</Typography.Text>
        )}
        {shift.actingLeader && <PersonLine person={shift.actingLeader} tag={dt('shift.acting')} />}
        {shift.staff.map((p) => (
          <PersonLine key={p.id} person={p} tag={dt('shift.staff')} />
        ))}
      </div>
      {shift.swaps.map((s) => (
        <div key={s.id} className="duty-shift-note">
          <SwapOutlined /> {dt('swap.pendingLine', { from: s.from.name, to: s.to.name })}
        </div>
      ))}
      {handover && (
        <div className="duty-shift-note" data-testid="handover-state">
          {handover.acknowledgedBy
            ? dt('handover.acknowledgedBy', { name: handover.acknowledgedBy.name })
            : dt('handover.waiting', { name: handover.writtenBy.name })}
          <div className="duty-handover-text">
            {handover.happened}
            {handover.pending ? ` · ${dt('handover.pendingPrefix')}${handover.pending}` : ''}
          </div>
        </div>
      )}
      <Flex gap={6} wrap className="duty-shift-actions">
        {pickable && (
          <Button
            size="small"
            type="primary"
            onClick={(e) => (e.stopPropagation(), onAction('pick', shift))}
            data-testid="swap-pick"
          >
            {dt('swap.pickThis')}
          </Button>
        )}
        {mine && !ended && !swapSource && (
          <Button size="small" icon={<SwapOutlined />} onClick={() => onAction('swap', shift)} data-testid="swap-start">
            {dt('swap.start')}
          </Button>
        )}
        {mine && started && !handover && (
          <Button size="small" onClick={() => onAction('handover', shift)} data-testid="handover-write">
            {dt('handover.write')}
          </Button>
        )}
        {mayAcknowledge && (
          <Button
            size="small"
            type="primary"
            onClick={() => onAction('acknowledge', shift)}
            data-testid="handover-acknowledge"
          >
            {dt('handover.acknowledge')}
          </Button>
        )}
        {keeper && !ended && (
          <Button size="small" onClick={() => onAction('override', shift)} data-testid="shift-override">
            {dt('override.open')}
          </Button>
        )}
      </Flex>
    </div>
  );
}
