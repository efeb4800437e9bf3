import { InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/index.js';
import { naturalUnit, UNIT_MINUTES, type DurationUnit } from './duration.js';

interface Props {
  /** Minutes. */
  value: number;
  onChange: (minutes: number) => void;
  disabled?: boolean;
  error?: boolean;
  id?: string;
}

const MAX_MINUTES = 60 * 24 * 30;

/**
 * A deadline entered in minutes, hours or days and kept in minutes. Changing the unit keeps the
 * number ("2" minutes → "2" hours), which is what someone correcting the unit means.
 */
export function DeadlineInput({ value, onChange, disabled, error, id }: Props) {
  const t = useT();
  const [unit, setUnit] = useState<DurationUnit>(() => naturalUnit(value));
  // The unit follows the value when it no longer divides it (the value changed elsewhere).
  const shownUnit = value % UNIT_MINUTES[unit] === 0 ? unit : naturalUnit(value);
  const amount = value / UNIT_MINUTES[shownUnit];

  const unitOptions = (['minutes', 'hours', 'days'] as const).map((u) => ({
    value: u,
    label: t(u === 'minutes' ? 'duration.unitMinutes' : u === 'hours' ? 'duration.unitHours' : 'duration.unitDays'),
  }));

  return (
    <Space.Compact style={{ width: '100%' }}>
      <InputNumber
        id={id}
        min={1}
        max={Math.floor(MAX_MINUTES / UNIT_MINUTES[shownUnit])}
        precision={0}
        value={amount}
        disabled={disabled}
        status={error ? 'error' : undefined}
        inputMode="numeric"
        onChange={(next) => typeof next === 'number' && onChange(next * UNIT_MINUTES[shownUnit])}
        style={{ flex: 1, minWidth: 64 }}
        data-testid="deadline-amount"
      />
      <Select
        value={shownUnit}
        options={unitOptions}
        disabled={disabled}
        status={error ? 'error' : undefined}
        onChange={(next: DurationUnit) => {
          setUnit(next);
          onChange(Math.min(MAX_MINUTES, amount * UNIT_MINUTES[next]));
        }}
        style={{ width: 92 }}
        popupMatchSelectWidth={false}
        data-testid="deadline-unit"
      />
    </Space.Compact>
  );
}
