import type { SqlExecutor } from '@hub/sql';

/**
 * The view's core ("the one view"): plain PostgreSQL tables in schema `hub_view`, the same SQL on
 * PGlite and on a PostgreSQL server. Everything in the view can be dropped and rebuilt from the events.
 *
 * Only what no single projection owns is here: the projections' checkpoints, the dead letters, and
 * `touches`, which every channel's projection writes its own slice of (by channel). Each projection's
 * tables sit beside its apply logic in `projections/` (see projection.ts).
 *
 * "As of" by construction: every table is insert-only, one row per fact (touch_months, a fold of
 * the touches kept by a trigger, aside), stamped with two times —
 * `occurred_at`, when it happened in the world (the event's `metadata.occurredAt`), and
 * `recorded_at`, when the store learned of it. A change (a cancellation, an answer, a promotion) is
 * a new row, never an UPDATE, so the view as of any (business moment, record moment) is the rows
 * that had occurred and been recorded by then (asOf.ts: `asOfSql`). People are kept as their
 * changes, each with only what it changed, and folded in business order (queries/employees.ts),
 * so a promotion recorded late still lands on the right day.
 */
export const VIEW_SCHEMA = 'hub_view';
/**
 * The core's shape; a view whose core has another shape is dropped whole and rebuilt on start
 * (projector.ts). A projection's own shape (`Projection.shape`) resets that projection alone.
 * 2: business time. 3: people's versions with validity ranges, for "now" without a fold.
 * 4: projections as units, one checkpoint each (with its shape). 5: dead letters per projection.
 * 6: touches folded per person, channel, leader and Korean month (touch_months).
 */
export const READ_MODEL_VERSION = 6;

/**
 * The calendar month in Korea (UTC+9 all year, no daylight saving since 1988) of an instant, as the
 * date of its first day; and the instant a month (such a date) begins. No time-zone database needed.
 */
export const KOREAN_MONTH_SQL = (instant: string) => `date_trunc('month', (${instant} AT TIME ZONE 'UTC') + interval '9 hours')::date`;
export const KOREAN_MONTH_START_SQL = (month: string) => `((${month})::timestamp - interval '9 hours') AT TIME ZONE 'UTC'`;

/** Touches (of `source`) folded per person, month, channel and leader: touch_months' rows. */
const FOLD_TOUCHES = (source: string) => `
  SELECT person_kind, ${KOREAN_MONTH_SQL('touched_at')}, person_id, channel, coalesce(leader_id, ''), leader_id,
         count(*), max(touched_at), max(occurred_at), max(recorded_at)
  FROM ${source} GROUP BY 1, 2, 3, 4, 5, 6`;

export const READ_MODEL_DDL = `
CREATE SCHEMA IF NOT EXISTS hub_view;

-- One row per projection: the position of the last event applied to it (-1 before the first), the
-- shape of its tables and which tables it created (dropped when it is reset). The view as a whole
-- is as far as its slowest projection (the minimum).
CREATE TABLE IF NOT EXISTS hub_view.checkpoints (
  name        text PRIMARY KEY,
  position    bigint NOT NULL,
  shape       integer NOT NULL,
  tables      text[] NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Poison events: ones a projection could not apply (it threw, or the event does not parse), parked
-- with the reason so the view goes on without them; the other projections still take the event.
-- Dropped with the view or with the projection's reset: a rebuild parks them again (or applies
-- them, once the bug is fixed).
CREATE TABLE IF NOT EXISTS hub_view.dead_letters (
  position     bigint NOT NULL,
  -- The projection that could not take it; '*' when the event does not parse (no projection can).
  projection   text NOT NULL,
  event_id     text NOT NULL,
  event_type   text NOT NULL,
  stream_name  text NOT NULL,
  reason       text NOT NULL,
  parked_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (position, projection)
);

-- One person reached by one leader (NULL: the company) through one channel at one time,
-- from one source event. Every channel feeds this table; reach, frequency and recency read it.
-- Each projection owns the rows of its channels (Projection.touchChannels): a reset deletes them.
CREATE TABLE IF NOT EXISTS hub_view.touches (
  touch_id         text NOT NULL,
  person_id        text NOT NULL,
  person_kind      text NOT NULL,
  leader_id        text,
  channel          text NOT NULL,
  mode             text NOT NULL,
  touched_at       timestamptz NOT NULL,
  source_event_id  uuid NOT NULL,
  -- What the touch came from: the café session, town hall, branch visit, video or customer visit id.
  source_id        text NOT NULL,
  source_position  bigint NOT NULL,
  occurred_at      timestamptz NOT NULL,
  recorded_at      timestamptz NOT NULL
);
-- The key as a unique index, not a primary key: a rebuild from zero builds it after the replay,
-- sorted, instead of inserting millions of random ids (from event ids) into a B-tree that
-- outgrows memory (the rebuild's cost per event grew with the view). Inserts say ON CONFLICT DO
-- NOTHING without naming it, so they need no index while it is missing.
CREATE UNIQUE INDEX IF NOT EXISTS touches_id ON hub_view.touches (touch_id);
CREATE INDEX IF NOT EXISTS touches_person ON hub_view.touches (person_id, touched_at);
CREATE INDEX IF NOT EXISTS touches_channel_time ON hub_view.touches (channel, touched_at);
CREATE INDEX IF NOT EXISTS touches_time ON hub_view.touches (touched_at, touch_id);

-- The touches folded per person, channel, leader and calendar month in Korea (month: its first
-- day), kept by the trigger below as touches are inserted: a period of whole months reads at most a
-- row per person, channel, leader and month instead of every touch (a month of the large company's
-- employees: ~77,000 video views in ~10,000 rows). A row is only used as of a moment that sees every
-- touch in it (max_occurred_at, max_recorded_at); otherwise that month is read from the touches.
CREATE TABLE IF NOT EXISTS hub_view.touch_months (
  person_kind      text NOT NULL,
  month            date NOT NULL,
  person_id        text NOT NULL,
  channel          text NOT NULL,
  -- leader_id, '' for the company (NULL cannot be part of the key)
  leader_key       text NOT NULL,
  leader_id        text,
  touches          integer NOT NULL,
  last_at          timestamptz NOT NULL,
  max_occurred_at  timestamptz NOT NULL,
  max_recorded_at  timestamptz NOT NULL,
  PRIMARY KEY (person_kind, month, person_id, channel, leader_key)
);
-- The rows holding a touch not yet happened, or not yet recorded, at a moment (periodTouches.ts):
-- asked of now, both ranges are empty.
CREATE INDEX IF NOT EXISTS touch_months_occurred ON hub_view.touch_months (max_occurred_at);
CREATE INDEX IF NOT EXISTS touch_months_recorded ON hub_view.touch_months (max_recorded_at);
CREATE OR REPLACE FUNCTION hub_view.fold_touch_months() RETURNS trigger LANGUAGE plpgsql AS $fold$
BEGIN
  INSERT INTO hub_view.touch_months AS m ${FOLD_TOUCHES('inserted')}
  ON CONFLICT (person_kind, month, person_id, channel, leader_key) DO UPDATE SET
    touches = m.touches + excluded.touches,
    last_at = greatest(m.last_at, excluded.last_at),
    max_occurred_at = greatest(m.max_occurred_at, excluded.max_occurred_at),
    max_recorded_at = greatest(m.max_recorded_at, excluded.max_recorded_at);
  RETURN NULL;
END
$fold$;
`;

/** Whether touch_months follows the touches (its trigger is there): a boolean SELECT. */
export const TOUCH_MONTHS_FOLDED_SQL = `SELECT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'fold_touch_months' AND tgrelid = 'hub_view.touches'::regclass)`;

/**
 * Makes touch_months follow the touches: when its trigger is missing (a new view, or one rebuilt
 * from zero, whose replay leaves the folding to the end), creates it and folds every touch anew, in
 * the caller's transaction. Creating the trigger locks out concurrent inserts into touches until
 * that transaction ends, so no touch is folded twice or missed.
 */
export const ensureTouchMonths = async (tx: SqlExecutor) => {
  const [found] = await tx.query<{ folded: boolean }>(`${TOUCH_MONTHS_FOLDED_SQL} AS folded`);
  if (found?.folded) return;
  await tx.exec(`CREATE TRIGGER fold_touch_months AFTER INSERT ON hub_view.touches REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION hub_view.fold_touch_months()`);
  await tx.exec(`DELETE FROM hub_view.touch_months`);
  // In key order, so a month's rows sit together on disk (the trigger appends month after month).
  await tx.exec(`INSERT INTO hub_view.touch_months ${FOLD_TOUCHES('hub_view.touches')} ORDER BY 1, 2, 3, 4, 5`);
};
