/** Key of the advisory lock that orders appends against readers (see README: global order). */
export const APPEND_LOCK_KEY = 7_346_001;
/** Key of the lock that keeps two processes from creating the schema at once. */
export const MIGRATION_LOCK_KEY = 7_346_000;

/**
 * The event table. One global sequence gives `position`; (stream_name, stream_revision) is unique.
 * `read_fence()` answers the highest position below which nothing can still commit: it waits until
 * the appends in flight (each holds the append lock shared) have ended, then reads the head with a
 * fresh snapshot (a volatile function takes one per statement under READ COMMITTED). Idempotent:
 * runs on every start, so an existing store gains the function and keeps its rows and positions.
 */
export const EVENT_STORE_SCHEMA = `
CREATE SCHEMA IF NOT EXISTS hub_events;
CREATE TABLE IF NOT EXISTS hub_events.events (
  position        bigserial PRIMARY KEY,
  event_id        uuid        NOT NULL UNIQUE,
  stream_name     text        NOT NULL,
  stream_revision bigint      NOT NULL,
  type            text        NOT NULL,
  data            jsonb       NOT NULL,
  metadata        jsonb       NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (stream_name, stream_revision)
);
CREATE OR REPLACE FUNCTION hub_events.read_fence() RETURNS bigint LANGUAGE plpgsql VOLATILE AS $fence$
DECLARE head bigint;
BEGIN
  -- Under a stricter isolation the head below would come from a snapshot taken before the wait.
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'hub_events.read_fence() needs READ COMMITTED, not %', current_setting('transaction_isolation');
  END IF;
  PERFORM pg_advisory_xact_lock(${APPEND_LOCK_KEY});
  SELECT max(position) INTO head FROM hub_events.events;
  RETURN head;
END
$fence$;
`;
