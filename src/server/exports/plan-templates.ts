import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { UNIT_TYPES } from '../../common/org.js';
import { PlanContent } from '../../common/schemas/plan-content.js';
import { PLAN_KINDS, TEMPLATE_IDS } from '../../common/schemas/plans.js';
import type { TemplateId } from '../../common/schemas/plans.js';

/*
 * The plan templates Steady ships (templates/plans/*.json), each written in zh-CN and English.
 * They are data, not code, so a reviewer can read and correct the wording without a build.
 */

/** The same string in every locale Steady speaks. */
const Localised = <T extends z.ZodType>(value: T) => z.strictObject({ 'zh-CN': value, en: value });

export const PlanTemplate = z
  .strictObject({
    id: z.enum(TEMPLATE_IDS),
    kind: z.enum(PLAN_KINDS),
    /** The kinds of unit the template is written for. */
    unitTypes: z.array(z.enum(UNIT_TYPES)).min(1),
    /** `{unit}` stands for the unit's name. */
    title: Localised(z.string().min(1).includes('{unit}')),
    content: Localised(PlanContent),
    /** Only a special-period template names its period; the dates are chosen when the plan is made. */
    period: Localised(z.strictObject({ name: z.string().trim().min(1) })).optional(),
  })
  .refine((t) => (t.kind === 'special_period') === (t.period !== undefined), {
    message: 'a special-period template, and only it, names its period',
  });
export type PlanTemplate = z.infer<typeof PlanTemplate>;

// Resolves to <repo>/templates/plans/ from src/server/exports (tsx) and dist/server/exports (built).
const TEMPLATES_DIR = new URL('../../../templates/plans/', import.meta.url);

const cache = new Map<TemplateId, PlanTemplate>();

/**
 * Reads and validates one template; a broken template file is a bug, so it throws. Each caller gets
 * its own copy, so filling in a plan can never change the cached template.
 */
export function loadPlanTemplate(id: TemplateId): PlanTemplate {
  const cached = cache.get(id);
  if (cached) return structuredClone(cached);
  const raw: unknown = JSON.parse(readFileSync(new URL(`${id}.json`, TEMPLATES_DIR), 'utf8'));
  const parsed = PlanTemplate.safeParse(raw);
  if (!parsed.success) throw new Error(`templates/plans/${id}.json is invalid: ${z.prettifyError(parsed.error)}`);
  if (parsed.data.id !== id) throw new Error(`templates/plans/${id}.json declares id "${parsed.data.id}"`);
  cache.set(id, parsed.data);
  return structuredClone(parsed.data);
}

export function listPlanTemplates(): PlanTemplate[] {
  return TEMPLATE_IDS.map(loadPlanTemplate);
}
