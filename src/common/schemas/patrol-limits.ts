/*
 * Patrol limits and names as plain constants, without zod, so the web screens can use them
 * without carrying the schema library into the browser.
 */

/**
 * Minutes a patrol has, from its prompt, to reach every active checkpoint. A walk round a school
 * or a community takes 15–30 minutes; 45 leaves room for a locked door without letting a patrol
 * slide into the next one.
 */
export const PATROL_TIME_LIMIT_MINUTES = 45;
export const CHECKPOINT_NAME_MAX = 60;
export const CHECKPOINT_HINT_MAX = 200;
/** More points than this is a building survey, not a patrol round. */
export const CHECKPOINTS_PER_UNIT_MAX = 60;
export const CHECK_IN_NOTE_MAX = 500;

export const PATROL_KINDS = ['scheduled', 'unannounced', 'extra'] as const;
export type PatrolKind = (typeof PATROL_KINDS)[number];
/** planned → open (prompted) → done or missed; cancelled when the plan no longer asks for it. */
export const PATROL_STATES = ['planned', 'open', 'done', 'missed', 'cancelled'] as const;
export type PatrolState = (typeof PATROL_STATES)[number];
/** `scan`: opened from the QR code at the point; `tap`: the button on the patrol screen. */
export const CHECK_IN_METHODS = ['scan', 'tap'] as const;
export type CheckInMethod = (typeof CHECK_IN_METHODS)[number];
