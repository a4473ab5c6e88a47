import { validationError } from '@hub/events';
import type { SqlExecutor } from '@hub/sql';
import type { PersonalDataAccessLog, PersonalDataField } from '../port';

/*
 * Who read which customer's personal data, and when (PIPA: disclosures must be accountable).
 * The gateway records every read before it answers; the privacy officer reads the log. It holds
 * ids, never the data itself, and lives beside the data in hub_private (never replayed, never
 * streamed). Erasing a customer's data keeps their log: it says who saw it, not what.
 */

export const PERSONAL_DATA_ACCESS_DDL = `
CREATE SCHEMA IF NOT EXISTS hub_private;
CREATE TABLE IF NOT EXISTS hub_private.personal_data_access (
  id              bigserial PRIMARY KEY,
  accessed_at     timestamptz NOT NULL DEFAULT now(),
  actor           text NOT NULL,
  role            text NOT NULL,
  customer_id     text NOT NULL,
  fields          text[] NOT NULL,
  correlation_id  text NOT NULL
);
ALTER TABLE hub_private.personal_data_access ADD COLUMN IF NOT EXISTS token_id text;
CREATE INDEX IF NOT EXISTS personal_data_access_customer ON hub_private.personal_data_access (customer_id, id);`;

const cursorOf = (id: string) => Buffer.from(`access:${id}`).toString('base64url');
const idOfCursor = (cursor: string) => {
  const m = /^access:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw validationError(`Invalid cursor "${cursor}"`);
  return m[1]!;
};

export const createSqlPersonalDataAccessLog = async (db: SqlExecutor): Promise<PersonalDataAccessLog> => {
  await db.exec(PERSONAL_DATA_ACCESS_DDL);
  return {
    async record(reads) {
      if (reads.length === 0) return;
      await db.query(
        `INSERT INTO hub_private.personal_data_access (actor, token_id, role, customer_id, fields, correlation_id)
         SELECT r->>'actor', r->>'tokenId', r->>'role', r->>'customerId', ARRAY(SELECT jsonb_array_elements_text(r->'fields')), r->>'correlationId'
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(r, n) ORDER BY n`,
        [JSON.stringify(reads)],
      );
    },
    async page(filter, page) {
      const after = page.after === null ? null : idOfCursor(page.after);
      const where = `($1::text IS NULL OR customer_id = $1) AND ($2::timestamptz IS NULL OR accessed_at >= $2) AND ($3::timestamptz IS NULL OR accessed_at < $3)`;
      const params = [filter.customerId, filter.from, filter.to];
      const rows = await db.query<{
        id: string;
        accessed_at: Date | string;
        actor: string;
        token_id: string | null;
        role: string;
        customer_id: string;
        fields: PersonalDataField[];
        correlation_id: string;
      }>(
        `SELECT id::text AS id, accessed_at, actor, token_id, role, customer_id, fields, correlation_id FROM hub_private.personal_data_access
         WHERE ${where} AND ($4::bigint IS NULL OR id < $4) ORDER BY id DESC LIMIT $5`,
        [...params, after, page.first + 1],
      );
      const [count] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM hub_private.personal_data_access WHERE ${where}`,
        params,
      );
      return {
        nodes: rows.slice(0, page.first).map((r) => ({
          node: {
            id: r.id,
            accessedAt: new Date(r.accessed_at).toISOString(),
            actor: r.actor,
            tokenId: r.token_id,
            role: r.role,
            customerId: r.customer_id,
            fields: r.fields,
            correlationId: r.correlation_id,
          },
          cursor: cursorOf(r.id),
        })),
        hasNextPage: rows.length > page.first,
        totalCount: Number(count?.n ?? 0),
      };
    },
  };
};
