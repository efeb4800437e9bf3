/** The kinds of unit in an organisation tree. */
export const UNIT_TYPES = [
  'education_bureau',
  'central_school',
  'school',
  'kindergarten',
  'street_office',
  'community',
  'other',
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/** Roles a person can hold in a unit. `admin` manages accounts for the unit's subtree. */
export const ROLES = [
  'admin',
  'accountable_head',
  'safety_officer',
  'duty_leader',
  'duty_staff',
  'class_teacher',
  'gatekeeper',
  'staff',
  'supervisor',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that may change the organisation (units, people, roles) in their subtree. */
export const ORG_MANAGER_ROLES: readonly Role[] = ['admin', 'accountable_head', 'safety_officer', 'supervisor'];

/** Incident types the plans and the reporting screen know (domain §2). */
export const INCIDENT_TYPES = [
  'fire',
  'food_safety',
  'infectious_disease',
  'traffic',
  'injury',
  'campus_violence',
  'natural_disaster',
  'facility_hazard',
  'missing_child',
  'other',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

/** Drill types (domain §9). */
export const DRILL_TYPES = ['fire_evacuation', 'earthquake', 'lockdown', 'shelter_in_place', 'other'] as const;
export type DrillType = (typeof DRILL_TYPES)[number];

/**
 * The calendar periods drills are counted in, in the unit's zone: the calendar month, the calendar
 * quarter, or the school term (spring term February–July, autumn term August–January).
 */
export const DRILL_PERIODS = ['month', 'quarter', 'term'] as const;
export type DrillPeriod = (typeof DRILL_PERIODS)[number];
