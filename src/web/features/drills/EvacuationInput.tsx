import { Flex, InputNumber, Typography } from 'antd';
import { EVACUATION_TARGET_SECONDS, minSec } from './format.js';
import { useDrillText } from './i18n.js';

/** The evacuation time against the two-minute target: a bar with the target marked. */
export function EvacuationMeter({ seconds }: { seconds: number }) {
  const dt = useDrillText();
  const scale = EVACUATION_TARGET_SECONDS * 2;
  const onTarget = seconds <= EVACUATION_TARGET_SECONDS;
  return (
    <div data-testid="evacuation-meter" data-on-target={onTarget}>
      <div className="steady-meter">
        <div
          className="steady-meter-fill"
          style={{ width: `${Math.min(seconds / scale, 1) * 100}%`, background: onTarget ? '#389e0d' : '#cf1322' }}
        />
        <div className="steady-meter-target" style={{ left: '50%' }} />
      </div>
      <Typography.Text style={{ fontSize: 12, color: onTarget ? '#237804' : '#a8071a' }}>
        {minSec(seconds)} ·{' '}
        {onTarget
          ? dt('evacuation.onTarget')
          : dt('evacuation.over', { over: minSec(seconds - EVACUATION_TARGET_SECONDS) })}{' '}
        · {dt('evacuation.target', { target: minSec(EVACUATION_TARGET_SECONDS) })}
      </Typography.Text>
    </div>
  );
}

interface Props {
  id?: string;
  value?: number | null;
  onChange?: (seconds: number | null) => void;
}

/** Minutes and seconds, as people time an evacuation with a stopwatch; the form holds seconds. */
export function EvacuationInput({ id, value, onChange }: Props) {
  const dt = useDrillText();
  const minutes = value == null ? null : Math.floor(value / 60);
  const seconds = value == null ? null : value % 60;
  const set = (m: number | null, s: number | null) =>
    onChange?.(m === null && s === null ? null : (m ?? 0) * 60 + (s ?? 0));
  return (
    <div>
      <Flex gap={6} align="center">
        <InputNumber
          id={id}
          min={0}
          max={600}
          value={minutes}
          onChange={(m) => set(m, seconds)}
          inputMode="numeric"
          style={{ width: 80 }}
          data-testid="evac-min"
        />
        <span>{dt('evacuation.min')}</span>
        <InputNumber
          min={0}
          max={59}
          value={seconds}
          onChange={(s) => set(minutes, s)}
          inputMode="numeric"
          style={{ width: 80 }}
          data-testid="evac-sec"
        />
        <span>{dt('evacuation.sec')}</span>
      </Flex>
      {value != null && value > 0 && (
        <div style={{ marginTop: 6 }}>
          <EvacuationMeter seconds={value} />
        </div>
      )}
    </div>
  );
}
