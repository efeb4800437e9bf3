import type { Role } from '../../../common/org.js';
import type { IssueLettersBody } from '../../../common/schemas/letters.js';
import type { Executor } from '../../db/database.js';
import type { FieldProblem } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Actor } from '../auth/actor.js';
import { roleHolders } from '../people/people.read-port.js';
import type { RulesInForce } from '../plans/rules-in-force.js';
import { canSee } from '../units/units.policy.js';
import { unitBrief, type UnitBrief } from '../units/units.read-port.js';
import { dutiesFor, fillIn, localeOf, type LetterTemplate } from './letter-templates.js';
import type { LetterRow } from './letters.table.js';

/** Who signs a letter as the responsible side, and which input field named them. */
export interface Draft {
  unit: UnitBrief;
  role: Role;
  personId: string | null;
  field: string;
}

const ROLE_WORDS: Record<string, { 'zh-CN': string; en: string }> = {
  accountable_head: { 'zh-CN': '第一责任人', en: 'accountable head' },
  safety_officer: { 'zh-CN': '安全干部', en: 'safety officer' },
  duty_leader: { 'zh-CN': '带班领导', en: 'duty leader' },
  duty_staff: { 'zh-CN': '值班人员', en: 'duty staff' },
  class_teacher: { 'zh-CN': '班主任', en: 'class teacher' },
  gatekeeper: { 'zh-CN': '门卫', en: 'gatekeeper' },
  staff: { 'zh-CN': '教职工', en: 'staff member' },
  supervisor: { 'zh-CN': '督导', en: 'supervisor' },
  admin: { 'zh-CN': '管理员', en: 'administrator' },
};

/** Heads of units below the issuer; every unit named is checked, each problem kept against its field. */
async function headDrafts(
  tx: Executor,
  actor: Actor,
  issuer: UnitBrief,
  unitIds: string[],
  problems: FieldProblem[],
): Promise<Draft[]> {
  const drafts: Draft[] = [];
  if (unitIds.length === 0) {
    problems.push({ field: 'unitIds', key: 'letter.templateMismatch', params: { audience: 'unit heads' } });
  }
  for (const [i, unitId] of unitIds.entries()) {
    const field = `unitIds.${i}`;
    const unit = await unitBrief(tx, unitId);
    if (!unit || !canSee(actor, unit.path)) problems.push({ field, key: 'letter.unitUnknown' });
    else if (unit.id === issuer.id || !unit.path.startsWith(issuer.path)) {
      problems.push({ field, key: 'letter.notBelow', params: { unit: unit.name, issuer: issuer.name } });
    } else drafts.push({ unit, role: 'accountable_head', personId: null, field });
  }
  return drafts;
}

/** Staff of the issuing unit, each holding the role their letter is for. */
async function staffDrafts(
  tx: Executor,
  issuer: UnitBrief,
  recipients: IssueLettersBody['recipients'],
  problems: FieldProblem[],
): Promise<Draft[]> {
  const drafts: Draft[] = [];
  if (recipients.length === 0) {
    problems.push({ field: 'recipients', key: 'letter.templateMismatch', params: { audience: 'staff' } });
  }
  for (const [i, r] of recipients.entries()) {
    const field = `recipients.${i}.personId`;
    const holder = (await roleHolders(tx, issuer.id, r.role)).find((p) => p.id === r.personId);
    if (!holder) problems.push({ field, key: 'letter.notHolder', params: { unit: issuer.name } });
    else drafts.push({ unit: issuer, role: r.role, personId: holder.id, field });
  }
  return drafts;
}

export function draftsFor(
  tx: Executor,
  actor: Actor,
  issuer: UnitBrief,
  template: LetterTemplate,
  input: IssueLettersBody,
  problems: FieldProblem[],
): Promise<Draft[]> {
  return template.audience === 'unit_head'
    ? headDrafts(tx, actor, issuer, input.unitIds, problems)
    : staffDrafts(tx, issuer, input.recipients, problems);
}

export interface NewLetter {
  issuer: UnitBrief;
  template: LetterTemplate;
  draft: Draft;
  input: IssueLettersBody;
  plan: Pick<RulesInForce, 'rules' | 'standing'>;
  createdBy: string | null;
  now: Date;
}

/** The first version of a letter, its duties copied from the plan in force (none when the plan has none). */
export function firstVersion(n: NewLetter): LetterRow {
  const id = newId();
  const locale = localeOf(n.draft.unit.locale);
  const role = ROLE_WORDS[n.draft.role]?.[locale] ?? n.draft.role;
  return {
    id,
    series_id: id,
    version: 1,
    issuer_unit_id: n.issuer.id,
    unit_id: n.draft.unit.id,
    template_id: n.template.id,
    role: n.draft.role,
    recipient_person_id: n.draft.personId,
    period_label: n.input.periodLabel,
    locale: n.draft.unit.locale,
    title: fillIn(n.template.title[locale], { period: n.input.periodLabel, role }),
    duties_json: JSON.stringify(dutiesFor(n.template, n.draft.role, n.plan.rules.duties)),
    plan_id: n.plan.standing?.planId ?? null,
    plan_version: n.plan.standing?.version ?? null,
    status: 'awaiting',
    sign_due_at: new Date(n.input.signDueAt).toISOString(),
    issuer_signed_at: null,
    issuer_signed_by_person_id: null,
    recipient_signed_at: null,
    recipient_signed_by_person_id: null,
    marked_late_at: null,
    reminders: 0,
    last_reminded_at: null,
    created_by_person_id: n.createdBy,
    created_at: n.now.toISOString(),
    superseded_at: null,
  };
}

/** The next version of a letter whose duties changed: unsigned again, with a fresh deadline. */
export function nextVersion(
  old: LetterRow,
  duties: unknown[],
  plan: RulesInForce['standing'],
  dueAt: string,
  at: Date,
): LetterRow {
  return {
    ...old,
    id: newId(),
    version: old.version + 1,
    duties_json: JSON.stringify(duties),
    plan_id: plan?.planId ?? null,
    plan_version: plan?.version ?? null,
    status: 'awaiting',
    sign_due_at: dueAt,
    issuer_signed_at: null,
    issuer_signed_by_person_id: null,
    recipient_signed_at: null,
    recipient_signed_by_person_id: null,
    marked_late_at: null,
    reminders: 0,
    last_reminded_at: null,
    created_at: at.toISOString(),
    superseded_at: null,
  };
}
