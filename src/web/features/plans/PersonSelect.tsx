import { Select } from 'antd';
import type { ReactNode } from 'react';
import type { PlanPerson } from './usePlanPeople.js';
import { useT } from '../../i18n/index.js';

type Props = { people: PlanPerson[]; disabled?: boolean; error?: boolean; id?: string; loading?: boolean } & (
  | { multiple?: false; value: string | null; onChange: (id: string | null) => void }
  | { multiple: true; value: string[]; onChange: (ids: string[]) => void }
);

/** Chooses one or several of the unit's people, searchable by name or phone. */
export function PersonSelect(props: Props) {
  const t = useT();
  const options = props.people.map((p) => ({
    value: p.id,
    label: p.name,
    search: `${p.name} ${p.phone ?? ''}`,
    hint: p.hint,
  }));
  const common = {
    id: props.id,
    options,
    disabled: props.disabled,
    loading: props.loading,
    status: props.error ? ('error' as const) : undefined,
    placeholder: t('leadership.pickPerson'),
    showSearch: { optionFilterProp: 'search' },
    optionRender: (option: { data: { label?: ReactNode; hint?: unknown } }) => (
      <span>
        {option.data.label}
        {typeof option.data.hint === 'string' && (
          <span style={{ color: '#8c8c8c', marginInlineStart: 8, fontSize: 12 }}>{option.data.hint}</span>
        )}
      </span>
    ),
    style: { width: '100%' },
  };
  if (props.multiple) {
    return <Select<string[]> {...common} mode="multiple" value={props.value} onChange={(ids) => props.onChange(ids)} />;
  }
  return (
    <Select<string | null> {...common} allowClear value={props.value} onChange={(id) => props.onChange(id ?? null)} />
  );
}
