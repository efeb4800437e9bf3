import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { CSSProperties } from 'react';

/** What every picker field takes: a string value as a form holds it, bounds, and the usual input props. */
export interface PickerFieldProps {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  min?: string;
  max?: string;
  id?: string;
  allowClear?: boolean;
  disabled?: boolean;
  placeholder?: string;
  style?: CSSProperties;
  'aria-label'?: string;
  'data-testid'?: string;
}

/**
 * `value` is a local date, `YYYY-MM-DD` (a calendar day carries no zone); `min` and `max` are the
 * first and last days that may be picked (today from `useUnitToday`).
 */
export type DateFieldProps = PickerFieldProps;

/** A date in the Ant Design picker (months and weekdays in the app's language) instead of the browser's own. */
export function DateField({ value, onChange, min, max, style, ...rest }: DateFieldProps) {
  return (
    <DatePicker
      {...rest}
      value={value ? dayjs(value) : null}
      format="YYYY-MM-DD"
      // "Today" would be the device's day, not the unit's (which screens take from the server).
      showNow={false}
      classNames={{ popup: { root: 'steady-picker-popup' } }}
      style={{ width: '100%', ...style }}
      disabledDate={(d) => {
        const day = d.format('YYYY-MM-DD');
        return (min !== undefined && day < min) || (max !== undefined && day > max);
      }}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : undefined)}
    />
  );
}
