import { useMemo } from 'react';
import { PAGE_SIZE_MAX } from '../../common/limits.js';
import { peopleApi } from '../api/endpoints.js';
import { roleLabel } from './labels.js';
import { useResource } from './useResource.js';
import { useLocale, useT } from '../i18n/index.js';

/** Someone of a unit, as a picker offers them: the name, and their roles there as a hint. */
export interface UnitPerson {
  id: string;
  name: string;
  hint?: string;
}

/**
 * The people of one unit (registered there or holding a role there), for the pickers of the
 * visitor, drill, case and inspection screens.
 */
export function useUnitPeople(unitId: string | undefined): { people: UnitPerson[]; loading: boolean } {
  const t = useT();
  const { locale } = useLocale();
  const listed = useResource(
    () => (unitId ? peopleApi.list({ unitId, subtree: false, pageSize: PAGE_SIZE_MAX }) : Promise.resolve(undefined)),
    [unitId],
  );
  const people = useMemo(
    () =>
      (listed.data?.items ?? []).map((p) => {
        const roles = p.roles.filter((r) => r.unitId === unitId).map((r) => roleLabel(t, r.role));
        return { id: p.id, name: p.name, hint: roles.join(locale === 'zh-CN' ? '、' : ', ') || undefined };
      }),
    [listed.data, unitId, t, locale],
  );
  return { people, loading: listed.loading };
}
