import type { ContactMethodInput } from '../../../common/schemas/contacts.js';
import type { Executor } from '../../db/database.js';
import { newId } from '../../lib/ids.js';

/** A stored method: its place in the person's order and its address as the channel takes it. */
export interface SavedContact {
  position: number;
  input: ContactMethodInput;
}

/** A person's contact methods, first first. */
export async function listOf(db: Executor, personId: string): Promise<SavedContact[]> {
  const rows = await db
    .selectFrom('contact_methods')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('position')
    .execute();
  return rows.map((m) => ({ position: m.position, input: JSON.parse(m.address_json) as ContactMethodInput }));
}

/** Replaces a person's methods with these, numbered 1, 2… in the order given. */
export async function replaceAll(
  db: Executor,
  personId: string,
  methods: ContactMethodInput[],
  now: string,
): Promise<void> {
  await db.deleteFrom('contact_methods').where('person_id', '=', personId).execute();
  if (!methods.length) return;
  await db
    .insertInto('contact_methods')
    .values(
      methods.map((m, i) => ({
        id: newId(),
        person_id: personId,
        position: i + 1,
        channel: m.channel,
        address_json: JSON.stringify(m),
        created_at: now,
      })),
    )
    .execute();
}
