import { Button, Flex, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Unit } from '../../../common/schemas/units.js';
import { PAGE_SIZE_MAX } from '../../../common/limits.js';
import { unitsApi } from '../../api/endpoints.js';
import { useDirectiveText } from './i18n.js';

interface Props {
  /** The sending unit: only units below it are offered. */
  senderId: string | undefined;
  value?: string[];
  onChange?: (ids: string[]) => void;
  id?: string;
}

async function childrenOf(parentId: string): Promise<Unit[]> {
  const items: Unit[] = [];
  for (let page = 1; ; page++) {
    const result = await unitsApi.list({ parentId, page, pageSize: PAGE_SIZE_MAX });
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) return items;
  }
}

/**
 * Picks receiving units from the tree below the sender, a level at a time. Each unit is checked on
 * its own (a central school and not its schools, or the other way round), as directives go to
 * exactly the units chosen.
 */
export function TargetPicker({ senderId, value = [], onChange, id }: Props) {
  const dt = useDirectiveText();
  const [units, setUnits] = useState(new Map<string, Unit>());
  const [kids, setKids] = useState(new Map<string, string[]>());

  const load = async (parentId: string) => {
    const list = await childrenOf(parentId);
    setUnits((before) => new Map([...before, ...list.map((u) => [u.id, u] as const)]));
    setKids((before) =>
      new Map(before).set(
        parentId,
        list.map((u) => u.id),
      ),
    );
  };
  useEffect(() => {
    setUnits(new Map());
    setKids(new Map());
    if (senderId) void load(senderId).catch(() => undefined);
  }, [senderId]);

  const treeData = useMemo(() => {
    const build = (ids: string[]): object[] =>
      ids.map((unitId) => {
        const unit = units.get(unitId)!;
        const below = kids.get(unitId);
        return {
          value: unit.id,
          title: unit.name,
          isLeaf: unit.childCount === 0,
          children: below ? build(below) : undefined,
        };
      });
    return senderId ? build(kids.get(senderId) ?? []) : [];
  }, [units, kids, senderId]);
  const direct = senderId ? (kids.get(senderId) ?? []) : [];

  return (
    <Flex vertical gap={6}>
      <TreeSelect
        id={id}
        multiple
        treeCheckable
        treeCheckStrictly
        value={value.map((v) => ({ value: v, label: units.get(v)?.name ?? v }))}
        onChange={(next: { value: string }[]) => onChange?.(next.map((n) => n.value))}
        treeData={treeData}
        loadData={(node) => (kids.has(String(node.value)) ? Promise.resolve() : load(String(node.value)))}
        showSearch={{ treeNodeFilterProp: 'title' }}
        maxTagCount="responsive"
        disabled={!senderId}
        style={{ width: '100%' }}
        popupMatchSelectWidth={false}
        data-testid="targets"
      />
      <div>
        <Button
          size="small"
          disabled={direct.length === 0}
          onClick={() => onChange?.([...new Set([...value, ...direct])])}
          data-testid="all-children"
        >
          {dt('new.allChildren')}
        </Button>
      </div>
    </Flex>
  );
}
