import { z } from 'zod';
import { Id } from './shared.js';

/** Compliance with the rules Steady ships: red / amber / green per unit, each with its reason and source. */
export const COMPLIANCE_STATES = ['green', 'amber', 'red'] as const;
export const COMPLIANCE_RULES = ['plan', 'gate', 'patrols', 'guards', 'drills', 'evacuation'] as const;
export type ComplianceState = (typeof COMPLIANCE_STATES)[number];

export const ComplianceCheck = z.object({
  rule: z.enum(COMPLIANCE_RULES),
  state: z.enum(COMPLIANCE_STATES),
  reason: z.string(),
  /** The guidance or standard the rule comes from, and the version of Steady's rule file. */
  source: z.string(),
  ruleVersion: z.number().int(),
});
export const UnitCompliance = z.object({
  unitId: Id,
  unitName: z.string(),
  unitType: z.string(),
  depth: z.number().int(),
  /** The worst of its checks; green when no rule applies to the unit. */
  state: z.enum(COMPLIANCE_STATES),
  checks: z.array(ComplianceCheck),
});
export type UnitCompliance = z.infer<typeof UnitCompliance>;
export const ComplianceView = z.object({
  units: z.array(UnitCompliance),
  counts: z.record(z.enum(COMPLIANCE_STATES), z.number().int()),
});
export const ComplianceQuery = z.object({ unitId: Id.optional() });
