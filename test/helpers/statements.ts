import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

/** One statement as a test names it: its kind and table, e.g. `insert incident_steps`. */
function describe(node: RootOperationNode): string {
  const kind = node.kind.replace(/QueryNode$/, '').toLowerCase();
  const tableOf = (n: unknown): string | undefined => {
    const table = (n as { table?: { table?: { identifier?: { name?: string } } } } | undefined)?.table;
    return table?.table?.identifier?.name;
  };
  switch (node.kind) {
    case 'SelectQueryNode': {
      const from = node.from?.froms.map((f) => tableOf({ table: f }) ?? tableOf(f) ?? '?') ?? [];
      return `select ${from.join(',')}`;
    }
    case 'InsertQueryNode':
      return `insert ${node.into?.table.identifier.name ?? '?'}`;
    case 'UpdateQueryNode':
      return `update ${tableOf({ table: node.table }) ?? tableOf(node.table) ?? '?'}`;
    case 'DeleteQueryNode':
      return `delete ${node.from.froms.map((f) => tableOf({ table: f }) ?? '?').join(',')}`;
    default:
      return kind;
  }
}

/**
 * Counts the SQL statements the app runs, as a Kysely plugin on the test app's database: a
 * statement counts once it has run (its result comes back), so a query built and never run does
 * not. BEGIN and COMMIT are the driver's, not built by Kysely, and are not counted.
 */
export class StatementCounter implements KyselyPlugin {
  private readonly pending = new Map<unknown, string>();
  private recording: string[] | null = null;

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (this.recording) this.pending.set(args.queryId, describe(args.node));
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const statement = this.pending.get(args.queryId);
    if (statement !== undefined) {
      this.pending.delete(args.queryId);
      this.recording?.push(statement);
    }
    return args.result;
  }

  /** The statements `work` runs, in order (nothing else may use the database meanwhile). */
  async during<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    const statements: string[] = [];
    this.recording = statements;
    try {
      return { result: await work(), statements };
    } finally {
      this.recording = null;
      this.pending.clear();
    }
  }
}
