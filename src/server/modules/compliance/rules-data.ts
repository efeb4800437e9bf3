import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ROLES, UNIT_TYPES } from '../../../common/org.js';

/*
 * Requirements from national guidance and standards, kept as versioned data files under
 * templates/rules/ (each names its source), so a reviewer can check a figure against the text
 * and a new edition is a new version of a file, not a code change.
 */

const Words = z.strictObject({ 'zh-CN': z.string().min(1), en: z.string().min(1) });
const Head = { id: z.string(), version: z.number().int().min(1), updated: z.iso.date(), source: Words };
const UnitTypes = z.array(z.enum(UNIT_TYPES)).min(1);

export const DrillRules = z.strictObject({
  ...Head,
  rules: z
    .array(
      z.strictObject({
        unitTypes: UnitTypes,
        /** The calendar window in the unit's zone that must each hold at least one drill. */
        every: z.enum(['month', 'quarter']),
        evacuationTargetSeconds: z.number().int().min(1),
        note: Words,
      }),
    )
    .min(1),
});

export const CampusSecurityRules = z.strictObject({
  ...Head,
  unitTypes: UnitTypes,
  gateStaffed24h: z.boolean(),
  patrolsPerDay: z.number().int().min(0),
  guards: z.strictObject({
    note: Words,
    tiers: z.array(z.strictObject({ fromPupils: z.number().int().min(0), guards: z.number().int().min(0) })).min(1),
    above: z.strictObject({
      fromPupils: z.number().int().min(0),
      everyPupils: z.number().int().min(1),
      addGuards: z.number().int().min(0),
    }),
    heldByRole: z.enum(ROLES),
  }),
});

export const PlanCompletenessRules = z.strictObject({
  ...Head,
  unitTypes: UnitTypes,
  requiredSections: z.array(z.string()).min(1),
  blankMarkers: z.array(z.string().min(1)),
});

export type DrillRules = z.infer<typeof DrillRules>;
export type CampusSecurityRules = z.infer<typeof CampusSecurityRules>;
export type PlanCompletenessRules = z.infer<typeof PlanCompletenessRules>;

export interface RuleBook {
  drills: DrillRules;
  campusSecurity: CampusSecurityRules;
  planCompleteness: PlanCompletenessRules;
}

// Resolves to <repo>/templates/rules/ from src/server/modules/compliance (tsx) and dist/server/modules/compliance.
const RULES_DIR = new URL('../../../../templates/rules/', import.meta.url);

function load<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(JSON.parse(readFileSync(new URL(file, RULES_DIR), 'utf8')));
  if (!parsed.success) throw new Error(`templates/rules/${file} is invalid: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

let cached: RuleBook | null = null;

/** The rules Steady ships, read once and checked against their schemas. */
export function ruleBook(): RuleBook {
  cached ??= {
    drills: load('drills.json', DrillRules),
    campusSecurity: load('campus-security.json', CampusSecurityRules),
    planCompleteness: load('plan-completeness.json', PlanCompletenessRules),
  };
  return cached;
}

/** The drill rule for a unit type, or null when the guidance sets none for it. */
export function drillRuleFor(unitType: string): DrillRules['rules'][number] | null {
  return ruleBook().drills.rules.find((r) => (r.unitTypes as string[]).includes(unitType)) ?? null;
}

/** Guards a school of `pupils` needs under the campus-security rule. */
export function guardsNeeded(
  pupils: number,
  rules: CampusSecurityRules['guards'] = ruleBook().campusSecurity.guards,
): number {
  const tier = [...rules.tiers].sort((a, b) => b.fromPupils - a.fromPupils).find((t) => pupils >= t.fromPupils);
  const extra =
    pupils >= rules.above.fromPupils
      ? Math.floor((pupils - rules.above.fromPupils) / rules.above.everyPupils) * rules.above.addGuards
      : 0;
  return (tier?.guards ?? 0) + extra;
}
