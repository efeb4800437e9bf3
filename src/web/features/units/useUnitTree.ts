import { useCallback, useMemo, useReducer, useRef } from 'react';
import type { Unit } from '../../../common/schemas/units.js';
import { PAGE_SIZE_MAX } from '../../../common/limits.js';
import { unitsApi, type UnitQuery } from '../../api/endpoints.js';

const ROOTS = '';

/** Every page of a unit listing (children of one unit rarely pass one page). */
async function listAll(query: UnitQuery): Promise<Unit[]> {
  const items: Unit[] = [];
  for (let page = 1; ; page++) {
    const result = await unitsApi.list({ ...query, page, pageSize: PAGE_SIZE_MAX });
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) return items;
  }
}

export interface UnitTreeStore {
  /** Changes whenever the loaded tree changes; use it as a memo dependency. */
  version: number;
  unit: (id: string) => Unit | undefined;
  rootIds: () => string[] | undefined;
  childIds: (id: string) => string[] | undefined;
  parentOf: (id: string) => string | null | undefined;
  loadRoots: () => Promise<string[]>;
  loadChildren: (parentId: string) => Promise<void>;
  /** Reloads a unit (its child count may have changed) and, when they were loaded, its children. */
  refreshUnit: (id: string) => Promise<void>;
  /** Loads every ancestor of `id` down from a top unit; returns their ids, top first. */
  reveal: (id: string) => Promise<string[]>;
}

/** The part of the organisation tree loaded so far, shared by the tree and the unit pickers. */
export function useUnitTree(): UnitTreeStore {
  const units = useRef(new Map<string, Unit>());
  const children = useRef(new Map<string, string[]>());
  const [version, bump] = useReducer((n: number) => n + 1, 0);

  const store = useCallback((list: Unit[], parentKey: string) => {
    for (const unit of list) units.current.set(unit.id, unit);
    children.current.set(
      parentKey,
      list.map((u) => u.id),
    );
    bump();
  }, []);

  const loadRoots = useCallback(async () => {
    const roots = await listAll({ roots: true });
    store(roots, ROOTS);
    return roots.map((u) => u.id);
  }, [store]);

  const loadChildren = useCallback(async (parentId: string) => store(await listAll({ parentId }), parentId), [store]);

  const refreshUnit = useCallback(
    async (id: string) => {
      units.current.set(id, await unitsApi.get(id));
      bump();
      if (children.current.has(id)) await loadChildren(id);
    },
    [loadChildren],
  );

  const reveal = useCallback(
    async (id: string) => {
      const roots = children.current.get(ROOTS) ?? (await loadRoots());
      const chain: string[] = [];
      let current: Unit | undefined = units.current.get(id) ?? (await unitsApi.get(id));
      units.current.set(id, current);
      while (current && !roots.includes(current.id) && current.parentId) {
        const parentId: string = current.parentId;
        chain.unshift(parentId);
        current = units.current.get(parentId) ?? (await unitsApi.get(parentId).catch(() => undefined));
        if (current) units.current.set(current.id, current);
      }
      if (!current || !roots.includes(current.id)) return [];
      for (const ancestor of chain) if (!children.current.has(ancestor)) await loadChildren(ancestor);
      return chain;
    },
    [loadRoots, loadChildren],
  );

  return useMemo(
    () => ({
      version,
      unit: (id) => units.current.get(id),
      rootIds: () => children.current.get(ROOTS),
      childIds: (id) => children.current.get(id),
      parentOf: (id) => units.current.get(id)?.parentId,
      loadRoots,
      loadChildren,
      refreshUnit,
      reveal,
    }),
    [version, loadRoots, loadChildren, refreshUnit, reveal],
  );
}
