// The whole portability layer between the SQL store and its two engines: PGlite (PostgreSQL in
// WebAssembly, embedded, one process) and PostgreSQL through `pg`. Both take `$1, $2 …` parameters
// and the same SQL, written to a PostgreSQL 14 floor.

/** What a statement runs on: the database, or one transaction's connection. */
export interface Queryable {
  /** Runs one statement with parameters; the rows it returns. */
  query<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/** A database the SQL store can use. */
export interface Db extends Queryable {
  /** Runs several statements (migrations) without parameters. */
  exec(sql: string): Promise<void>;
  /**
   * Runs `work` in one transaction on one connection: committed if it resolves, rolled back if it
   * throws. `readOnly`: a consistent snapshot that may not write (PostgreSQL: REPEATABLE READ READ
   * ONLY; PGlite runs one transaction at a time, which is a snapshot already).
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>, options?: { readonly readOnly?: boolean }): Promise<T>;
  /** Which engine this is: migrations lock differently on each. */
  readonly engine: 'pglite' | 'postgres';
  close(): Promise<void>;
}
