import { Empty, Input, List, Spin, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import type { Unit } from '../../../common/schemas/units.js';
import { unitsApi } from '../../api/endpoints.js';
import { unitTypeLabel } from '../../components/labels.js';
import { useResource } from '../../components/useResource.js';
import { useT } from '../../i18n/index.js';
import type { UnitTreeStore } from './useUnitTree.js';

interface Props {
  tree: UnitTreeStore;
  selectedId: string | undefined;
  expanded: string[];
  onExpand: (keys: string[]) => void;
  onSelect: (id: string) => void;
}

function UnitTitle({ unit }: { unit: Unit }) {
  const t = useT();
  return (
    <span data-unit-id={unit.id}>
      {unit.name}{' '}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {unitTypeLabel(t, unit.type)}
      </Typography.Text>
    </span>
  );
}

/** The organisation tree, loaded a level at a time, with a name search across everything visible. */
export function UnitTree({ tree, selectedId, expanded, onExpand, onSelect }: Props) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const choose = (id: string) => {
    setTyped('');
    setQuery('');
    onSelect(id);
  };

  const nodes = useMemo(() => {
    const build = (ids: string[]): TreeDataNode[] =>
      ids.flatMap((id) => {
        const unit = tree.unit(id);
        if (!unit) return [];
        const kids = tree.childIds(id);
        return [
          {
            key: id,
            title: <UnitTitle unit={unit} />,
            isLeaf: unit.childCount === 0,
            children: kids ? build(kids) : undefined,
          },
        ];
      });
    return build(tree.rootIds() ?? []);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tree.version]);

  const search = useResource(
    async () => (query ? (await unitsApi.list({ q: query, pageSize: 50 })).items : []),
    [query],
  );

  return (
    <>
      <Input.Search
        allowClear
        placeholder={t('units.treeSearch')}
        value={typed}
        onSearch={(value) => setQuery(value.trim())}
        onChange={(e) => {
          setTyped(e.target.value);
          if (!e.target.value) setQuery('');
        }}
        style={{ marginBottom: 12 }}
      />
      {query ? (
        <List
          size="small"
          loading={search.loading}
          dataSource={search.data ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
          renderItem={(unit) => (
            <List.Item style={{ cursor: 'pointer' }} onClick={() => choose(unit.id)}>
              <UnitTitle unit={unit} />
            </List.Item>
          )}
        />
      ) : tree.rootIds() === undefined ? (
        <Spin style={{ display: 'block', margin: '24px auto' }} />
      ) : nodes.length === 0 ? (
        <Empty description={t('units.empty')} />
      ) : (
        <Tree
          className="steady-tree"
          showLine
          blockNode
          treeData={nodes}
          selectedKeys={selectedId ? [selectedId] : []}
          expandedKeys={expanded}
          onExpand={(keys) => onExpand(keys.map(String))}
          onSelect={(keys) => keys[0] !== undefined && onSelect(String(keys[0]))}
          loadData={(node) =>
            tree.childIds(String(node.key)) ? Promise.resolve() : tree.loadChildren(String(node.key))
          }
        />
      )}
    </>
  );
}
