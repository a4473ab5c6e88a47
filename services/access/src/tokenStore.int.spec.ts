import { SQL_ENGINES } from '@hub/sql/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlTokenStore, type TokenStore } from './tokenStore';

describe.each(SQL_ENGINES)('API tokens on $name', (engine) => {
  let dispose: () => Promise<void>;
  let db: Awaited<ReturnType<(typeof engine)['create']>>['db'];
  let now = new Date('2026-01-10T00:00:00Z');
  let tokens: TokenStore;

  beforeAll(async () => {
    ({ db, dispose } = await engine.create());
    tokens = await createSqlTokenStore(db, { clock: () => now, cacheMs: 0 });
  });
  afterAll(() => dispose());

  it('verifies an issued token as its subject and role, and stores only its hash', async () => {
    const issued = await tokens.issue({ subject: 'kim.hr', role: 'HR', expiresInDays: 30 }, 'admin');
    expect(issued.token).toMatch(/^hub_[0-9a-f]{16}\.[\w-]{43}$/);
    expect(await tokens.verify(issued.token)).toEqual({ subject: 'kim.hr', role: 'HR', tokenId: issued.tokenId });
    const stored = await db.query<{ token_hash: string }>('SELECT token_hash FROM hub_access.api_tokens WHERE token_id = $1', [
      issued.tokenId,
    ]);
    expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const everything = JSON.stringify(await db.query('SELECT * FROM hub_access.api_tokens'));
    expect(everything).not.toContain(issued.token.split('.')[1]);
  });

  it('refuses unknown, malformed, expired and revoked tokens', async () => {
    const issued = await tokens.issue({ subject: 'lee.sales', role: 'SALES', expiresInDays: 1 }, 'admin');
    expect(await tokens.verify(`${issued.token.slice(0, -1)}${issued.token.endsWith('A') ? 'B' : 'A'}`)).toBeUndefined();
    expect(await tokens.verify('not-a-token')).toBeUndefined();
    expect(await tokens.verify(issued.token)).toBeDefined();
    now = new Date(now.getTime() + 2 * 86_400_000);
    expect(await tokens.verify(issued.token)).toBeUndefined();
    expect((await tokens.list()).map((t) => t.tokenId)).not.toContain(issued.tokenId);
    expect((await tokens.list({ includeInactive: true })).map((t) => t.tokenId)).toContain(issued.tokenId);

    const other = await tokens.issue({ subject: 'park.admin', role: 'ADMIN' }, 'admin');
    expect(await tokens.revoke(other.tokenId)).toBe(true);
    expect(await tokens.revoke(other.tokenId)).toBe(false);
    expect(await tokens.verify(other.token)).toBeUndefined();
  });

  it('refuses bad input to issue: unknown role, VIEWER, odd subject, too long a life', async () => {
    await expect(tokens.issue({ subject: 'x', role: 'GOD' as never }, 'admin')).rejects.toThrow();
    await expect(tokens.issue({ subject: 'x', role: 'VIEWER' as never }, 'admin')).rejects.toThrow();
    await expect(tokens.issue({ subject: 'a b', role: 'HR' }, 'admin')).rejects.toThrow(/subject|letters/);
    await expect(tokens.issue({ subject: 'x', role: 'HR', expiresInDays: 400 }, 'admin')).rejects.toThrow(/at most/);
  });

  it('revokes development tokens by subject prefix, leaving the others', async () => {
    const dev = await tokens.issue({ subject: 'dev:leadership', role: 'LEADERSHIP' }, 'npm start');
    const real = await tokens.issue({ subject: 'choi.leader', role: 'LEADERSHIP' }, 'admin');
    expect(await tokens.revokeSubjectsStartingWith('dev:')).toBeGreaterThanOrEqual(1);
    expect(await tokens.verify(dev.token)).toBeUndefined();
    expect(await tokens.verify(real.token)).toBeDefined();
  });
});
