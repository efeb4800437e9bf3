/**
 * The rosters module's read port: a school's pupils and their adults, for reunification (which checks
 * the adults who may collect and tells the guardians). Access is the caller's to check, with
 * `rosters.policy.ts`.
 */
export { adultsOf, pupilsOfUnit } from './rosters.repository.js';
export type { PupilAdultRow } from './rosters.repository.js';
