import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLocale } from '../../i18n/index.js';
import type { ShiftView } from './api.js';
import { dayLabel, weekdayNames } from './dates.js';
import { useDutyText } from './i18n.js';

interface Props {
  days: string[];
  /** `YYYY-MM` of the month shown; days outside it are dimmed. */
  month: string;
  today: string;
  selected: string;
  shifts: ShiftView[];
  gapDates: Set<string>;
  phone: boolean;
  onSelect: (date: string) => void;
  renderDay: (date: string) => ReactNode;
}

/** A month of shifts: on a phone each day shows the duty leader's surname and a mark for a gap; tap a day to see it. */
export function CalendarGrid({ days, month, today, selected, shifts, gapDates, phone, onSelect, renderDay }: Props) {
  const dt = useDutyText();
  const { locale } = useLocale();
  return (
    <>
      <div className="duty-month" data-testid="duty-month">
        {weekdayNames(locale).map((name, i) => (
          <div key={i} className="duty-month-head">
            {name}
          </div>
        ))}
        {days.map((d) => {
          const own = shifts.filter((s) => s.localDate === d);
          const names = own.map((s) => (s.actingLeader ?? s.dutyLeader)?.name).filter((n): n is string => Boolean(n));
          return (
            <button
              key={d}
              type="button"
              className={[
                'duty-month-day',
                d.startsWith(month) ? '' : 'other',
                d === today ? 'today' : '',
                d === selected ? 'selected' : '',
                gapDates.has(d) ? 'gap' : '',
              ].join(' ')}
              onClick={() => onSelect(d)}
              aria-label={dayLabel(d, locale)}
              data-date={d}
            >
              <span className="duty-month-number">{Number(d.slice(8))}</span>
              {names.map((n, i) => (
                <span key={i} className="duty-month-name">
                  {phone ? [...n][0] : n}
                </span>
              ))}
              {gapDates.has(d) && <span className="duty-month-gap" title={dt('gap.title')} />}
            </button>
          );
        })}
      </div>
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {dayLabel(selected, locale)}
      </Typography.Title>
      <div className="duty-day">{renderDay(selected)}</div>
    </>
  );
}
