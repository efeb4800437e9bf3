import { Flex, Progress, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNow } from '../../components/useResource.js';
import type { RollCall } from './api.js';
import { useRollCallText } from './i18n.js';

/** Seconds as `m:ss` (or `h:mm:ss`). */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/**
 * The device's clock off the server's (ms): from a fresh answer's `now`, at the moment it arrived; 0 for
 * an answer saved on the device earlier (its `now` is old).
 */
export function useServerSkew(rollCall: RollCall | undefined, fresh: boolean): number {
  const [skew, setSkew] = useState(0);
  useEffect(() => {
    if (rollCall && fresh) setSkew(Date.parse(rollCall.now) - Date.now());
  }, [rollCall, fresh]);
  return skew;
}

/** How long the roll call has run (or took): to the last class's report, to its close, or to now. */
export function elapsedSeconds(rollCall: RollCall, now: number): number {
  if (rollCall.evacuationSeconds !== null) return rollCall.evacuationSeconds;
  const end = rollCall.completedAt ?? rollCall.closedAt;
  return ((end ? Date.parse(end) : now) - Date.parse(rollCall.startedAt)) / 1000;
}

/** The clock against the target: a bar that fills towards the target and turns red past it. */
export function RollClock({
  rollCall,
  skewMs,
  compact = false,
}: {
  rollCall: RollCall;
  skewMs: number;
  compact?: boolean;
}) {
  const rt = useRollCallText();
  const now = useNow(1000) + skewMs;
  const elapsed = elapsedSeconds(rollCall, now);
  const target = rollCall.targetSeconds;
  const over = elapsed > target;
  const percent = Math.min(100, (elapsed / target) * 100);
  const color = over ? '#cf1322' : elapsed > target * 0.8 ? '#d48806' : '#389e0d';
  return (
    <Flex vertical gap={2} data-testid="roll-clock" data-over={over ? 'yes' : 'no'}>
      <Flex justify="space-between" align="baseline" gap={8}>
        <Typography.Text strong style={{ fontSize: compact ? 18 : 28, fontVariantNumeric: 'tabular-nums', color }}>
          {clockText(elapsed)}
        </Typography.Text>
        <Typography.Text type={over ? 'danger' : 'secondary'}>
          {over
            ? rt('clock.over', { time: clockText(elapsed - target) })
            : rt('clock.target', { time: clockText(target) })}
        </Typography.Text>
      </Flex>
      <Progress percent={percent} showInfo={false} strokeColor={color} size="small" />
    </Flex>
  );
}
