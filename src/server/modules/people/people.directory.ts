import type { Role } from '../../../common/org.js';
import type { Executor } from '../../db/database.js';
import * as repo from './people.repository.js';

/**
 * Who holds which role in a unit, and people's names and phones: what other modules ask of people
 * when they address a message or fill in a form, without reading this module's tables.
 */
export class PeopleDirectory {
  async holders(tx: Executor, unitId: string, roles: readonly Role[]): Promise<string[]> {
    const lists = await Promise.all(roles.map((role) => repo.personIdsWithRole(tx, unitId, role)));
    return [...new Set(lists.flat())];
  }

  async person(tx: Executor, id: string): Promise<{ id: string; name: string; phone: string | null } | undefined> {
    const row = await repo.findById(tx, id);
    return row && { id: row.id, name: row.name, phone: row.phone };
  }
}
