import { peopleApi } from '../../api/endpoints.js';
import { useAsync } from '../../components/useAsync.js';

/** The people of one unit (registered there or holding a role), by name: whom a task can be given to. */
export function useUnitPeople(unitId: string | undefined) {
  const state = useAsync(
    () => (unitId ? peopleApi.list({ unitId, subtree: false, pageSize: 500 }).then((p) => p.items.map((x) => ({ value: x.id, label: x.name }))) : Promise.resolve([])),
    [unitId],
  );
  return { people: state.data ?? [], loading: state.loading };
}
