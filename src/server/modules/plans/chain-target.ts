import type { ChainStep } from '../../../common/schemas/plan-content.js';

/** A unit above (or the unit itself) as the chain sees it. */
export interface LineageUnit {
  id: string;
  type: string;
}

/**
 * The unit a chain step's people sit in, given the unit's lineage from itself up to the root
 * (`[unit, parent, grandparent, …]`); null when the step names nothing above the unit.
 */
export function chainTargetUnit(
  step: Pick<ChainStep, 'target' | 'unitType' | 'unitId'>,
  lineage: readonly LineageUnit[],
): LineageUnit | null {
  const above = lineage.slice(1);
  switch (step.target) {
    case 'unit':
      return lineage[0] ?? null;
    case 'parent':
      return above[0] ?? null;
    case 'nearest':
      return above.find((u) => u.type === step.unitType) ?? null;
    case 'ancestor':
      return above.find((u) => u.id === step.unitId) ?? null;
  }
}
