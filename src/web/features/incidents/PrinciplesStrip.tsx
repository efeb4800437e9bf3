import { PhoneOutlined, SafetyOutlined } from '@ant-design/icons';
import { useIt } from './i18n.js';
import './incidents.css';

const NUMBERS = ['110', '119', '120', '122'] as const;
const PRINCIPLES = ['principles.1', 'principles.2', 'principles.3', 'principles.4'] as const;

/**
 * The emergency numbers and the response principles, kept in front of whoever is reporting or
 * responding. The numbers are text: Steady shows them and never dials.
 */
export function PrinciplesStrip() {
  const it = useIt();
  return (
    <section className="steady-principles" data-testid="principles" aria-label={it('principles.title')}>
      <div className="steady-principles-numbers" aria-label={it('numbers.title')}>
        <PhoneOutlined aria-hidden />
        {NUMBERS.map((n) => (
          <span key={n} className="steady-number">
            <span className="steady-number-label">{it(`numbers.${n}`)}</span> <strong>{n}</strong>
          </span>
        ))}
        <span className="steady-principles-note">{it('numbers.note')}</span>
      </div>
      <div className="steady-principles-list">
        <SafetyOutlined aria-hidden />
        {PRINCIPLES.map((key) => (
          <span key={key} className="steady-principle">
            {it(key)}
          </span>
        ))}
      </div>
    </section>
  );
}
