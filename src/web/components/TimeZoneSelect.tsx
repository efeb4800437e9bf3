import { Select } from 'antd';
import { useMemo } from 'react';
import { utcOffset } from './format.js';

/** Zones a Chinese school or community is likely to use first, then a few others. */
const COMMON_ZONES = [
  'Asia/Shanghai',
  'Asia/Urumqi',
  'Asia/Hong_Kong',
  'Asia/Macau',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Asia/Bangkok',
  'Asia/Kolkata',
  'Asia/Dubai',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Moscow',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Australia/Sydney',
  'UTC',
];

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
}

/** A searchable list of IANA time zones with their current UTC offset. */
export function TimeZoneSelect({ value, onChange, placeholder, allowClear }: Props) {
  const options = useMemo(() => {
    const zones = value && !COMMON_ZONES.includes(value) ? [value, ...COMMON_ZONES] : COMMON_ZONES;
    return zones.map((zone) => ({ value: zone, label: `${zone} (${utcOffset(zone)})` }));
  }, [value]);
  return (
    <Select
      value={value}
      onChange={onChange}
      options={options}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}
