import type { DeadlineKind } from '../../engine/engine.js';
import { ROTATION_DEADLINE, type RotationService } from './rotations.service.js';

/** The deadline kinds of duty rosters and what fires them; the container registers them. */
export const dutyDeadlines = (rotations: RotationService): DeadlineKind[] => [
  { kind: ROTATION_DEADLINE, fire: ({ tx, deadline }) => rotations.onTick(tx, deadline.ref_id) },
];
