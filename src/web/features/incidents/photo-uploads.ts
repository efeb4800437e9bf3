import { applyProblem } from '../../components/form-errors.js';
import type { Locale } from '../../../common/locale.js';
import { uploadPhoto } from './api.js';
import type { PickedPhoto } from './PhotoPicker.js';

/**
 * Uploads the photos one by one (the server takes one per request), telling `update` how each goes.
 * A refused photo keeps the server's own message (it names the problem, in the user's language).
 * Resolves with the photos as they ended, failures included.
 */
export async function uploadAll(
  incidentId: string,
  photos: PickedPhoto[],
  auth: { csrfToken: string; locale: Locale },
  update: (photos: PickedPhoto[]) => void,
): Promise<PickedPhoto[]> {
  let current: PickedPhoto[] = photos.map((p) => ({ ...p, progress: 0, error: undefined }));
  const set = (key: string, change: Partial<PickedPhoto>) => {
    current = current.map((p) => (p.key === key ? { ...p, ...change } : p));
    update(current);
  };
  update(current);
  for (const photo of photos) {
    try {
      await uploadPhoto(incidentId, photo.file, auth, (progress) => set(photo.key, { progress }));
    } catch (error) {
      set(photo.key, { progress: 1, error: applyProblem(null, error) ?? String(error) });
    }
  }
  return current;
}
