import { defineProjection } from '../projection';

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
  async apply(tx, { event, id, position, occurredAt, recordedAt }) {
    switch (event.type) {
      case 'EmailLetterSent': {
        const d = event.data;
        await tx.query(
          `INSERT INTO hub_view.email_letters VALUES ($1, $2, $3, $4::text[], $5::text[], $6::text[], $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING`,
          [
            d.letterId,
            d.authorId,
            d.subject,
            d.audience,
            d.orgUnitIds,
            d.branchIds,
            d.recipients.length,
            d.recipients.filter((r) => r.delivered).length,
            d.sentAt,
            occurredAt,
            recordedAt,
          ],
        );
        return;
      }
      case 'EmailLetterOpened': {
        const d = event.data;
        await tx.query(`INSERT INTO hub_view.email_letter_opens VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`, [
          d.letterId,
          d.readerKind,
          d.readerId,
          d.openedAt,
          occurredAt,
          recordedAt,
        ]);
        await tx.query(
          `INSERT INTO hub_view.touches (touch_id, person_id, person_kind, leader_id, channel, mode, touched_at, source_event_id, source_id, source_position, occurred_at, recorded_at)
           SELECT $1::text, $2, $3, l.author_id, 'EMAIL_LETTER', 'BROADCAST', $4, $1::uuid, l.letter_id, $5, $8, $6 FROM hub_view.email_letters l WHERE l.letter_id = $7
           ON CONFLICT (touch_id) DO NOTHING`,
          [id, d.readerId, d.readerKind, d.openedAt, position.toString(), recordedAt, d.letterId, occurredAt],
        );
        return;
      }
    }
  },
});
