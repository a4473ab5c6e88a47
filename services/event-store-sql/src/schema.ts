/** Key of the advisory lock that orders appends against readers (see README: global order). */
export const APPEND_LOCK_KEY = 7_346_001;
/** Key of the lock that keeps two processes from creating the schema at once. */
export const MIGRATION_LOCK_KEY = 7_346_000;

/**
 * The event table. One global sequence gives `position`; (stream_name, stream_revision) is unique.
 * `append(…)` is one append (sqlEventStore.ts calls it, one statement, its own transaction): take
 * the append lock shared (appends run side by side; only a reader's fence waits for them), read the
 * stream's head, and insert the batch at the next revisions if the expected revision holds —
 * positions come from the sequence after the lock is held. Answers the head it read and, if it
 * wrote, the last position. A function because PL/pgSQL keeps its statements' plans for the
 * session: the same statement sent as SQL was parsed and planned on every append, which cost as much
 * as the insert itself for a one-event append (~220 µs of ~460 on PostgreSQL).
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
CREATE OR REPLACE FUNCTION hub_events.append(
  stream text, expected text, expected_revision bigint, ids uuid[], types text[], data jsonb[], metadata jsonb[],
  OUT head bigint, OUT last_position bigint
) LANGUAGE plpgsql VOLATILE AS $append$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(${APPEND_LOCK_KEY});
  SELECT max(e.stream_revision) INTO head FROM hub_events.events e WHERE e.stream_name = stream;
  IF expected = 'any' OR (expected = 'no_stream' AND head IS NULL) OR (expected = 'exact' AND head = expected_revision) THEN
    WITH inserted AS (
      INSERT INTO hub_events.events (event_id, stream_name, stream_revision, type, data, metadata)
      SELECT b.id, stream, coalesce(head, -1) + b.n, b.type, b.data, b.metadata
      FROM unnest(ids, types, data, metadata) WITH ORDINALITY AS b (id, type, data, metadata, n)
      ORDER BY b.n
      RETURNING position
    )
    SELECT max(i.position) INTO last_position FROM inserted i;
  END IF;
END
$append$;
`;
