import { createHash, randomBytes } from 'node:crypto';
import { parseOrThrow } from '@hub/events';
import type { SqlExecutor } from '@hub/sql';
import { z } from 'zod';
import { TOKEN_ROLES, type Principal, type TokenRole } from './roles';

/*
 * API tokens: random, shown once when issued, stored only as a SHA-256 hash (a leaked table
 * gives nobody a working token). Each has a subject (who it stands for: stamped as the actor on
 * every event its requests cause), a role, an expiry, and can be revoked.
 */

export const TOKENS_DDL = `
CREATE SCHEMA IF NOT EXISTS hub_access;
CREATE TABLE IF NOT EXISTS hub_access.api_tokens (
  token_id    text PRIMARY KEY,
  token_hash  text NOT NULL UNIQUE,
  subject     text NOT NULL,
  role        text NOT NULL,
  issued_by   text NOT NULL,
  issued_at   timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  revoked_at  timestamptz
);`;

export interface ApiToken {
  tokenId: string;
  subject: string;
  role: TokenRole;
  issuedBy: string;
  issuedAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

const DAY_MS = 86_400_000;
/** Longest life a token may be given: a year. */
export const MAX_TOKEN_DAYS = 366;

export const issueTokenInput = z
  .object({
    subject: z
      .string()
      .trim()
      .regex(/^[\p{L}\p{N}._@:-]{1,100}$/u, 'must be 1 to 100 letters, digits or . _ @ : -')
      .describe('Whom it stands for (a person or system; letters, digits, . _ @ : -): stamped as the actor on every event it records.'),
    role: z.enum(TOKEN_ROLES).describe('Its role.'),
    expiresInDays: z
      .number()
      .int()
      .min(1, 'must be at least 1 day')
      .max(MAX_TOKEN_DAYS, `must be at most ${MAX_TOKEN_DAYS} days`)
      .default(90)
      .describe('Days until it stops working (1 to 366; default 90).'),
  })
  .describe('A token to issue.');
export type IssueTokenInput = z.input<typeof issueTokenInput>;

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** `hub_<id>.<secret>`: the id is public (lists, logs, revocation); the secret never leaves the response that issued it. */
const TOKEN_SHAPE = /^hub_([0-9a-f]{16})\.([A-Za-z0-9_-]{43})$/;

interface TokenRow extends Record<string, unknown> {
  token_id: string;
  subject: string;
  role: TokenRole;
  issued_by: string;
  issued_at: Date | string;
  expires_at: Date | string;
  revoked_at: Date | string | null;
}
const iso = (v: Date | string) => new Date(v).toISOString();
const toToken = (r: TokenRow): ApiToken => ({
  tokenId: r.token_id,
  subject: r.subject,
  role: r.role,
  issuedBy: r.issued_by,
  issuedAt: iso(r.issued_at),
  expiresAt: iso(r.expires_at),
  revokedAt: r.revoked_at == null ? null : iso(r.revoked_at),
});

export interface TokenStore {
  /** A new token; `token` is the only time its secret is seen. */
  issue(input: IssueTokenInput, issuedBy: string): Promise<ApiToken & { token: string }>;
  list(options?: { includeInactive?: boolean }): Promise<ApiToken[]>;
  /** True when the token was active and is now revoked. */
  revoke(tokenId: string): Promise<boolean>;
  /** Revokes every active token whose subject starts with `prefix` (development tokens). */
  revokeSubjectsStartingWith(prefix: string): Promise<number>;
  /** The principal a token stands for, or undefined when it is unknown, expired or revoked. */
  verify(token: string): Promise<Principal | undefined>;
}

export const createSqlTokenStore = async (db: SqlExecutor, { clock = () => new Date(), cacheMs = 5_000 } = {}): Promise<TokenStore> => {
  await db.exec(TOKENS_DDL);
  // A short cache keeps a database round trip off every request; revocation takes effect within `cacheMs`.
  const cache = new Map<string, { principal: Principal | undefined; until: number; expiresAt: number }>();
  const COLUMNS = 'token_id, subject, role, issued_by, issued_at, expires_at, revoked_at';

  return {
    async issue(input, issuedBy) {
      const { subject, role, expiresInDays } = parseOrThrow(issueTokenInput, input, 'API token');
      const tokenId = randomBytes(8).toString('hex');
      const token = `hub_${tokenId}.${randomBytes(32).toString('base64url')}`;
      const expiresAt = new Date(clock().getTime() + expiresInDays * DAY_MS);
      const [row] = await db.query<TokenRow>(
        `INSERT INTO hub_access.api_tokens (token_id, token_hash, subject, role, issued_by, issued_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
        [tokenId, hashOf(token), subject, role, issuedBy, clock().toISOString(), expiresAt.toISOString()],
      );
      return { ...toToken(row!), token };
    },

    async list({ includeInactive = false } = {}) {
      const rows = await db.query<TokenRow>(
        `SELECT ${COLUMNS} FROM hub_access.api_tokens
         ${includeInactive ? '' : 'WHERE revoked_at IS NULL AND expires_at > $1'} ORDER BY issued_at, token_id`,
        includeInactive ? [] : [clock().toISOString()],
      );
      return rows.map(toToken);
    },

    async revoke(tokenId) {
      const rows = await db.query(
        'UPDATE hub_access.api_tokens SET revoked_at = $2 WHERE token_id = $1 AND revoked_at IS NULL RETURNING token_id',
        [tokenId, clock().toISOString()],
      );
      cache.clear();
      return rows.length > 0;
    },

    async revokeSubjectsStartingWith(prefix) {
      const rows = await db.query(
        `UPDATE hub_access.api_tokens SET revoked_at = $2 WHERE starts_with(subject, $1) AND revoked_at IS NULL RETURNING token_id`,
        [prefix, clock().toISOString()],
      );
      cache.clear();
      return rows.length;
    },

    async verify(token) {
      const shape = TOKEN_SHAPE.exec(token);
      if (!shape) return undefined;
      const now = clock().getTime();
      const hash = hashOf(token);
      const cached = cache.get(hash);
      if (cached && cached.until > now) return cached.expiresAt > now ? cached.principal : undefined;
      const [row] = await db.query<TokenRow>(`SELECT ${COLUMNS} FROM hub_access.api_tokens WHERE token_hash = $1`, [hash]);
      const active = row && row.revoked_at == null && new Date(row.expires_at).getTime() > now;
      const principal: Principal | undefined = active ? { subject: row.subject, role: row.role, tokenId: row.token_id } : undefined;
      if (cache.size > 10_000) cache.clear();
      cache.set(hash, { principal, until: now + cacheMs, expiresAt: row ? new Date(row.expires_at).getTime() : 0 });
      return principal;
    },
  };
};
