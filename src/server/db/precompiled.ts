import {
  createQueryId,
  type Compilable,
  type CompiledQuery,
  type DialectAdapter,
  type QueryExecutor,
  type RootOperationNode,
} from 'kysely';
import type { Executor } from './database.js';

/**
 * Stands for one named value while a statement is built. Only Kysely may carry it into the
 * statement as a value: reading it as text or a number (a template string, a comparison) would
 * bake the placeholder into the statement's shape, so it refuses.
 */
class Placeholder {
  constructor(readonly key: string) {}
  [Symbol.toPrimitive](): never {
    throw new Error(`precompiled: "${this.key}" was used in code; pass it to the query only as a value`);
  }
}

/** A statement compiled once, and where each of its parameters comes from. */
interface Template {
  node: RootOperationNode;
  sql: string;
  /** Per parameter: the key of the value it takes, or the fixed value the build put there. */
  slots: readonly ({ key: string } | { fixed: unknown })[];
}

export interface Precompiled<P, O> {
  execute(db: Executor, params: P): Promise<O[]>;
  executeTakeFirst(db: Executor, params: P): Promise<O | undefined>;
}

/**
 * A statement whose shape is fixed and whose values change: built and compiled once per database
 * kind, then run with each call's values by parameter position. Building and compiling a Kysely
 * query costs tens of microseconds, a large share of a small write; this is for the statements
 * every request runs (the session, the audit entry, a unit's row).
 *
 * `keys` names every field of `params` (the type checks that none is missing), so that an insert
 * of `params` as a row has all its columns. The build may use `params` only as values of the
 * query; a value left undefined is bound as null (an insert stores null, not the column's default).
 * Plugins still see each run: their `transformQuery` gets the statement (with placeholders
 * where the values go; one that changes it gets it compiled anew) and their `transformResult` the
 * result, so the test's statement counter counts these statements like any other.
 */
export function precompiled<P extends Record<string, unknown>, O>(
  keys: { readonly [K in keyof P]-?: true },
  build: (db: Executor, params: P) => Compilable<O> & { toOperationNode(): RootOperationNode },
): Precompiled<P, O> {
  const templates = new WeakMap<DialectAdapter, Template>();
  const placeholders = Object.fromEntries(Object.keys(keys).map((key) => [key, new Placeholder(key)])) as P;

  const templateFor = (db: Executor, executor: QueryExecutor): Template => {
    let template = templates.get(executor.adapter);
    if (!template) {
      // Without plugins: they see every run below instead, as they would an ordinary query.
      const node = build(db.withoutPlugins(), placeholders).toOperationNode();
      template = compile(executor, node, Object.keys(keys));
      templates.set(executor.adapter, template);
    }
    return template;
  };

  const execute = async (db: Executor, params: P): Promise<O[]> => {
    const executor = db.getExecutor();
    let template = templateFor(db, executor);
    const queryId = createQueryId();
    const node = executor.transformQuery(template.node, queryId);
    if (node !== template.node) template = compile(executor, node, Object.keys(keys));
    const parameters = template.slots.map((slot) => ('key' in slot ? (params[slot.key] ?? null) : slot.fixed));
    const query: CompiledQuery<O> = { query: node, queryId, sql: template.sql, parameters };
    return (await executor.executeQuery<O>(query)).rows;
  };

  return {
    execute,
    executeTakeFirst: async (db, params) => (await execute(db, params))[0],
  };
}

function compile(executor: QueryExecutor, node: RootOperationNode, keys: string[]): Template {
  const compiled = executor.compileQuery(node, createQueryId());
  const slots = compiled.parameters.map((p) => (p instanceof Placeholder ? { key: p.key } : { fixed: p }));
  const used = new Set(slots.flatMap((slot) => ('key' in slot ? [slot.key] : [])));
  const unused = keys.filter((key) => !used.has(key));
  if (unused.length > 0) throw new Error(`precompiled: ${unused.join(', ')} not a value of the statement`);
  return { node, sql: compiled.sql, slots };
}
