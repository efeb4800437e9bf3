/** API shapes the browser tests read, from the shared schemas. */
export type { Unit } from '../../src/common/schemas/units.js';
export type { Page } from '../../src/common/schemas/shared.js';
