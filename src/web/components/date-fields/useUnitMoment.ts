import type { FormInstance } from 'antd';
import { useEffect } from 'react';
import { addDays, localToUtc } from '../../../common/time.js';
import { useUnitToday } from '../useUnitToday.js';

/**
 * The instant of `time` (`HH:mm`) on the day `days` after the unit's today, on the unit's clock —
 * "tomorrow at 12:00", "in a week at 17:00" — or undefined until the server has said what today is.
 */
export function useUnitMoment(unitId: string | undefined, days: number, time: string): string | undefined {
  const today = useUnitToday(unitId);
  return today.data ? localToUtc(addDays(today.data.today, days), time, today.data.timeZone).toISOString() : undefined;
}

/** Puts a default into a form field once it is known, unless the person has already typed there. */
export function useFieldDefault(form: FormInstance, name: string, value: string | undefined): void {
  useEffect(() => {
    if (value !== undefined && !form.isFieldTouched(name)) form.setFieldValue(name, value);
  }, [form, name, value]);
}
