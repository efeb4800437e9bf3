import { DownOutlined, PhoneOutlined, SafetyOutlined, UpOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useResource } from '../../components/useResource.js';
import { incidentsApi } from './api.js';
import { principleHeadline } from './format.js';
import { useIncidentText } from './i18n.js';
import './incidents.css';

const NUMBERS = ['110', '119', '120', '122'] as const;
/** The domain's four phrases, shown when the unit's plan states no principles of its own. */
const FALLBACK = ['principles.1', 'principles.2', 'principles.3', 'principles.4'] as const;

/**
 * The emergency numbers and the response principles of the unit's plan in force, kept in front of
 * whoever is reporting or responding: the strip stays at the top of the screen while the page
 * scrolls. Each principle shows as its headline; the plan's full wording opens beneath. The numbers
 * are tel: links: on a phone a tap hands them to the dialer (Steady itself never calls).
 */
export function PrinciplesStrip({ unitId }: { unitId?: string }) {
  const it = useIncidentText();
  const [expanded, setExpanded] = useState(false);
  const plan = useResource(() => (unitId ? incidentsApi.principles(unitId) : Promise.resolve(null)), [unitId]);
  const lines = plan.data?.principles ?? [];
  const fromPlan = lines.length > 0;
  const heads = fromPlan ? lines.map((line) => principleHeadline(line)) : FALLBACK.map((key) => it(key));
  return (
    <section
      className="steady-principles"
      data-testid="principles"
      data-source={fromPlan ? 'plan' : 'default'}
      aria-label={it('principles.title')}
    >
      <div className="steady-principles-numbers" aria-label={it('numbers.title')}>
        <PhoneOutlined aria-hidden />
        {NUMBERS.map((n) => (
          // a tel: link, so a tap on a phone dials (the label and number stay together on one line)
          <a key={n} className="steady-number" href={`tel:${n}`} data-testid={`dial-${n}`}>
            <span className="steady-number-label">{it(`numbers.${n}`)}</span> <strong>{n}</strong>
          </a>
        ))}
        <span className="steady-principles-note">{it('numbers.note')}</span>
      </div>
      <div className="steady-principles-list" data-testid="principles-list">
        <SafetyOutlined aria-hidden />
        {heads.map((head, index) =>
          fromPlan ? (
            // a tap on any principle opens the plan's full wording (the row scrolls sideways on a phone)
            <button
              key={index}
              type="button"
              className="steady-principle"
              data-testid="principle"
              title={lines[index]}
              aria-expanded={expanded}
              onClick={() => setExpanded((open) => !open)}
            >
              {head}
            </button>
          ) : (
            <span key={index} className="steady-principle" data-testid="principle">
              {head}
            </span>
          ),
        )}
        {fromPlan && (
          <button
            type="button"
            className="steady-principles-toggle"
            aria-expanded={expanded}
            data-testid="principles-toggle"
            onClick={() => setExpanded((open) => !open)}
          >
            {expanded ? <UpOutlined aria-hidden /> : <DownOutlined aria-hidden />}{' '}
            {it(expanded ? 'principles.less' : 'principles.more')}
          </button>
        )}
      </div>
      {fromPlan && expanded && (
        <div className="steady-principles-full" data-testid="principles-full">
          {plan.data?.planTitle && (
            <div className="steady-principles-source">{it('principles.from', { title: plan.data.planTitle })}</div>
          )}
          <ol>
            {lines.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
