import { DatePicker, Typography } from 'antd';
import dayjs from 'dayjs';
import type { PickerFieldProps } from './DateField.js';
import { instantOf, wallClockOf } from './wall-clock.js';
import { useT } from '../../i18n/index.js';
import { useUnitZone } from './useUnitZone.js';

/**
 * `value` is an instant, ISO 8601, shown and entered on the clock of the unit's zone; `min` and
 * `max` are the earliest and latest instants that may be picked (ISO, or `now`).
 */
export interface DateTimeFieldProps extends PickerFieldProps {
  /** The unit whose clock is meant; the person's first unit when left out. */
  unitId?: string;
}

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * A date and time in the Ant Design picker, read on the unit's clock: 08:00 means 08:00 where the
 * unit is, even on a phone set to another zone (which then sees the unit's zone named below).
 */
export function DateTimeField({ value, onChange, unitId, min, max, style, ...rest }: DateTimeFieldProps) {
  const t = useT();
  const zone = useUnitZone(unitId);
  const wall = (iso: string) => wallClockOf(iso === 'now' ? new Date().toISOString() : iso, zone);
  const minDay = min ? wall(min).slice(0, 10) : undefined;
  const maxDay = max ? wall(max).slice(0, 10) : undefined;
  const picker = (
    <DatePicker
      {...rest}
      showTime={{ format: 'HH:mm' }}
      // "Now" would be the device's clock, not the unit's: it is left out.
      showNow={false}
      format="YYYY-MM-DD HH:mm"
      classNames={{ popup: { root: 'steady-picker-popup' } }}
      value={value ? dayjs(wallClockOf(value, zone)) : null}
      style={{ width: '100%', ...style }}
      disabledDate={(d) => {
        const day = d.format('YYYY-MM-DD');
        return (minDay !== undefined && day < minDay) || (maxDay !== undefined && day > maxDay);
      }}
      onChange={(d) => onChange?.(d ? instantOf(d.format('YYYY-MM-DDTHH:mm'), zone) : undefined)}
    />
  );
  if (zone === browserZone()) return picker;
  return (
    <div>
      {picker}
      <Typography.Text type="secondary" className="steady-zone-hint">
        {t('time.unitClock', { zone })}
      </Typography.Text>
    </div>
  );
}
