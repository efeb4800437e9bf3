import { PhoneOutlined } from '@ant-design/icons';
import type { DutyPerson } from './api.js';

/** A name, with the phone as a tap-to-call link: whoever is on duty must be reachable. */
export function PersonLine({ person, tag }: { person: Pick<DutyPerson, 'name' | 'phone'>; tag?: string }) {
  return (
    <span className="duty-person">
      {tag && <span className="duty-person-tag">{tag}</span>}
      <span className="duty-person-name">{person.name}</span>
      {person.phone && (
        <a
          href={`tel:${person.phone.replace(/[^0-9+]/g, '')}`}
          className="duty-phone"
          onClick={(e) => e.stopPropagation()}
        >
          <PhoneOutlined /> {person.phone}
        </a>
      )}
    </span>
  );
}
