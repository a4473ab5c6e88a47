import { defineProjection, eventsOf, insertRows, stamps, TOUCH_COLUMNS } from '../projection';

/**
 * The tables of e-mail letters, kept with their projection. A letter is one row with its counts
 * (recipients are decided when it is sent and never change); an open is one row per reader
 * (the domain records a reader's first open only).
 */
const DDL = `
CREATE TABLE IF NOT EXISTS hub_view.email_letters (
  letter_id text PRIMARY KEY, author_id text NOT NULL, subject text NOT NULL, audience text[] NOT NULL,
  org_unit_ids text[] NOT NULL, branch_ids text[] NOT NULL, sent integer NOT NULL, delivered integer NOT NULL,
  sent_at timestamptz NOT NULL, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS hub_view.email_letter_opens (
  letter_id text NOT NULL, reader_kind text NOT NULL, reader_id text NOT NULL, opened_at timestamptz NOT NULL,
  occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL, PRIMARY KEY (letter_id, reader_kind, reader_id)
);
`;

/** E-mail letters and their opens; each open is a broadcast touch of the reader by the author. */
export const emailLetterProjection = defineProjection({
  name: 'email-letters',
  shape: 1,
  ddl: DDL,
  touchChannels: ['EMAIL_LETTER'],
  handles: ['EmailLetterSent', 'EmailLetterOpened'],
  // Set-based: the batch's letters first, then their opens and touches.
  async applyMany(tx, events) {
    await insertRows(
      tx,
      'email_letters',
      'letter_id text, author_id text, subject text, audience text[], org_unit_ids text[], branch_ids text[], sent integer, delivered integer, sent_at timestamptz, occurred_at timestamptz, recorded_at timestamptz',
      eventsOf(events, 'EmailLetterSent').map((e) => {
        const d = e.event.data;
        return {
          letter_id: d.letterId,
          author_id: d.authorId,
          subject: d.subject,
          audience: d.audience,
          org_unit_ids: d.orgUnitIds,
          branch_ids: d.branchIds,
          sent: d.recipients.length,
          delivered: d.recipients.filter((r) => r.delivered).length,
          sent_at: d.sentAt,
          ...stamps(e),
        };
      }),
    );
    const opens = eventsOf(events, 'EmailLetterOpened').map((e) => ({
      id: e.id,
      letter_id: e.event.data.letterId,
      reader_kind: e.event.data.readerKind,
      reader_id: e.event.data.readerId,
      opened_at: e.event.data.openedAt,
      position: e.position.toString(),
      ...stamps(e),
    }));
    await insertRows(
      tx,
      'email_letter_opens',
      'letter_id text, reader_kind text, reader_id text, opened_at timestamptz, occurred_at timestamptz, recorded_at timestamptz',
      opens,
    );
    await insertRows(
      tx,
      'touches',
      'id text, letter_id text, reader_kind text, reader_id text, opened_at timestamptz, position bigint, occurred_at timestamptz, recorded_at timestamptz',
      opens,
      {
        into: TOUCH_COLUMNS,
        select: `r.id, r.reader_id, r.reader_kind, l.author_id, 'EMAIL_LETTER', 'BROADCAST', r.opened_at, r.id::uuid, l.letter_id, r.position, r.occurred_at, r.recorded_at`,
        join: 'JOIN hub_view.email_letters l ON l.letter_id = r.letter_id',
      },
    );
  },
});
