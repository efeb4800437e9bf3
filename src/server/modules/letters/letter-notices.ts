import { DateTime } from 'luxon';
import type { AfterCommit, Executor } from '../../db/database.js';
import type { MessageKey } from '../../lib/messages.js';
import { say } from '../../lib/wording.js';
import type { Notifier } from '../../notify/notifier.js';
import { roleHolders } from '../people/people.read-port.js';
import { localeOf } from './letter-templates.js';
import type { LetterWithUnits } from './letters.repository.js';

export type Side = 'issuer' | 'recipient';

/** Who signs for a side: the issuer's heads; the person named, or the unit's heads. */
export async function signersOf(tx: Executor, letter: LetterWithUnits, side: Side): Promise<string[]> {
  if (side === 'recipient' && letter.recipient_person_id) return [letter.recipient_person_id];
  const unitId = side === 'issuer' ? letter.issuer_unit_id : letter.unit_id;
  return (await roleHolders(tx, unitId, 'accountable_head')).map((p) => p.id);
}

/** The sides still to sign. */
export const unsignedSides = (l: Pick<LetterWithUnits, 'issuer_signed_at' | 'recipient_signed_at'>): Side[] => [
  ...(l.issuer_signed_at ? [] : ['issuer' as const]),
  ...(l.recipient_signed_at ? [] : ['recipient' as const]),
];

/** Tells the signers of the given sides, in the receiving unit's language. */
export async function tellSigners(
  notifier: Notifier,
  tx: Executor,
  afterCommit: AfterCommit,
  now: Date,
  letter: LetterWithUnits,
  sides: Side[],
  body: MessageKey,
  vars: Record<string, string | number> = {},
): Promise<void> {
  const people = (await Promise.all(sides.map((s) => signersOf(tx, letter, s)))).flat();
  const locale = localeOf(letter.unit_locale);
  const due = DateTime.fromISO(letter.sign_due_at).setZone(letter.unit_time_zone).toFormat('yyyy-MM-dd HH:mm');
  await notifier.tell(
    tx,
    afterCommit,
    people,
    {
      kind: 'letter',
      locale,
      link: `/letters/${letter.id}`,
      title: say('letter.newTitle', { title: letter.title }),
      body: say(body, {
        issuer: letter.issuer_unit_name,
        unit: letter.unit_name,
        due,
        version: letter.version,
        ...vars,
      }),
    },
    now,
  );
}
