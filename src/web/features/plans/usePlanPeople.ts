import type { PlanVersion } from '../../../common/schemas/plans.js';
import { PAGE_SIZE_MAX } from '../../../common/limits.js';
import { peopleApi } from '../../api/endpoints.js';
import { roleLabel } from '../../components/labels.js';
import { useResource } from '../../components/useResource.js';
import { useLocale, useT } from '../../i18n/index.js';

/** A person the plan may name, with their roles in the unit as a hint. */
export interface PlanPerson {
  id: string;
  name: string;
  phone: string | null;
  hint?: string;
}

/** The unit's people (registered there or holding a role there), plus anyone the plan already names. */
export function usePlanPeople(plan: PlanVersion | undefined): { people: PlanPerson[]; loading: boolean } {
  const t = useT();
  const { locale } = useLocale();
  const unitId = plan?.unitId;
  const listed = useResource(
    () => (unitId ? peopleApi.list({ unitId, subtree: false, pageSize: PAGE_SIZE_MAX }) : Promise.resolve(undefined)),
    [unitId],
  );
  const people: PlanPerson[] = (listed.data?.items ?? []).map((p) => {
    const roles = p.roles.filter((r) => r.unitId === unitId).map((r) => roleLabel(t, r.role));
    return { id: p.id, name: p.name, phone: p.phone, hint: roles.join(locale === 'zh-CN' ? '、' : ', ') || undefined };
  });
  for (const named of plan?.people ?? []) if (!people.some((p) => p.id === named.id)) people.push(named);
  return { people, loading: listed.loading };
}
