import type { Executor } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { actorLabel, type Actor } from '../auth/actor.js';

/**
 * Looks at personal data (the visitor log, class rosters) are logged here, beside the audit trail:
 * who looked, when, at what (`entity`, the unit, and a detail without the data itself).
 */
export async function logAccess(
  db: Executor,
  actor: Actor,
  at: Date,
  entry: { entity: string; unitId: string; detail: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('access_log')
    .values({
      id: newId(),
      at: at.toISOString(),
      account_id: actor.kind === 'account' ? actor.accountId : null,
      actor_label: actorLabel(actor),
      entity: entry.entity,
      unit_id: entry.unitId,
      detail_json: JSON.stringify(entry.detail),
    })
    .execute();
}
