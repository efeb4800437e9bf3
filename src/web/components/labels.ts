import { LOCALES, type Locale } from '../../common/locale.js';
import { ROLES, UNIT_TYPES, type Role, type UnitType } from '../../common/org.js';
import type { Translate } from '../i18n/index.js';

export const roleLabel = (t: Translate, role: Role) => t(`role.${role}`);
export const unitTypeLabel = (t: Translate, type: UnitType) => t(`unitType.${type}`);
export const localeLabel = (t: Translate, locale: Locale) => t(`lang.${locale}`);

export const roleOptions = (t: Translate) => ROLES.map((value) => ({ value, label: roleLabel(t, value) }));
export const unitTypeOptions = (t: Translate) => UNIT_TYPES.map((value) => ({ value, label: unitTypeLabel(t, value) }));
export const localeOptions = (t: Translate) => LOCALES.map((value) => ({ value, label: localeLabel(t, value) }));

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
