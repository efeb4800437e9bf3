/** One `true` per column of a table: the type refuses a list with a column missing. */
export type EveryColumn<Table> = { readonly [K in keyof Table]-?: true };

/**
 * Every column of a table, each by name (`units.id`, `units.name`, …), for the statements run on
 * every request. On PostgreSQL those are kept prepared by text (`prepared-statements.ts`), which a
 * `select *` cannot be: a migration adding a column would break it on the instances still running.
 * The list is checked against the table's type, so a column added later must be added here too.
 */
export function allColumns<T extends string, Table>(table: T, columns: EveryColumn<Table>) {
  return Object.keys(columns).map((column) => `${table}.${column}`) as `${T}.${keyof Table & string}`[];
}
