import { Empty, Skeleton } from 'antd';
import { useEffect, useRef } from 'react';
import { useLocale } from '../../i18n/index.js';
import type { Matrix } from './api.js';
import { dayHeader } from './format.js';
import { useDailyReportText } from './i18n.js';
import { StatusSwatch } from './status.js';

interface Props {
  matrix: Matrix | undefined;
  loading: boolean;
  onOpen: (unitId: string, unitName: string, day: string) => void;
}

/** Units down, days across; each cell a coloured sign that opens the unit-day. */
export function MatrixTable({ matrix, loading, onOpen }: Props) {
  const rt = useDailyReportText();
  const { locale } = useLocale();
  const scroller = useRef<HTMLDivElement>(null);
  const range = matrix ? `${matrix.from}/${matrix.to}` : '';
  // The newest days are what a supervisor looks at first: start scrolled to the right end.
  useEffect(() => {
    const el = scroller.current;
    if (el) el.scrollLeft = el.scrollWidth;
  }, [range]);
  if (loading || !matrix) return <Skeleton active />;
  if (matrix.units.length === 0) return <Empty description={rt('matrix.empty')} />;
  const minDepth = Math.min(...matrix.units.map((u) => u.depth));
  return (
    <div className="steady-dr-scroll" ref={scroller}>
      <table className="steady-dr-table" data-testid="matrix">
        <thead>
          <tr>
            <th className="steady-dr-unit">{rt('matrix.unit')}</th>
            {matrix.days.map((day) => {
              const h = dayHeader(day, locale);
              return (
                <th key={day} title={day}>
                  {h.date}
                  <br />
                  {h.weekday}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {matrix.units.map((unit) => (
            <tr key={unit.unitId} data-unit={unit.unitId}>
              <td
                className="steady-dr-unit"
                title={unit.name}
                style={{ paddingInlineStart: 8 + 10 * Math.min(4, unit.depth - minDepth) }}
              >
                {unit.name}
              </td>
              {unit.cells.map((status, i) => {
                const day = matrix.days[i]!;
                const label = rt('matrix.cellTitle', {
                  unit: unit.name,
                  day,
                  status: rt(status ? `status.${status}` : 'status.future'),
                });
                return (
                  <td key={day}>
                    <button
                      type="button"
                      className="steady-dr-cell"
                      title={label}
                      aria-label={label}
                      disabled={!status}
                      data-day={day}
                      data-status={status ?? 'future'}
                      onClick={() => onOpen(unit.unitId, unit.name, day)}
                    >
                      <StatusSwatch status={status} />
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td className="steady-dr-unit">{rt('matrix.dayTotals')}</td>
            {matrix.totals.map((t, i) => (
              <td
                key={matrix.days[i]}
                title={(['on_time', 'late', 'missing', 'pending'] as const)
                  .map((s) => `${rt(`status.${s}`)} ${t[s]}`)
                  .join(' · ')}
              >
                {t.on_time + t.late}/{t.on_time + t.late + t.missing + t.pending}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
