import { invalid, notFound } from '../../lib/errors.js';
import type { PhotoKind } from '../photos/photos.service.js';
import type { PhotoRoutesOf } from '../photos/photos.routes.js';
import { requireManage } from '../units/units.policy.js';
import type { UnitService } from '../units/units.service.js';
import * as repo from './drills.repository.js';

/** Photos one drill may carry: enough for every stage of an evacuation. */
export const PHOTOS_PER_DRILL_MAX = 20;

/**
 * Photos of a drill being run, filed with its record. Attaching one takes the same right as
 * recording the drill; seeing them, the right to see the drill.
 */
export const drillPhotoKind = (units: UnitService): PhotoKind => ({
  kind: 'drill',
  folder: 'drill-photos',
  limit: { max: PHOTOS_PER_DRILL_MAX, full: (max) => invalid('photo', 'drill.tooManyPhotos', { max }) },
  async access(actor, drillId, intent, db) {
    const drill = await repo.findDrill(db, drillId);
    if (!drill) throw notFound();
    const unit = await units.requireVisible(actor, drill.unit_id, db);
    if (intent === 'add') requireManage(actor, unit.path);
    return { unitId: drill.unit_id };
  },
});

export const drillPhotoRoutes: PhotoRoutesOf = {
  kind: 'drill',
  base: '/api/v1/drills',
  tag: 'drills',
  noun: 'drill',
  listed: true,
};
