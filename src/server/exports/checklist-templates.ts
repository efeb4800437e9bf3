import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { UNIT_TYPES } from '../../common/org.js';
import { CHECKLIST_IDS, type ChecklistId } from '../../common/schemas/inspections.js';

/*
 * The inspection checklists Steady ships (templates/checklists/*.json, domain §7), each written in
 * zh-CN and English. Like the plan templates they are data, not code, so a reviewer can read and
 * correct the wording without a build.
 */

/** The checklists Steady ships; each is templates/checklists/<id>.json. */

export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** How often a unit is expected to run the checklist. */
export const CHECKLIST_FREQUENCIES = ['weekly', 'monthly', 'termly'] as const;
export type ChecklistFrequency = (typeof CHECKLIST_FREQUENCIES)[number];

/** The default rectification deadline, in days, that suits each risk level. */
export const FIX_DAYS_BY_RISK: Readonly<Record<RiskLevel, { min: number; max: number }>> = {
  high: { min: 1, max: 3 },
  medium: { min: 5, max: 10 },
  low: { min: 14, max: 30 },
};

export const MIN_CHECKLIST_ITEMS = 10;

/** A non-empty string in every locale Steady speaks. */
const LocalisedText = z.strictObject({ 'zh-CN': z.string().trim().min(1), en: z.string().trim().min(1) });

export const ChecklistItem = z
  .strictObject({
    /** Stable within its checklist, e.g. "C01"; inspection results refer to items by code. */
    code: z.string().regex(/^[A-Z]{1,3}\d{2,3}$/, 'a code is 1–3 capital letters and 2–3 digits, e.g. "C01"'),
    /** What must be true, stated so an inspector can check it. */
    text: LocalisedText,
    /** How to check it and what counts as a pass. */
    guidance: LocalisedText,
    defaultRisk: z.enum(RISK_LEVELS),
    /** Days allowed to fix a failure, unless the inspector sets another deadline. */
    defaultFixDays: z.number().int().min(1).max(90),
  })
  .superRefine((item, ctx) => {
    const { min, max } = FIX_DAYS_BY_RISK[item.defaultRisk];
    if (item.defaultFixDays < min || item.defaultFixDays > max) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultFixDays'],
        message: `a ${item.defaultRisk}-risk item is fixed within ${min}–${max} days, not ${item.defaultFixDays}`,
      });
    }
  });
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const ChecklistTemplate = z
  .strictObject({
    id: z.enum(CHECKLIST_IDS),
    /** The kinds of unit the checklist is written for. */
    unitTypes: z.array(z.enum(UNIT_TYPES)).min(1),
    /** The place or subject inspected, e.g. 食堂与食品卫生. */
    area: LocalisedText,
    frequency: z.enum(CHECKLIST_FREQUENCIES),
    items: z.array(ChecklistItem).min(MIN_CHECKLIST_ITEMS),
  })
  .superRefine((template, ctx) => {
    const seen = new Set<string>();
    template.items.forEach((item, index) => {
      if (seen.has(item.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', index, 'code'],
          message: `item code "${item.code}" is used twice`,
        });
      }
      seen.add(item.code);
    });
    if (new Set(template.unitTypes).size !== template.unitTypes.length) {
      ctx.addIssue({ code: 'custom', path: ['unitTypes'], message: 'a unit type is listed twice' });
    }
  });
export type ChecklistTemplate = z.infer<typeof ChecklistTemplate>;

// Resolves to <repo>/templates/checklists/ from src/server/exports (tsx) and dist/server/exports (built).
const TEMPLATES_DIR = new URL('../../../templates/checklists/', import.meta.url);

const cache = new Map<ChecklistId, ChecklistTemplate>();

/**
 * Reads and validates one checklist; a broken template file is a bug, so it throws. Each caller
 * gets its own copy, so starting an inspection from it can never change the cached template.
 */
export function loadChecklistTemplate(id: ChecklistId): ChecklistTemplate {
  const cached = cache.get(id);
  if (cached) return structuredClone(cached);
  const raw: unknown = JSON.parse(readFileSync(new URL(`${id}.json`, TEMPLATES_DIR), 'utf8'));
  const parsed = ChecklistTemplate.safeParse(raw);
  if (!parsed.success) throw new Error(`templates/checklists/${id}.json is invalid: ${z.prettifyError(parsed.error)}`);
  if (parsed.data.id !== id) throw new Error(`templates/checklists/${id}.json declares id "${parsed.data.id}"`);
  cache.set(id, parsed.data);
  return structuredClone(parsed.data);
}

export function listChecklistTemplates(): ChecklistTemplate[] {
  return CHECKLIST_IDS.map(loadChecklistTemplate);
}
