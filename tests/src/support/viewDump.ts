import type { SqlExecutor } from '@hub/sql';

/**
 * Every row of every view table, in a stable order: what "equal views" means. The checkpoint is
 * left out (its time differs), and so is when a dead letter was parked (a rebuild parks it anew).
 */
export const dumpView = async (db: SqlExecutor) => {
  const tables = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'hub_view' AND table_name <> 'checkpoints' ORDER BY 1`,
  );
  const dump: Record<string, unknown[]> = {};
  for (const { table_name } of tables) {
    dump[table_name] =
      table_name === 'dead_letters'
        ? await db.query(
            'SELECT position, projection, event_id, event_type, stream_name, reason FROM hub_view.dead_letters ORDER BY position, projection',
          )
        : await db.query(`SELECT * FROM hub_view.${table_name} ORDER BY 1, 2, 3`);
  }
  return dump;
};
