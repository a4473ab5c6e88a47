/** The event table. One global sequence gives `position`; (stream_name, stream_revision) is unique. */
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
`;

/** Key of the transaction-scoped advisory lock every append takes (see README: global order). */
export const APPEND_LOCK_KEY = 7_346_001;
/** Key of the lock that keeps two processes from creating the schema at once. */
export const MIGRATION_LOCK_KEY = 7_346_000;
