import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { z } from 'zod';

/*
 * The template an HR or CRM team copies to know who works where today: read the hub's compacted
 * current-state topics (read_committed) into your own tables, one row per entity.
 *
 * - Key = CloudEvent subject = the entity (employee-E1, fc-F1, branch-B1, orgUnit-HQ): the row's key.
 * - The value is the whole entity, so each message replaces the row — no history to fold.
 * - A message only wins if its `hubposition` is not older than the row's: a redelivery or a
 *   rebuild of the same state changes nothing, and an old state can never overwrite a newer one.
 * - A null value (tombstone) deletes the row. The hub publishes none today (it removes nothing;
 *   people who left keep `leftOn`), but compacted topics may carry them, so the template handles them.
 * - Bad messages are logged and skipped. Offsets are committed after the row is written.
 */

const date = z.iso.date();
const envelope = <T extends z.ZodType>(type: string, data: T) =>
  z.object({
    specversion: z.literal('1.0'),
    type: z.literal(type),
    subject: z.string().min(1),
    hubposition: z.string().regex(/^\d+$/),
    data,
  });

/** What each topic holds (see the hub's schemas: /schemas/hub.<Type>State.v1.json on its gateway). */
const TOPICS = {
  'hub.current-employees.v1': {
    table: 'hr.employees',
    schema: envelope(
      'hub.EmployeeState.v1',
      z.object({
        employeeId: z.string(),
        name: z.string(),
        grade: z.string(),
        orgUnitId: z.string(),
        region: z.string(),
        title: z.string().nullable(),
        hiredOn: date.nullable(),
        leftOn: date.nullable(),
      }),
    ),
    columns: ['employee_id', 'name', 'grade', 'org_unit_id', 'region', 'title', 'hired_on', 'left_on'],
    row: (d: Record<string, unknown>) => [d.employeeId, d.name, d.grade, d.orgUnitId, d.region, d.title, d.hiredOn, d.leftOn],
  },
  'hub.current-fcs.v1': {
    table: 'hr.fcs',
    schema: envelope(
      'hub.FcState.v1',
      z.object({ fcId: z.string(), name: z.string(), branchId: z.string(), hiredOn: date, leftOn: date.nullable() }),
    ),
    columns: ['fc_id', 'name', 'branch_id', 'hired_on', 'left_on'],
    row: (d: Record<string, unknown>) => [d.fcId, d.name, d.branchId, d.hiredOn, d.leftOn],
  },
  'hub.current-branches.v1': {
    table: 'hr.branches',
    schema: envelope(
      'hub.BranchState.v1',
      z.object({
        branchId: z.string(),
        name: z.string(),
        region: z.string(),
        district: z.string(),
        seoul: z.boolean(),
        prideSince: date.nullable(),
      }),
    ),
    columns: ['branch_id', 'name', 'region', 'district', 'seoul', 'pride_since'],
    row: (d: Record<string, unknown>) => [d.branchId, d.name, d.region, d.district, d.seoul, d.prideSince],
  },
  'hub.current-org-units.v1': {
    table: 'hr.org_units',
    schema: envelope(
      'hub.OrgUnitState.v1',
      z.object({ orgUnitId: z.string(), name: z.string(), kind: z.string(), parentId: z.string().nullable() }),
    ),
    columns: ['org_unit_id', 'name', 'kind', 'parent_id'],
    row: (d: Record<string, unknown>) => [d.orgUnitId, d.name, d.kind, d.parentId],
  },
} as const;
type Topic = keyof typeof TOPICS;
export const CURRENT_STATE_TOPIC_NAMES = Object.keys(TOPICS) as Topic[];

export const HR_DDL = `
CREATE SCHEMA IF NOT EXISTS hr;
CREATE TABLE IF NOT EXISTS hr.employees (subject text PRIMARY KEY, employee_id text NOT NULL, name text NOT NULL, grade text NOT NULL,
  org_unit_id text NOT NULL, region text NOT NULL, title text, hired_on date, left_on date, hubposition bigint NOT NULL);
CREATE TABLE IF NOT EXISTS hr.fcs (subject text PRIMARY KEY, fc_id text NOT NULL, name text NOT NULL, branch_id text NOT NULL,
  hired_on date NOT NULL, left_on date, hubposition bigint NOT NULL);
CREATE TABLE IF NOT EXISTS hr.branches (subject text PRIMARY KEY, branch_id text NOT NULL, name text NOT NULL, region text NOT NULL,
  district text NOT NULL, seoul boolean NOT NULL, pride_since date, hubposition bigint NOT NULL);
CREATE TABLE IF NOT EXISTS hr.org_units (subject text PRIMARY KEY, org_unit_id text NOT NULL, name text NOT NULL, kind text NOT NULL,
  parent_id text, hubposition bigint NOT NULL);`;

export interface CurrentStateConsumerOptions {
  brokers: string[];
  databaseUrl: string;
  groupId?: string;
  log?: (line: string) => void;
}

export const createCurrentStateConsumer = ({
  brokers,
  databaseUrl,
  groupId = 'hr-current-state',
  log = (l) => console.log(l),
}: CurrentStateConsumerOptions) => {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const consumer = new Kafka({ clientId: groupId, brokers, logLevel: logLevel.NOTHING }).consumer({ groupId, readUncommitted: false });
  const stats = { applied: 0, stale: 0, deleted: 0, rejected: 0 };

  const apply = async (topic: string, key: string, value: Buffer | null) => {
    const spec = TOPICS[topic as Topic];
    if (!spec) return;
    if (value === null) {
      const deleted = await pool.query(`DELETE FROM ${spec.table} WHERE subject = $1`, [key]);
      stats.deleted += deleted.rowCount ?? 0;
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(value.toString());
    } catch {
      json = undefined;
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success || parsed.data.subject !== key) {
      stats.rejected++;
      log(
        `[current-state-consumer] skipped a message on ${topic} (key ${key}): ${parsed.success ? 'subject differs from the key' : json === undefined ? 'not JSON' : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
      return;
    }
    const { subject, hubposition, data } = parsed.data;
    const values = [subject, ...spec.row(data), hubposition];
    const cols = ['subject', ...spec.columns, 'hubposition'];
    const result = await pool.query(
      `INSERT INTO ${spec.table} (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})
       ON CONFLICT (subject) DO UPDATE SET ${cols
         .slice(1)
         .map((c) => `${c} = excluded.${c}`)
         .join(', ')}
       WHERE ${spec.table.split('.')[1]}.hubposition <= excluded.hubposition`,
      values,
    );
    if (result.rowCount === 1) stats.applied++;
    else stats.stale++;
  };

  return {
    stats,
    async start() {
      await pool.query(HR_DDL);
      await consumer.connect();
      // From the beginning: a compacted topic's beginning is the current state (plus not yet compacted older states).
      await consumer.subscribe({ topics: CURRENT_STATE_TOPIC_NAMES, fromBeginning: true });
      await consumer.run({ eachMessage: async ({ topic, message }) => apply(topic, message.key?.toString() ?? '', message.value) });
    },
    async stop() {
      await consumer.disconnect();
      await pool.end();
    },
  };
};
