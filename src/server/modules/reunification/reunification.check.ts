import type { ReleaseCheck } from '../../../common/schemas/reunification.js';
import { normaliseCheckMobile, normaliseIdLast4, normaliseName } from '../../../common/release-check.js';

/** An adult on the list as the check needs them. */
export interface ListedAdult {
  id: string;
  name: string;
  relation: string;
  mobile: string;
  id_last4: string | null;
}

const sameName = (a: string, b: string) => normaliseName(a) === normaliseName(b);
const mobileOf = normaliseCheckMobile;

/**
 * The adult at the point against the adults who may collect: released only when one of them matches
 * name, mobile and ID last four together (an adult listed without ID digits cannot be checked, so does
 * not match). Otherwise the checks that failed against the nearest adult on the list, so staff can ask
 * again ("the mobile does not match") without being shown what the list holds.
 */
export function checkAdult(
  adults: readonly ListedAdult[],
  given: { name: string; mobile: string; idLast4: string },
): { adult: ListedAdult; failed: [] } | { adult: null; failed: ReleaseCheck[] } {
  const mobile = mobileOf(given.mobile);
  const idLast4 = normaliseIdLast4(given.idLast4);
  let nearest: ReleaseCheck[] = ['name', 'mobile', 'idLast4'];
  for (const adult of adults) {
    const failed: ReleaseCheck[] = [];
    if (!sameName(adult.name, given.name)) failed.push('name');
    if (mobileOf(adult.mobile) !== mobile) failed.push('mobile');
    if (adult.id_last4 === null || normaliseIdLast4(adult.id_last4) !== idLast4) failed.push('idLast4');
    if (failed.length === 0) return { adult, failed: [] };
    if (failed.length < nearest.length) nearest = failed;
  }
  return { adult: null, failed: nearest };
}
