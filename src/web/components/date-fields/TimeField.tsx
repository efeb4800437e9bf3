import { TimePicker } from 'antd';
import dayjs from 'dayjs';
import type { CSSProperties, ReactNode } from 'react';

export interface TimeFieldProps {
  /** A local time of day, `HH:mm`, on the unit's clock (a plan's deadline, a patrol window). */
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  id?: string;
  /** Shown and not editable (a published plan). */
  disabled?: boolean;
  prefix?: ReactNode;
  style?: CSSProperties;
  'aria-label'?: string;
  'data-testid'?: string;
}

/** A time of day in the Ant Design picker, minutes in steps of one. */
export function TimeField({ value, onChange, ...rest }: TimeFieldProps) {
  return (
    <TimePicker
      {...rest}
      format="HH:mm"
      needConfirm={false}
      allowClear={false}
      value={value ? dayjs(`2000-01-01T${value}`) : null}
      onChange={(d) => onChange?.(d ? d.format('HH:mm') : undefined)}
    />
  );
}
