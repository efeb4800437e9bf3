import { LOCALES, type Locale } from '../../common/locale.js';
import {
  DRILL_TYPES,
  INCIDENT_TYPES,
  ROLES,
  UNIT_TYPES,
  type DrillType,
  type IncidentType,
  type Role,
  type UnitType,
} from '../../common/org.js';
import type { ChainStep } from '../../common/schemas/plan-content.js';
import type { PLAN_KINDS, PLAN_STATUSES, TemplateId } from '../../common/schemas/plans.js';
import type { Translate } from '../i18n/index.js';

export const roleLabel = (t: Translate, role: Role) => t(`role.${role}`);
export const unitTypeLabel = (t: Translate, type: UnitType) => t(`unitType.${type}`);
export const localeLabel = (t: Translate, locale: Locale) => t(`lang.${locale}`);

export const incidentTypeLabel = (t: Translate, type: IncidentType) => t(`incidentType.${type}`);
export const drillTypeLabel = (t: Translate, type: DrillType) => t(`drillType.${type}`);
export const planStatusLabel = (t: Translate, status: (typeof PLAN_STATUSES)[number]) => t(`planStatus.${status}`);
export const planKindLabel = (t: Translate, kind: (typeof PLAN_KINDS)[number]) => t(`planKind.${kind}`);
export const templateLabel = (t: Translate, template: TemplateId) => t(`planTemplate.${template}`);
export const chainTargetLabel = (t: Translate, target: ChainStep['target']) => t(`chainTarget.${target}`);
export const chainKindLabel = (t: Translate, kind: ChainStep['kind']) => t(`chainKind.${kind}`);

export const roleOptions = (t: Translate) => ROLES.map((value) => ({ value, label: roleLabel(t, value) }));
export const unitTypeOptions = (t: Translate) => UNIT_TYPES.map((value) => ({ value, label: unitTypeLabel(t, value) }));
export const localeOptions = (t: Translate) => LOCALES.map((value) => ({ value, label: localeLabel(t, value) }));
export const incidentTypeOptions = (t: Translate) =>
  INCIDENT_TYPES.map((value) => ({ value, label: incidentTypeLabel(t, value) }));
export const drillTypeOptions = (t: Translate) =>
  DRILL_TYPES.map((value) => ({ value, label: drillTypeLabel(t, value) }));
/** The plan templates; a record so that the compiler notices a new one (the schema module would bring zod along). */
const TEMPLATES: Record<TemplateId, true> = {
  school: true,
  kindergarten: true,
  community: true,
  special_period: true,
  special_period_community: true,
};
export const templateOptions = (t: Translate) =>
  (Object.keys(TEMPLATES) as TemplateId[]).map((value) => ({ value, label: templateLabel(t, value) }));
/** A chosen unit above (`ancestor`) is set through the API: a unit's own people cannot browse the units above it. */
export const chainTargetOptions = (t: Translate, current?: ChainStep['target']) =>
  (['unit', 'parent', 'nearest', ...(current === 'ancestor' ? ['ancestor' as const] : [])] as const).map((value) => ({
    value,
    label: chainTargetLabel(t, value),
  }));
export const chainKindOptions = (t: Translate) =>
  (['notify', 'report'] as const).map((value) => ({ value, label: chainKindLabel(t, value) }));

/** Tag colours of a plan version's status. */
export const PLAN_STATUS_COLOURS: Record<(typeof PLAN_STATUSES)[number], string> = {
  draft: 'gold',
  published: 'green',
  superseded: 'default',
};

/** Tag colours that stay the same for a role everywhere. */
export const ROLE_COLOURS: Record<Role, string> = {
  admin: 'magenta',
  accountable_head: 'red',
  safety_officer: 'orange',
  duty_leader: 'gold',
  duty_staff: 'lime',
  class_teacher: 'green',
  gatekeeper: 'cyan',
  staff: 'default',
  supervisor: 'blue',
};
