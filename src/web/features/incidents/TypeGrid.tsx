import { INCIDENT_TYPES, type IncidentType } from '../../../common/org.js';
import { incidentTypeLabel } from '../../components/labels.js';
import { useT } from '../../i18n/index.js';
import { TYPE_ICONS } from './labels.js';

interface Props {
  value?: IncidentType;
  onChange?: (value: IncidentType) => void;
  id?: string;
}

/** The incident types as large buttons with icons, easy to hit with a thumb. */
export function TypeGrid({ value, onChange, id }: Props) {
  const t = useT();
  return (
    <div className="steady-type-grid" id={id} role="group" data-testid="type-grid">
      {INCIDENT_TYPES.map((type) => (
        <button
          key={type}
          type="button"
          className="steady-type-button"
          aria-pressed={value === type}
          data-type={type}
          onClick={() => onChange?.(type)}
        >
          {TYPE_ICONS[type]}
          <span>{incidentTypeLabel(t, type)}</span>
        </button>
      ))}
    </div>
  );
}
