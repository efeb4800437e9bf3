import type { TemplateId } from '../../common/schemas/plans.js';
import type { Container } from '../container.js';
import type { SystemActor } from '../modules/auth/actor.js';
import type { PlanContent } from '../../common/schemas/plan-content.js';

const demoActor: SystemActor = { kind: 'system', label: 'demo' };

/** Which template a sample unit's standing plan starts from. */
const TEMPLATE_BY_TYPE: Partial<Record<string, TemplateId>> = {
  school: 'school',
  kindergarten: 'kindergarten',
  community: 'community',
};

/** Where the night patrol of a sample school or kindergarten checks in (a QR sheet prints for each). */
const SAMPLE_CHECKPOINTS: { name: string; locationHint: string }[] = [
  { name: '校门岗亭', locationHint: '南门，门卫室外墙' },
  { name: '教学楼', locationHint: '一楼东侧楼梯口' },
  { name: '食堂后厨', locationHint: '燃气总阀旁' },
];

/**
 * Publishes a standing plan from the shipped template for each school, kindergarten and community
 * of the sample county, so that a first look shows the plans at work: schools and kindergartens
 * send a daily report by 15:00 (as in a holiday or exam season), drills are due, patrol windows set,
 * and each has three patrol checkpoints so that tonight's unannounced patrols are planned at once.
 * Returns how many plans it published.
 */
export async function publishSamplePlans(
  c: Container,
  units: { id: string; type: string }[],
  options: { checkpoints?: boolean } = {},
): Promise<number> {
  let published = 0;
  for (const unit of units) {
    const template = TEMPLATE_BY_TYPE[unit.type];
    if (!template) continue;
    const draft = await c.plans.create(demoActor, { unitId: unit.id, template });
    if (template !== 'community') {
      const content = JSON.parse(draft.versions.at(-1)!.content_json) as PlanContent;
      await c.plans.updateDraft(demoActor, draft.plan.id, {
        content: { ...content, dailyReport: { required: true, deadline: '15:00' } },
      });
    }
    await c.plans.publish(demoActor, draft.plan.id);
    published += 1;
  }
  if (options.checkpoints ?? true) await createSampleCheckpoints(c, units);
  return published;
}

/**
 * Three patrol checkpoints for each school and kindergarten. The demo with history adds them at
 * the end of its past, so tonight's patrols are planned but no night before counts as missed.
 */
export async function createSampleCheckpoints(c: Container, units: { id: string; type: string }[]): Promise<void> {
  for (const unit of units) {
    if (unit.type !== 'school' && unit.type !== 'kindergarten') continue;
    for (const checkpoint of SAMPLE_CHECKPOINTS)
      await c.patrols.createCheckpoint(demoActor, { unitId: unit.id, ...checkpoint }, '');
  }
}
