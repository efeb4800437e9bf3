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
 * Stands for one named value (of one row) while a statement is built. Only Kysely may carry it
 * into the statement as a value: reading it as text or a number (a template string, a comparison)
 * would bake the placeholder into the statement's shape, so it refuses.
 */
class Placeholder {
  constructor(
    readonly key: string,
    readonly row: number,
  ) {}
  [Symbol.toPrimitive](): never {
    throw new Error(`precompiled: "${this.key}" was used in code; pass it to the query only as a value`);
  }
}

type Slot = { key: string; row: number } | { fixed: unknown };

/** A statement compiled once, and where each of its parameters comes from. */
interface Template {
  node: RootOperationNode;
  sql: string;
  /** Per parameter: the key (and row) of the value it takes, or the fixed value the build put there. */
  slots: readonly Slot[];
}

type Keys<P> = { readonly [K in keyof P]-?: true };
type Built<O> = Compilable<O> & { toOperationNode(): RootOperationNode };

export interface Precompiled<P, O> {
  execute(db: Executor, params: P): Promise<O[]>;
  executeTakeFirst(db: Executor, params: P): Promise<O | undefined>;
}

export interface PrecompiledRows<P> {
  /** Runs the statement for these rows (none: nothing runs). */
  execute(db: Executor, rows: readonly P[]): Promise<void>;
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
 * Plugins still see each run: their `transformQuery` gets the statement (with placeholders where
 * the values go; one that changes it gets it compiled anew) and their `transformResult` the
 * result, so the test's statement counter counts these statements like any other.
 */
export function precompiled<P extends Record<string, unknown>, O>(
  keys: Keys<P>,
  build: (db: Executor, params: P) => Built<O>,
): Precompiled<P, O> {
  const statement = new Statement<O>(Object.keys(keys), (db, rows) => build(db, rows[0] as P));
  const execute = (db: Executor, params: P) => statement.run(db, [params]);
  return { execute, executeTakeFirst: async (db, params) => (await execute(db, params))[0] };
}

/**
 * A multi-row insert compiled once per number of rows (and database kind), as `precompiled` is
 * for one: for the rows a write inserts together in one statement (a chain's steps, its messages).
 */
export function precompiledRows<P extends Record<string, unknown>>(
  keys: Keys<P>,
  build: (db: Executor, rows: P[]) => Built<unknown>,
): PrecompiledRows<P> {
  const statement = new Statement<unknown>(Object.keys(keys), (db, rows) => build(db, rows as P[]));
  return {
    execute: async (db, rows) => {
      if (rows.length > 0) await statement.run(db, rows);
    },
  };
}

/** Multi-row statements are kept compiled up to this many rows (a chain's steps, the people one message tells). */
const CACHED_ROWS_MAX = 32;

class Statement<O> {
  /** Per database kind, per number of rows. */
  private readonly templates = new WeakMap<DialectAdapter, Map<number, Template>>();

  constructor(
    private readonly keys: string[],
    private readonly build: (db: Executor, rows: Record<string, unknown>[]) => Built<O>,
  ) {}

  async run(db: Executor, rows: readonly Record<string, unknown>[]): Promise<O[]> {
    const executor = db.getExecutor();
    let template = this.templateFor(db, executor, rows.length);
    const queryId = createQueryId();
    const node = executor.transformQuery(template.node, queryId);
    if (node !== template.node) template = this.compile(executor, node, rows.length);
    const parameters = template.slots.map((slot) => ('key' in slot ? (rows[slot.row]![slot.key] ?? null) : slot.fixed));
    const query: CompiledQuery<O> = { query: node, queryId, sql: template.sql, parameters };
    return (await executor.executeQuery<O>(query)).rows;
  }

  private templateFor(db: Executor, executor: QueryExecutor, count: number): Template {
    let byCount = this.templates.get(executor.adapter);
    if (!byCount) this.templates.set(executor.adapter, (byCount = new Map()));
    let template = byCount.get(count);
    if (!template) {
      const placeholders = Array.from({ length: count }, (_, row) =>
        Object.fromEntries(this.keys.map((key) => [key, new Placeholder(key, row)])),
      );
      // Without plugins: they see every run instead, as they would an ordinary query.
      template = this.compile(executor, this.build(db.withoutPlugins(), placeholders).toOperationNode(), count);
      // A rare large batch is compiled for itself only: kept, every size seen would stay in memory.
      if (count <= CACHED_ROWS_MAX) byCount.set(count, template);
    }
    return template;
  }

  private compile(executor: QueryExecutor, node: RootOperationNode, count: number): Template {
    const compiled = executor.compileQuery(node, createQueryId());
    const slots: Slot[] = compiled.parameters.map((p) =>
      p instanceof Placeholder ? { key: p.key, row: p.row } : { fixed: p },
    );
    const used = new Set(slots.flatMap((slot) => ('key' in slot ? [`${slot.row}:${slot.key}`] : [])));
    const unused = this.keys.filter(
      (key) => !Array.from({ length: count }, (_, row) => used.has(`${row}:${key}`)).every(Boolean),
    );
    if (unused.length > 0) throw new Error(`precompiled: ${unused.join(', ')} not a value of the statement`);
    return { node, sql: compiled.sql, slots };
  }
}
