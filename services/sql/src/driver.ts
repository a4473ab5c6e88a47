/**
 * The one SQL port both the event store and the read model use. Two drivers implement it:
 * `pg` for a real PostgreSQL server and PGlite for the embedded default; the SQL is the same.
 */
export interface QueryOptions {
  signal?: AbortSignal;
}

export interface SqlExecutor {
  /**
   * `signal`: the caller no longer wants the answer (its request's time is up). A statement still
   * waiting for its turn is then never run; one already running finishes (see each driver).
   */
  query<R extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<R[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface SqlDriver extends SqlExecutor {
  readonly kind: 'postgres' | 'pglite';
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
