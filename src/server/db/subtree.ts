import type { Expression, ExpressionBuilder, ReferenceExpression, SqlBool } from 'kysely';

/**
 * A unit's path holds the ids from the root down (`/a/b/c/`), so a unit and everything below it are
 * the paths that start with its own. This is the one place that says so in SQL.
 *
 * The pattern is the path and `%`, with nothing escaped: SQLite's LIKE has no escape character unless
 * told one, PostgreSQL's is the backslash, and an ESCAPE clause would change the plans both make.
 * Ids are UUIDs, so a path never holds `%`, `_` or `\`; one that does is refused here rather than
 * matching more than its subtree.
 */
export function subtreePattern(path: string): string {
  if (/[%_\\]/.test(path)) throw new Error(`not a unit path: ${JSON.stringify(path)}`);
  return `${path}%`;
}

/** `column LIKE 'path%'`: the row's unit path is `path` or below it. */
export function subtree<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: ReferenceExpression<DB, TB>,
  path: string,
): Expression<SqlBool> {
  return eb(column, 'like', subtreePattern(path) as never);
}

/** The row's unit path is in any of these subtrees (none: false). */
export function inSubtrees<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: ReferenceExpression<DB, TB>,
  paths: readonly string[],
): Expression<SqlBool> {
  return eb.or(paths.map((p) => subtree(eb, column, p)));
}
