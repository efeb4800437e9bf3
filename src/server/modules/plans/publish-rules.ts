import type { Role } from '../../../common/org.js';
import type { ChainStep, PlanContent, SpecialPeriod } from '../../../common/schemas/plan-content.js';
import { chainTargetUnit, type LineageUnit } from './chain-target.js';
import type { FieldProblem } from '../../lib/errors.js';
import type { MessageKey } from '../../lib/messages.js';

export interface PublishCheckInput {
  kind: 'standing' | 'special_period';
  period: SpecialPeriod | null;
  content: PlanContent;
  /** The plan's unit and every unit above it, nearest first, each with the roles someone holds there. */
  lineage: (LineageUnit & { name: string; roles: Set<Role> })[];
  /** People the plan may name: those registered in or holding a role in the unit. */
  knownPeople: Set<string>;
}

const problem = (
  field: string,
  key: MessageKey,
  params: Record<string, string | number> = {},
  paramKeys?: Record<string, MessageKey>,
): FieldProblem => ({ field, key, params, ...(paramKeys ? { paramKeys } : {}) });

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

/** Why a step's target names no unit above: the field at fault and the sentence. */
function targetProblem(step: ChainStep, i: number): FieldProblem {
  const at = `content.reportingChain.${i}`;
  if (step.target === 'parent') return problem(`${at}.target`, 'plan.noParent', { step: i + 1 });
  if (step.target === 'nearest')
    return problem(`${at}.unitType`, step.unitType ? 'plan.chainNoTypeAbove' : 'plan.chainTypeMissing', {
      step: i + 1,
    });
  return problem(`${at}.unitId`, 'plan.chainTargetNotAbove', { step: i + 1 });
}

function chainProblems({ content, lineage }: PublishCheckInput): FieldProblem[] {
  const chain = content.reportingChain;
  if (chain.length === 0) return [problem('content.reportingChain', 'plan.chainEmpty')];
  const found: FieldProblem[] = [];
  chain.forEach((step, i) => {
    const previous = chain[i - 1];
    if (previous && step.deadlineMinutes <= previous.deadlineMinutes) {
      found.push(
        problem(`content.reportingChain.${i}.deadlineMinutes`, 'plan.chainNotIncreasing', {
          step: i + 1,
          minutes: step.deadlineMinutes,
          previous: previous.deadlineMinutes,
        }),
      );
    }
    const target = chainTargetUnit(step, lineage);
    if (!target) found.push(targetProblem(step, i));
    else if (!lineage.find((u) => u.id === target.id)!.roles.has(step.role)) {
      const key =
        step.target === 'unit'
          ? 'plan.roleUnassigned'
          : step.target === 'parent'
            ? 'plan.parentRoleUnassigned'
            : 'plan.targetRoleUnassigned';
      found.push(
        problem(
          `content.reportingChain.${i}.role`,
          key,
          { step: i + 1, unit: lineage.find((u) => u.id === target.id)!.name },
          { role: `role.${step.role}` as MessageKey },
        ),
      );
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
