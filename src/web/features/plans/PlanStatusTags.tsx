import { Tag } from 'antd';
import type { SpecialPeriod } from '../../../common/schemas/plan-content.js';
import type { PlanVersion } from '../../../common/schemas/plans.js';
import type { PlanSummary } from '../../api/endpoints.js';
import { PLAN_STATUS_COLOURS, planStatusLabel } from '../../components/labels.js';
import { useT, type Translate } from '../../i18n/index.js';

export function periodText(t: Translate, period: SpecialPeriod): string {
  return period.endDate
    ? t('plans.period', { start: period.startDate, end: period.endDate })
    : t('plans.periodOpen', { start: period.startDate });
}

/** A plan in the list: in force, published version, draft in progress, special period dates. */
export function PlanSummaryTags({ plan }: { plan: PlanSummary }) {
  const t = useT();
  // A unit has one standing plan in force; a published standing plan that is not has been replaced.
  const superseded = plan.kind === 'standing' && plan.publishedVersion !== null && !plan.inForce;
  return (
    <span data-testid="plan-tags">
      {plan.inForce && (
        <Tag color="green" variant="solid">
          {t('plans.inForce')}
        </Tag>
      )}
      {plan.publishedVersion !== null && superseded ? (
        <Tag color={PLAN_STATUS_COLOURS.superseded}>
          {planStatusLabel(t, 'superseded')} · {t('plans.version', { version: plan.publishedVersion })}
        </Tag>
      ) : plan.publishedVersion !== null ? (
        <Tag color={PLAN_STATUS_COLOURS.published}>
          {t('plans.publishedVersion', { version: plan.publishedVersion })}
        </Tag>
      ) : (
        <Tag>{t('plans.neverPublished')}</Tag>
      )}
      {plan.draftVersion !== null && (
        <Tag color={PLAN_STATUS_COLOURS.draft}>{t('plans.draftVersion', { version: plan.draftVersion })}</Tag>
      )}
      {plan.period && (
        <Tag color="purple">
          {plan.period.name} · {periodText(t, plan.period)}
        </Tag>
      )}
    </span>
  );
}

/** One version's status as a tag: 草稿, 已发布, 已废止. */
export function PlanStatusTag({ status }: { status: PlanVersion['status'] }) {
  const t = useT();
  return (
    <Tag color={PLAN_STATUS_COLOURS[status]} data-testid="plan-status">
      {planStatusLabel(t, status)}
    </Tag>
  );
}
