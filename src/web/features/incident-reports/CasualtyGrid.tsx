import { InputNumber } from 'antd';
import { CASUALTY_COUNTS, CASUALTY_KINDS, type Casualties } from '../../../common/schemas/incident-reports.js';
import { useReportText } from './i18n.js';

/** Dead, injured and missing by kind of person, as a small grid of numbers that fits a phone. */
export function CasualtyGrid({
  value,
  onChange,
  disabled,
}: {
  value: Casualties;
  onChange?: (next: Casualties) => void;
  disabled?: boolean;
}) {
  const rt = useReportText();
  const set = (kind: (typeof CASUALTY_KINDS)[number], count: (typeof CASUALTY_COUNTS)[number], n: number | null) =>
    onChange?.({ ...value, [kind]: { ...value[kind], [count]: Math.max(0, Math.floor(n ?? 0)) } });
  return (
    <table className="steady-casualties" data-testid="casualty-grid">
      <thead>
        <tr>
          <th />
          {CASUALTY_COUNTS.map((count) => (
            <th key={count}>{rt(`count.${count}`)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {CASUALTY_KINDS.map((kind) => (
          <tr key={kind}>
            <th scope="row">{rt(`kind.${kind}`)}</th>
            {CASUALTY_COUNTS.map((count) => (
              <td key={count}>
                <InputNumber
                  min={0}
                  max={100000}
                  precision={0}
                  size="small"
                  inputMode="numeric"
                  disabled={disabled}
                  value={value[kind][count]}
                  onChange={(n) => set(kind, count, n)}
                  aria-label={`${rt(`kind.${kind}`)} ${rt(`count.${count}`)}`}
                  data-testid={`cas-${kind}-${count}`}
                />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
