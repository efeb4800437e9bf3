import { useMemo } from 'react';
import { useUnitPeople as usePeopleOf } from '../../components/useUnitPeople.js';

/** The people of one unit as select options, by name: whom a task can be given to. */
export function useUnitPeople(unitId: string | undefined) {
  const { people, loading } = usePeopleOf(unitId);
  // Kept stable between renders: the run page's item rows are memoised on it.
  const options = useMemo(() => people.map((p) => ({ value: p.id, label: p.name })), [people]);
  return { people: options, loading };
}
