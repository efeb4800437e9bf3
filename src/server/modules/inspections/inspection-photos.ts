import type { DeadlineEngine } from '../../engine/engine.js';
import type { PhotoKind } from '../photos/photos.service.js';
import type { UnitService } from '../units/units.service.js';

/** A photo uploaded for a run or a task step that nothing used is removed after this long. */
export const UNUSED_PHOTO_DEADLINE = 'inspections.photo-unused';
export const UNUSED_PHOTO_KEPT_MS = 86_400_000;

/**
 * Photos for a run or a task step are uploaded first and wait in their unit (their record here)
 * until a run or a step takes them; whoever sees the unit may add and see them. Each is audited
 * as itself and set to be removed if nothing has used it a day later.
 */
export const inspectionPhotoKind = (units: UnitService, engine: DeadlineEngine): PhotoKind => ({
  kind: 'inspection',
  folder: 'inspection-photos',
  async access(actor, unitId, _intent, db) {
    const unit = await units.requireVisible(actor, unitId, db);
    return { unitId: unit.id };
  },
  audited: (photo) => ({
    action: 'inspection.photo',
    entity: 'inspection_photo',
    entityId: photo.id,
    after: { mime: photo.mime, size: photo.size },
  }),
  onAdded: (tx, photo) =>
    engine.schedule(tx, {
      kind: UNUSED_PHOTO_DEADLINE,
      refId: photo.id,
      unitId: photo.unitId,
      dueAt: new Date(Date.parse(photo.createdAt) + UNUSED_PHOTO_KEPT_MS),
    }),
});
