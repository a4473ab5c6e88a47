/**
 * The read model ("the one view"): plain PostgreSQL tables in schema `hub_view`, the same SQL on
 * PGlite and on a PostgreSQL server. Everything here can be dropped and rebuilt from the events.
 *
 * "As of" by construction: every table is insert-only, one row per fact, stamped with two times —
 * `occurred_at`, when it happened in the world (the event's `metadata.occurredAt`), and
 * `recorded_at`, when the store learned of it. A change (a cancellation, an answer, a promotion) is
 * a new row, never an UPDATE, so the view as of any (business moment, record moment) is the rows
 * that had occurred and been recorded by then (asOf.ts: `asOfSql`). People are kept as their
 * changes, each with only what it changed, and folded in business order (queries/employees.ts),
 * so a promotion recorded late still lands on the right day.
 */
export const VIEW_SCHEMA = 'hub_view';
/**
 * The view's shape; a view of another shape is dropped and rebuilt on start (projector.ts).
 * 2: business time. 3: people's versions with validity ranges, for "now" without a fold.
 */
export const READ_MODEL_VERSION = 3;

export const READ_MODEL_DDL = `
CREATE SCHEMA IF NOT EXISTS hub_view;

CREATE TABLE IF NOT EXISTS hub_view.checkpoints (
  name        text PRIMARY KEY,
  position    bigint NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Poison events: ones the projector could not apply (a projection threw, or the event does not
-- parse), parked with the reason so the view goes on without them. Dropped with the view: a
-- rebuild parks them again (or applies them, once the bug is fixed).
CREATE TABLE IF NOT EXISTS hub_view.dead_letters (
  position     bigint PRIMARY KEY,
  event_id     text NOT NULL,
  event_type   text NOT NULL,
  stream_name  text NOT NULL,
  reason       text NOT NULL,
  parked_at    timestamptz NOT NULL DEFAULT now()
);

-- The org tree: division → department → team. Defined once; a unit's parent never changes.
CREATE TABLE IF NOT EXISTS hub_view.org_units (
  org_unit_id  text PRIMARY KEY,
  name         text NOT NULL,
  kind         text NOT NULL,
  parent_id    text,
  occurred_at  timestamptz NOT NULL,
  recorded_at  timestamptz NOT NULL
);

-- One row per change of an employee (registered, promoted, transferred, left) holding only what it
-- changed (NULL: unchanged); the employee as of a moment is their changes up to it, folded in
-- business order (queries/employees.ts).
CREATE TABLE IF NOT EXISTS hub_view.employee_changes (
  source_event_id uuid PRIMARY KEY,
  employee_id     text NOT NULL,
  registered      boolean NOT NULL,
  name            text,
  grade           text,
  org_unit_id     text,
  region          text,
  title           text,
  hired_on        date,
  left_on         date,
  position        bigint NOT NULL,
  occurred_at     timestamptz NOT NULL,
  recorded_at     timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS employee_changes_by_employee ON hub_view.employee_changes (employee_id, occurred_at, position);

-- Each employee as of every business moment, as everything recorded says (record time: now): the
-- fold of their changes (queries/employees.ts) taken once per moment one of them took effect,
-- valid over [valid_from, valid_to) — valid_to NULL: still valid. Recomputed for one employee, in
-- the projector's transaction, whenever one of their changes arrives (a person has few), so a
-- question without knownAt reads a range instead of folding every change of everyone.
-- Not before registration: until a registration has taken effect the employee is not there.
CREATE TABLE IF NOT EXISTS hub_view.employee_versions (
  employee_id  text NOT NULL,
  valid_from   timestamptz NOT NULL,
  valid_to     timestamptz,
  name         text,
  grade        text,
  org_unit_id  text,
  region       text,
  title        text,
  hired_on     date,
  left_on      date,
  PRIMARY KEY (employee_id, valid_from)
);
CREATE INDEX IF NOT EXISTS employee_versions_valid ON hub_view.employee_versions (valid_to, valid_from);

CREATE TABLE IF NOT EXISTS hub_view.branches (
  branch_id    text PRIMARY KEY,
  name         text NOT NULL,
  region       text NOT NULL,
  district     text NOT NULL,
  seoul        boolean NOT NULL,
  occurred_at  timestamptz NOT NULL,
  recorded_at  timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS hub_view.branch_pride (
  branch_id    text PRIMARY KEY,
  since        date NOT NULL,
  occurred_at  timestamptz NOT NULL,
  recorded_at  timestamptz NOT NULL
);

-- One row per change of an FC (registered, transferred, left), as for employees.
CREATE TABLE IF NOT EXISTS hub_view.fc_changes (
  source_event_id uuid PRIMARY KEY,
  fc_id           text NOT NULL,
  registered      boolean NOT NULL,
  name            text,
  branch_id       text,
  hired_on        date,
  left_on         date,
  position        bigint NOT NULL,
  occurred_at     timestamptz NOT NULL,
  recorded_at     timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS fc_changes_by_fc ON hub_view.fc_changes (fc_id, occurred_at, position);

-- Each FC as of every business moment, as for employees (employee_versions).
CREATE TABLE IF NOT EXISTS hub_view.fc_versions (
  fc_id       text NOT NULL,
  valid_from  timestamptz NOT NULL,
  valid_to    timestamptz,
  name        text,
  branch_id   text,
  hired_on    date,
  left_on     date,
  PRIMARY KEY (fc_id, valid_from)
);
CREATE INDEX IF NOT EXISTS fc_versions_valid ON hub_view.fc_versions (valid_to, valid_from);
CREATE INDEX IF NOT EXISTS fc_versions_branch ON hub_view.fc_versions (branch_id);

CREATE TABLE IF NOT EXISTS hub_view.cafe_sessions (
  session_id    text PRIMARY KEY,
  scheduled_at  timestamptz NOT NULL,
  venue         text NOT NULL,
  host_ids      text[] NOT NULL,
  capacity      integer NOT NULL,
  occurred_at   timestamptz NOT NULL,
  recorded_at   timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS cafe_sessions_scheduled_at ON hub_view.cafe_sessions (scheduled_at, session_id);

CREATE TABLE IF NOT EXISTS hub_view.cafe_cancellations (
  session_id  text PRIMARY KEY,
  reason      text NOT NULL,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS hub_view.cafe_invitations (
  session_id  text NOT NULL,
  employee_id text NOT NULL,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (session_id, employee_id)
);

CREATE TABLE IF NOT EXISTS hub_view.cafe_attendance (
  session_id  text NOT NULL,
  employee_id text NOT NULL,
  walk_in     boolean NOT NULL,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (session_id, employee_id)
);

-- Questions, answers, follow-ups and feedback are keyed within their session or town hall, as the
-- domain keeps their ids unique there (another session may reuse an id).
CREATE TABLE IF NOT EXISTS hub_view.cafe_questions (
  question_id  text NOT NULL,
  session_id   text NOT NULL,
  topic        text NOT NULL,
  text         text NOT NULL,
  anonymous    boolean NOT NULL,
  asked_by     text,
  raised_at    timestamptz NOT NULL,
  occurred_at  timestamptz NOT NULL,
  recorded_at  timestamptz NOT NULL,
  PRIMARY KEY (session_id, question_id)
);

CREATE TABLE IF NOT EXISTS hub_view.cafe_answers (
  session_id   text NOT NULL,
  question_id  text NOT NULL,
  answered_by  text NOT NULL,
  answer       text NOT NULL,
  answer_mode  text NOT NULL,
  answered_at  timestamptz NOT NULL,
  occurred_at  timestamptz NOT NULL,
  recorded_at  timestamptz NOT NULL,
  PRIMARY KEY (session_id, question_id)
);

CREATE TABLE IF NOT EXISTS hub_view.cafe_follow_ups (
  follow_up_id  text NOT NULL,
  session_id    text NOT NULL,
  question_id   text,
  description   text NOT NULL,
  owner_id      text NOT NULL,
  due_on        date NOT NULL,
  occurred_at   timestamptz NOT NULL,
  recorded_at   timestamptz NOT NULL,
  PRIMARY KEY (session_id, follow_up_id)
);

CREATE TABLE IF NOT EXISTS hub_view.cafe_follow_up_completions (
  session_id    text NOT NULL,
  follow_up_id  text NOT NULL,
  completed_on  date NOT NULL,
  note          text,
  occurred_at   timestamptz NOT NULL,
  recorded_at   timestamptz NOT NULL,
  PRIMARY KEY (session_id, follow_up_id)
);

CREATE TABLE IF NOT EXISTS hub_view.town_halls (
  town_hall_id   text PRIMARY KEY,
  scheduled_at   timestamptz NOT NULL,
  format         text NOT NULL,
  theme          text NOT NULL,
  venue          text NOT NULL,
  presenter_ids  text[] NOT NULL,
  occurred_at    timestamptz NOT NULL,
  recorded_at    timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS hub_view.town_hall_cancellations (
  town_hall_id text PRIMARY KEY, reason text NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS hub_view.town_hall_attendance (
  town_hall_id text NOT NULL, employee_id text NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL,
  PRIMARY KEY (town_hall_id, employee_id)
);
-- Every count recorded; the count of a unit as of T is its newest one recorded by T.
CREATE TABLE IF NOT EXISTS hub_view.town_hall_head_counts (
  source_event_id uuid PRIMARY KEY, town_hall_id text NOT NULL, org_unit_id text NOT NULL,
  head_count integer NOT NULL, position bigint NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS hub_view.town_hall_questions (
  question_id text NOT NULL, town_hall_id text NOT NULL, topic text NOT NULL, text text NOT NULL,
  anonymous boolean NOT NULL, asked_by text, raised_at timestamptz NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL,
  PRIMARY KEY (town_hall_id, question_id)
);
CREATE TABLE IF NOT EXISTS hub_view.town_hall_answers (
  town_hall_id text NOT NULL, question_id text NOT NULL, answered_by text NOT NULL, answer text NOT NULL,
  answered_at timestamptz NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL,
  PRIMARY KEY (town_hall_id, question_id)
);
CREATE TABLE IF NOT EXISTS hub_view.town_hall_feedback (
  feedback_id text NOT NULL, town_hall_id text NOT NULL, rating integer NOT NULL, comment text,
  employee_id text, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL,
  PRIMARY KEY (town_hall_id, feedback_id)
);

CREATE TABLE IF NOT EXISTS hub_view.campaigns (
  campaign_id text PRIMARY KEY, name text NOT NULL, purpose text NOT NULL, deadline date NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS hub_view.campaign_targets (
  campaign_id text NOT NULL, branch_id text NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL, PRIMARY KEY (campaign_id, branch_id)
);
CREATE TABLE IF NOT EXISTS hub_view.branch_visits (
  visit_id text PRIMARY KEY, branch_id text NOT NULL, leader_ids text[] NOT NULL, visited_at timestamptz NOT NULL,
  purpose text NOT NULL, campaign_id text, fc_ids text[] NOT NULL, gift text, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS branch_visits_branch ON hub_view.branch_visits (branch_id, visited_at);

CREATE TABLE IF NOT EXISTS hub_view.videos (
  video_id text PRIMARY KEY, author_id text NOT NULL, title text NOT NULL, duration_seconds integer NOT NULL,
  audience text[] NOT NULL, published_at timestamptz NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS hub_view.video_views (
  view_id text PRIMARY KEY, video_id text NOT NULL, viewer_kind text NOT NULL, viewer_id text NOT NULL,
  seconds_watched integer NOT NULL, viewed_at timestamptz NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS video_views_video ON hub_view.video_views (video_id);

-- Customer Smile. Customers are ids here: their personal data lives in hub_private, never in the view.
CREATE TABLE IF NOT EXISTS hub_view.customers (
  customer_id text PRIMARY KEY, branch_id text NOT NULL, registered_on date NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS hub_view.customer_erasures (
  customer_id text PRIMARY KEY, erased_on date NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS hub_view.contracts (
  contract_id text PRIMARY KEY, customer_id text NOT NULL, fc_id text NOT NULL, branch_id text NOT NULL,
  product text NOT NULL, signed_on date NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS contracts_customer ON hub_view.contracts (customer_id);
CREATE TABLE IF NOT EXISTS hub_view.contract_follow_ups (
  contract_id text NOT NULL, kind text NOT NULL, opens_on date NOT NULL, due_on date NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL,
  PRIMARY KEY (contract_id, kind)
);
CREATE INDEX IF NOT EXISTS contract_follow_ups_due ON hub_view.contract_follow_ups (due_on);
-- visited_on is the day in Korea: follow-up windows are calendar days there.
-- Keyed within the contract, as the domain keeps visit ids; touches find their visit by source event.
CREATE TABLE IF NOT EXISTS hub_view.customer_visits (
  visit_id text NOT NULL, contract_id text NOT NULL, customer_id text NOT NULL, fc_id text NOT NULL, leader_ids text[] NOT NULL,
  visited_at timestamptz NOT NULL, visited_on date NOT NULL, topics text[] NOT NULL, rating integer, comment text, satisfies text,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL, source_event_id uuid NOT NULL,
  PRIMARY KEY (contract_id, visit_id)
);
CREATE INDEX IF NOT EXISTS customer_visits_contract ON hub_view.customer_visits (contract_id, visited_at);
CREATE INDEX IF NOT EXISTS customer_visits_source ON hub_view.customer_visits (source_event_id);

-- PRIDE weekly FC activity: every report kept; an FC's week as of T is its newest report recorded by T.
CREATE TABLE IF NOT EXISTS hub_view.fc_weekly_activity (
  source_event_id uuid PRIMARY KEY, fc_id text NOT NULL, branch_id text NOT NULL, week_of date NOT NULL,
  customer_visits integer NOT NULL, calls integer NOT NULL, contracts integer NOT NULL,
  position bigint NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS fc_weekly_activity_week ON hub_view.fc_weekly_activity (week_of, fc_id, position DESC);

-- One person reached by one leader (NULL: the company) through one channel at one time,
-- from one source event. Every channel feeds this table; reach, frequency and recency read it.
CREATE TABLE IF NOT EXISTS hub_view.touches (
  touch_id         text PRIMARY KEY,
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
CREATE INDEX IF NOT EXISTS touches_person ON hub_view.touches (person_id, touched_at);
CREATE INDEX IF NOT EXISTS touches_channel_time ON hub_view.touches (channel, touched_at);
CREATE INDEX IF NOT EXISTS touches_time ON hub_view.touches (touched_at, touch_id);
`;
