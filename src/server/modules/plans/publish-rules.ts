import type { Role } from '../../../common/org.js';
import type { PlanContent, SpecialPeriod } from '../../../common/schemas/plan-content.js';
import type { FieldProblem } from '../../lib/errors.js';
import type { MessageKey } from '../../lib/messages.js';

export interface PublishCheckInput {
  kind: 'standing' | 'special_period';
  period: SpecialPeriod | null;
  content: PlanContent;
  /** Roles that someone holds in the plan's unit. */
  unitRoles: Set<Role>;
  /** Roles held in the parent unit; null when the unit has no parent. */
  parentRoles: Set<Role> | null;
  /** People the plan may name: those registered in or holding a role in the unit. */
  knownPeople: Set<string>;
}

const problem = (field: string, key: MessageKey, params: Record<string, string | number> = {}, paramKeys?: Record<string, MessageKey>): FieldProblem =>
  ({ field, key, params, ...(paramKeys ? { paramKeys } : {}) });

/** Everything that stops a plan from being published, each naming its field; empty when it may be. */
export function publishProblems(input: PublishCheckInput): FieldProblem[] {
  return [...periodProblems(input), ...chainProblems(input), ...groupProblems(input)];
}

function periodProblems({ kind, period }: PublishCheckInput): FieldProblem[] {
  if (kind !== 'special_period') return [];
  if (!period) return [problem('period', 'plan.periodMissing')];
  if (!period.endDate) return [problem('period.endDate', 'plan.periodNoEnd')];
  if (period.endDate < period.startDate) return [problem('period.endDate', 'plan.periodEndBeforeStart')];
  return [];
}

function chainProblems({ content, unitRoles, parentRoles }: PublishCheckInput): FieldProblem[] {
  const chain = content.reportingChain;
  if (chain.length === 0) return [problem('content.reportingChain', 'plan.chainEmpty')];
  const found: FieldProblem[] = [];
  chain.forEach((step, i) => {
    const previous = chain[i - 1];
    if (previous && step.deadlineMinutes <= previous.deadlineMinutes) {
      found.push(problem(`content.reportingChain.${i}.deadlineMinutes`, 'plan.chainNotIncreasing', { step: i + 1, minutes: step.deadlineMinutes, previous: previous.deadlineMinutes }));
    }
    const holders = step.target === 'unit' ? unitRoles : parentRoles;
    if (!holders) found.push(problem(`content.reportingChain.${i}.target`, 'plan.noParent', { step: i + 1 }));
    else if (!holders.has(step.role)) {
      found.push(problem(`content.reportingChain.${i}.role`, step.target === 'unit' ? 'plan.roleUnassigned' : 'plan.parentRoleUnassigned', { step: i + 1 }, { role: `role.${step.role}` as MessageKey }));
    }
  });
  return found;
}

function groupProblems({ content, knownPeople }: PublishCheckInput): FieldProblem[] {
  const group = content.leadership;
  const found: FieldProblem[] = [];
  if (!group.leaderId) found.push(problem('content.leadership.leaderId', 'plan.leaderMissing'));
  if (!group.officeContactId) found.push(problem('content.leadership.officeContactId', 'plan.officeContactMissing'));
  const named: [string, string | null][] = [
    ['content.leadership.leaderId', group.leaderId],
    ['content.leadership.officeContactId', group.officeContactId],
    ...group.deputyIds.map((id, i) => [`content.leadership.deputyIds.${i}`, id] as [string, string]),
    ...group.memberIds.map((id, i) => [`content.leadership.memberIds.${i}`, id] as [string, string]),
  ];
  for (const [field, id] of named) if (id && !knownPeople.has(id)) found.push(problem(field, 'plan.personUnknown'));
  return found;
}
