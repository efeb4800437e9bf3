import type { Person } from '../../../common/schemas/people.js';
import type { AccountRow } from '../auth/auth.table.js';
import type { PersonRow } from './people.table.js';
import type { Actor } from '../auth/actor.js';
import { canSee } from '../units/units.policy.js';
import type { RoleRow } from './people.repository.js';

export interface PersonBundle {
  person: PersonRow;
  homeUnitName: string;
  roles: RoleRow[];
  account: AccountRow | undefined;
}

/** A person as the actor may see them: roles in units outside the actor's sight are left out. */
export function presentPerson(actor: Actor, { person, homeUnitName, roles, account }: PersonBundle): Person {
  return {
    id: person.id,
    homeUnitId: person.home_unit_id,
    homeUnitName,
    name: person.name,
    phone: person.phone,
    email: person.email,
    language: person.language === 'en' || person.language === 'zh-CN' ? person.language : null,
    roles: roles
      .filter((r) => canSee(actor, r.unit_path))
      .map((r) => ({ id: r.id, unitId: r.unit_id, unitName: r.unit_name, role: r.role })),
    account: account
      ? {
          username: account.username,
          mustChangePassword: account.must_change_password === 1,
          disabled: account.disabled_at !== null,
          lastLoginAt: account.last_login_at,
        }
      : null,
    createdAt: person.created_at,
    updatedAt: person.updated_at,
  };
}
