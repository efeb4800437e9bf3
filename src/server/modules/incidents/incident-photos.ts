import { PHOTOS_PER_INCIDENT_MAX } from '../../../common/limits.js';
import { AppError, invalid } from '../../lib/errors.js';
import type { PhotoKind } from '../photos/photos.service.js';
import type { PhotoRoutesOf } from '../photos/photos.routes.js';
import type { IncidentService } from './incidents.service.js';

/**
 * Photos of the scene: whoever may see the incident may see and add them, until it is closed.
 * They are kept under `photos/<incident id>/` (the first photos Steady kept, hence the plain name).
 */
export const incidentPhotoKind = (incidents: IncidentService): PhotoKind => ({
  kind: 'incident',
  folder: 'photos',
  limit: { max: PHOTOS_PER_INCIDENT_MAX, full: (max) => invalid('photo', 'incident.tooManyPhotos', { max }) },
  async access(actor, incidentId, intent, db) {
    const incident = await incidents.get(actor, incidentId, db);
    if (intent === 'add' && incident.status === 'closed') throw new AppError(409, 'conflict', 'incident.notFinished');
    return { unitId: incident.unit_id };
  },
});

/** An incident's photos come with the incident (`GET /incidents/:id`), so they have no list of their own. */
export const incidentPhotoRoutes: PhotoRoutesOf = {
  kind: 'incident',
  base: '/api/v1/incidents',
  tag: 'incidents',
  noun: 'incident',
  listed: false,
};
