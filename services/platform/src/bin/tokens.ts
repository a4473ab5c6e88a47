import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createSqlTokenStore, TOKEN_ROLES, type ApiToken, type TokenRole } from '@hub/access';
import { isDomainError } from '@hub/events';
import { createPgDriver, createPgliteDriver } from '@hub/sql';
import { loadConfig } from '../config';
import { lockDataDir } from '../dataDirLock';

/*
 * `npm run tokens -- issue --role ADMIN --subject ops [--days 90]` | `list [--all]` | `revoke <id>`
 * API tokens straight in the hub's database (on PGlite, stop `npm start` first; while it runs, an
 * ADMIN does the same through GraphQL: issueApiToken, apiTokens, revokeApiToken). This is how the
 * first ADMIN token of a deployment is made.
 */
const USAGE = `usage: npm run tokens -- issue --role <${TOKEN_ROLES.join('|')}> --subject <name> [--days 1-366]
       npm run tokens -- list [--all]
       npm run tokens -- revoke <token id>`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    role: { type: 'string' },
    subject: { type: 'string' },
    days: { type: 'string' },
    all: { type: 'boolean' },
    help: { type: 'boolean' },
  },
});
const [command, id] = positionals;
if (values.help || !['issue', 'list', 'revoke'].includes(command ?? '') || (command === 'revoke' && !id)) {
  console.error(USAGE);
  process.exit(2);
}

const config = loadConfig();
const unlock = config.DATABASE_URL ? () => undefined : lockDataDir(config.dataDir);
const db = config.DATABASE_URL ? createPgDriver(config.DATABASE_URL) : await createPgliteDriver(join(config.dataDir, 'pglite'));
const line = (t: ApiToken) =>
  `${t.tokenId}  ${t.role.padEnd(15)} ${t.subject.padEnd(24)} expires ${t.expiresAt.slice(0, 10)}${t.revokedAt ? `  revoked ${t.revokedAt.slice(0, 10)}` : ''}`;
let exitCode = 0;
try {
  const tokens = await createSqlTokenStore(db);
  if (command === 'issue') {
    const issued = await tokens.issue(
      {
        subject: values.subject ?? '',
        role: (values.role ?? '').toUpperCase() as TokenRole,
        ...(values.days ? { expiresInDays: Number(values.days) } : {}),
      },
      `cli:${process.env.USER ?? 'unknown'}`,
    );
    console.log(line(issued));
    console.log(`Authorization: Bearer ${issued.token}`);
    console.log('(shown once: the hub keeps only its hash)');
  } else if (command === 'list') {
    for (const t of await tokens.list({ includeInactive: values.all ?? false })) console.log(line(t));
  } else if (!(await tokens.revoke(id!))) {
    console.error(`No active token ${id}`);
    exitCode = 1;
  } else console.log(`Revoked ${id}`);
} catch (e) {
  console.error(isDomainError(e) ? e.message : `Failed: ${e instanceof Error ? e.message : String(e)}`);
  exitCode = 1;
} finally {
  await db.close();
  unlock();
}
process.exit(exitCode);
