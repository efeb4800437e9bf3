import { TreeSelect, Typography } from 'antd';
import { useEffect, useMemo, type CSSProperties } from 'react';
import { unitTypeLabel } from './labels.js';
import { useUnitTree } from '../features/units/useUnitTree.js';
import { useT } from '../i18n/index.js';

interface Props {
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  id?: string;
  /** The chosen unit's name where the tree cannot be loaded (offline): shown instead of its id. */
  knownName?: string;
}

/** Picks one unit the user can see, browsing the tree a level at a time. */
export function UnitPicker({ value, onChange, placeholder, allowClear, style, id, knownName }: Props) {
  const t = useT();
  const tree = useUnitTree();

  useEffect(() => {
    // Load the way down to the chosen unit so its name shows; otherwise just the top units.
    const loading = value ? tree.reveal(value) : tree.rootIds() ? undefined : tree.loadRoots();
    loading?.catch(() => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  const treeData = useMemo(() => {
    const build = (ids: string[]): object[] =>
      ids.flatMap((unitId) => {
        const unit = tree.unit(unitId);
        if (!unit) return [];
        const kids = tree.childIds(unitId);
        return [
          {
            value: unit.id,
            label: unit.name,
            title: (
              <span>
                {unit.name}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {unitTypeLabel(t, unit.type)}
                </Typography.Text>
              </span>
            ),
            isLeaf: unit.childCount === 0,
            children: kids ? build(kids) : undefined,
          },
        ];
      });
    const built = build(tree.rootIds() ?? []);
    const unknown = value && knownName && !tree.unit(value);
    return unknown ? [...built, { value, label: knownName, title: knownName, isLeaf: true }] : built;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tree.version, t, value, knownName]);

  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={(next: string | undefined) => onChange?.(next)}
      treeData={treeData}
      treeNodeLabelProp="label"
      loadData={(node) =>
        tree.childIds(String(node.value)) ? Promise.resolve() : tree.loadChildren(String(node.value))
      }
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'label' }}
      treeLine
      style={{ minWidth: 200, ...style }}
      popupMatchSelectWidth={false}
      loading={tree.rootIds() === undefined}
    />
  );
}
