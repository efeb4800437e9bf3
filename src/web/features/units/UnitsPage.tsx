import { Card, Col, Empty, Grid, Row } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Unit } from '../../../common/schemas/units.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useT } from '../../i18n/index.js';
import { canManageUnit } from '../auth/permissions.js';
import { useMe } from '../auth/session.js';
import { MoveUnitModal } from './MoveUnitModal.js';
import { UnitDetail } from './UnitDetail.js';
import { UnitFormModal, type UnitFormTarget } from './UnitFormModal.js';
import { UnitTree } from './UnitTree.js';
import { useUnitTree } from './useUnitTree.js';

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/** The organisation tree on the left, the chosen unit on the right (stacked on a phone). */
export default function UnitsPage() {
  const t = useT();
  const me = useMe();
  const tree = useUnitTree();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('unit') ?? undefined;
  const [expanded, setExpanded] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [formTarget, setFormTarget] = useState<UnitFormTarget | null>(null);
  const [moving, setMoving] = useState<Unit | null>(null);
  const detailRef = useRef<HTMLDivElement>(null);

  const select = useCallback((id: string) => setParams({ unit: id }, { replace: true }), [setParams]);

  /** Loads the way down to `id`, opens it in the tree and selects it. */
  const show = useCallback(
    async (id: string) => {
      const chain = await tree.reveal(id);
      setExpanded((keys) => union(keys, chain));
      select(id);
    },
    [tree, select],
  );

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const roots = await tree.loadRoots();
      if (cancelled) return;
      const initial = params.get('unit') ?? roots[0];
      if (!initial) return;
      await show(initial);
      if (roots.includes(initial)) {
        await tree.loadChildren(initial);
        setExpanded((keys) => union(keys, [initial]));
      }
    })().catch((err: unknown) => !cancelled && setError(err));
    return () => {
      cancelled = true;
    };
    // Only on arrival; later selections go through `show`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const selected = selectedId ? tree.unit(selectedId) : undefined;
  const rootIds = tree.rootIds() ?? [];
  const canManage = selected ? canManageUnit(me, selected.id, tree.parentOf) : false;
  const parentName = selected?.parentId ? tree.unit(selected.parentId)?.name : undefined;

  const onSaved = async (saved: Unit) => {
    const wasCreate = formTarget?.kind === 'create';
    setFormTarget(null);
    if (wasCreate && saved.parentId) {
      await tree.loadChildren(saved.parentId);
      await show(saved.id);
      await tree.refreshUnit(saved.parentId);
    } else {
      await (saved.parentId && tree.childIds(saved.parentId)
        ? tree.loadChildren(saved.parentId)
        : tree.refreshUnit(saved.id));
      await tree.refreshUnit(saved.id);
    }
  };

  const onMoved = async (moved: Unit, newParent: Unit) => {
    const oldParentId = moving?.parentId;
    setMoving(null);
    if (oldParentId) await tree.refreshUnit(oldParentId);
    await tree.refreshUnit(newParent.id);
    await tree.loadChildren(newParent.id);
    await show(moved.id);
  };

  const onSelectInTree = (id: string) => {
    void show(id);
    if (!screens.lg) setTimeout(() => detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
  };

  return (
    <>
      <PageTitle title={t('units.title')} />
      {error ? <LoadError error={error} onRetry={() => window.location.reload()} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10} xl={9}>
          <Card title={t('units.tree')} size="small" data-testid="unit-tree">
            <UnitTree
              tree={tree}
              selectedId={selectedId}
              expanded={expanded}
              onExpand={setExpanded}
              onSelect={onSelectInTree}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14} xl={15}>
          <div ref={detailRef}>
            <Card size="small">
              {selected ? (
                <UnitDetail
                  unit={selected}
                  parentName={parentName}
                  canManage={canManage}
                  canMove={canManage && !rootIds.includes(selected.id)}
                  onAdd={() => setFormTarget({ kind: 'create', parent: selected })}
                  onEdit={() => setFormTarget({ kind: 'edit', unit: selected })}
                  onMove={() => setMoving(selected)}
                />
              ) : (
                <Empty description={t('units.selectHint')} style={{ padding: 32 }} />
              )}
            </Card>
          </div>
        </Col>
      </Row>
      <UnitFormModal target={formTarget} onClose={() => setFormTarget(null)} onSaved={(u) => void onSaved(u)} />
      <MoveUnitModal unit={moving} onClose={() => setMoving(null)} onMoved={(u, p) => void onMoved(u, p)} />
    </>
  );
}
