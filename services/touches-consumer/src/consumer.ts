import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { z } from 'zod';

/*
 * The template a warehouse team copies: read hub.touches.v1 as a read_committed consumer and keep
 * your own table of touches per person. Kafka delivers at least once to a consumer, so each touch
 * is applied in the same database transaction that records its id: a redelivered touch changes
 * nothing. Offsets are committed only after that transaction. Bad messages are logged and skipped.
 *
 * A person is their `subject` (`employee-E1`, `fc-F1`, `customer-C1`), which is also the message key:
 * ids of different kinds may coincide (an employee and an FC can both be "E1"), the subject never,
 * and one key keeps one person's touches in one partition, in order.
 */

/** A touch's CloudEvent as published by the hub (see services/stream-relay/schemas/hub.Touch.v1.json). */
const touchEvent = z.object({
  specversion: z.literal('1.0'),
  id: z.string().min(1),
  type: z.literal('hub.Touch.v1'),
  subject: z.string().min(1),
  data: z.object({
    touchId: z.string().min(1),
    personId: z.string().min(1),
    personKind: z.enum(['EMPLOYEE', 'FC', 'CUSTOMER']),
    leaderId: z.string().nullable(),
    channel: z.string().min(1),
    mode: z.enum(['FACE_TO_FACE', 'BROADCAST']),
    touchedAt: z.iso.datetime(),
    sourceEventId: z.string(),
  }),
});

export const WAREHOUSE_DDL = `
CREATE SCHEMA IF NOT EXISTS warehouse;
CREATE TABLE IF NOT EXISTS warehouse.applied_touches (touch_id text PRIMARY KEY);
CREATE TABLE IF NOT EXISTS warehouse.person_touches (
  subject          text PRIMARY KEY,
  person_id        text NOT NULL,
  person_kind      text NOT NULL,
  touches          integer NOT NULL,
  first_touched_at timestamptz NOT NULL,
  last_touched_at  timestamptz NOT NULL,
  channels         text[] NOT NULL
);`;

export interface TouchesConsumerOptions {
  brokers: string[];
  databaseUrl: string;
  groupId?: string;
  log?: (line: string) => void;
}

export const createTouchesConsumer = ({
  brokers,
  databaseUrl,
  groupId = 'warehouse-touches',
  log = (l) => console.log(l),
}: TouchesConsumerOptions) => {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const consumer = new Kafka({ clientId: groupId, brokers, logLevel: logLevel.NOTHING }).consumer({ groupId, readUncommitted: false });
  const stats = { applied: 0, duplicates: 0, rejected: 0 };

  const apply = async (value: string) => {
    let parsed;
    try {
      parsed = touchEvent.safeParse(JSON.parse(value));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) {
      stats.rejected++;
      log(
        `[touches-consumer] skipped a message that is not a hub.Touch.v1 CloudEvent: ${parsed ? parsed.error.issues.map((i) => i.path.join('.')).join(', ') : 'not JSON'}`,
      );
      return;
    }
    const { subject, data: t } = parsed.data;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const fresh = await client.query('INSERT INTO warehouse.applied_touches VALUES ($1) ON CONFLICT DO NOTHING RETURNING touch_id', [
        t.touchId,
      ]);
      if (fresh.rowCount === 1) {
        await client.query(
          `INSERT INTO warehouse.person_touches VALUES ($5, $1, $2, 1, $3, $3, ARRAY[$4])
           ON CONFLICT (subject) DO UPDATE SET touches = person_touches.touches + 1,
             first_touched_at = least(person_touches.first_touched_at, $3), last_touched_at = greatest(person_touches.last_touched_at, $3),
             channels = CASE WHEN $4 = ANY(person_touches.channels) THEN person_touches.channels ELSE person_touches.channels || $4 END`,
          [t.personId, t.personKind, t.touchedAt, t.channel, subject],
        );
        stats.applied++;
      } else stats.duplicates++;
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK');
      throw e; // not committed: Kafka redelivers it
    } finally {
      client.release();
    }
  };

  return {
    stats,
    async start() {
      await pool.query(WAREHOUSE_DDL);
      await consumer.connect();
      await consumer.subscribe({ topic: 'hub.touches.v1', fromBeginning: true });
      // eachMessage commits the offset after the handler resolves, i.e. after our transaction.
      await consumer.run({ eachMessage: async ({ message }) => apply(message.value?.toString() ?? '') });
    },
    async stop() {
      await consumer.disconnect();
      await pool.end();
    },
  };
};
