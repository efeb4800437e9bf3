import { ROMAN, SEVERITY_COLOURS } from './format.js';
import { useIncidentText } from './i18n.js';

const LEVELS = [1, 2, 3, 4] as const;

interface Props {
  value?: number;
  onChange?: (value: number) => void;
  id?: string;
}

/** Ⅰ 特别重大 … Ⅳ 一般 as four large segments, each on its warning colour when chosen. */
export function SeverityPicker({ value, onChange, id }: Props) {
  const it = useIncidentText();
  return (
    <div className="steady-severity" id={id} role="group" data-testid="severity-picker">
      {LEVELS.map((level) => {
        const [roman, ...words] = it(`severity.${level}`).split(' ');
        const chosen = value === level;
        return (
          <button
            key={level}
            type="button"
            className="steady-severity-button"
            aria-pressed={chosen}
            data-severity={level}
            style={chosen ? { background: SEVERITY_COLOURS[level] } : undefined}
            onClick={() => onChange?.(level)}
          >
            <strong>{roman ?? ROMAN[level]}</strong>
            <span>{words.join(' ')}</span>
          </button>
        );
      })}
    </div>
  );
}
