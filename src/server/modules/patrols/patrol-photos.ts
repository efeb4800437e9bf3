import { AppError, forbidden, notFound } from '../../lib/errors.js';
import type { PhotoAccess, PhotoKind } from '../photos/photos.service.js';
import { canSee } from '../units/units.policy.js';
import * as unitsPort from '../units/units.read-port.js';
import * as repo from './patrols.repository.js';

const photoExists = () => new AppError(409, 'conflict', 'patrol.photoExists');

/**
 * A check-in may carry one photo of the point, added by the person who checked in and seen by
 * whoever sees the unit. It is named after the check-in, kept in the unit's folder and audited on
 * the checkpoint.
 */
export const checkInPhotoKind = (): PhotoKind<PhotoAccess & { checkpointId: string }> => ({
  kind: 'patrol-check-in',
  folder: 'patrol-photos',
  byUnit: true,
  namedAfterRecord: true,
  limit: { max: 1, full: photoExists },
  async access(actor, checkInId, intent, db) {
    const found = await repo.findCheckIn(db, checkInId);
    const unit = found ? await unitsPort.findById(db, found.unit_id) : undefined;
    if (!found || !unit || !canSee(actor, unit.path)) throw notFound();
    if (intent === 'add') {
      if (actor.kind === 'account' && found.person_id !== actor.personId) throw forbidden();
      if (found.photo_path) throw photoExists();
    }
    return { unitId: found.unit_id, checkpointId: found.checkpoint_id };
  },
  audited: (photo, found) => ({
    action: 'patrol.photo',
    entity: 'patrol_checkpoint',
    entityId: found.checkpointId,
    after: { checkInId: photo.recordId, mime: photo.mime, size: photo.size },
  }),
});
