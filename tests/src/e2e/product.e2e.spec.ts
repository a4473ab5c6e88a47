import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlAt, startProduct, type RunningProduct } from '../support/product';

/*
 * The product as a new user meets it: `npm start` on the embedded default, with the demo company,
 * driven over HTTP (GraphQL and the console's own origin) and in a real Chromium.
 */

const REACH = `query($period: PeriodInput!) { cafeSessionReachByOrgUnit(period: $period) { orgUnitId parentId population reached } }`;
const period = { from: '2026-01-01T00:00:00+09:00', to: '2027-01-01T00:00:00+09:00' };

describe('npm start: the whole product on the embedded default', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-e2e-'));
  let product: RunningProduct;
  let graphql: ReturnType<typeof graphqlAt>;
  /** The development token npm start printed for `role`. */
  const tokenOf = (role: string) => new RegExp(`${role}\\s+Authorization: Bearer (\\S+)`).exec(product.output())![1]!;
  const graphqlAs = (role: string) => graphqlAt(product.graphqlUrl, { authorization: `Bearer ${tokenOf(role)}` });

  beforeAll(async () => {
    product = await startProduct({ HUB_DATA_DIR: dataDir });
    graphql = graphqlAt(product.graphqlUrl);
  }, 600_000);
  afterAll(async () => {
    if (product?.child.exitCode === null) await product.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the URLs and seeds the demo company: about 300 employees met over ~16 months', async () => {
    expect(product.output()).toMatch(/seeding the demo company/);
    // Without KAFKA_BROKERS there is no relay, and the product says so.
    await expect.poll(() => product.output()).toMatch(/Kafka relay: not running \(set KAFKA_BROKERS to publish the streams\)/);
    const sessions = await graphql<{ cafeSessions: { totalCount: number } }>(`
      {
        cafeSessions(from: "2014-02-01T00:00:00Z", to: "2015-07-01T00:00:00Z") {
          totalCount
        }
      }
    `);
    expect(sessions.data!.cafeSessions.totalCount).toBe(32);
    const reach = await graphql<{ cafeSessionReachByOrgUnit: { reached: number; parentId: string | null }[] }>(REACH, {
      period: { from: '2014-02-01T00:00:00+09:00', to: '2015-07-01T00:00:00+09:00' },
    });
    // Divisions count their whole subtree: summing them counts everyone once.
    const met = reach.data!.cafeSessionReachByOrgUnit.filter((r) => r.parentId === null).reduce((n, r) => n + r.reached, 0);
    expect(met).toBeGreaterThan(250);
    expect(met).toBeLessThan(330);
    // Christmas 2014: a cake for every branch, and every one of the 74 Seoul branches visited in person.
    const xmas = await graphql<{
      campaigns: { complete: boolean; targetCount: number }[];
      unvisitedBranches: unknown[];
      branches: { totalCount: number };
    }>(`
      {
        campaigns {
          complete
          targetCount
        }
        unvisitedBranches(from: "2014-12-01T00:00:00+09:00", to: "2015-01-01T00:00:00+09:00", seoul: true) {
          id
        }
        branches(filter: { seoul: true }) {
          totalCount
        }
      }
    `);
    expect(xmas.data!.campaigns).toEqual([{ complete: true, targetCount: expect.any(Number) }]);
    expect(xmas.data!.branches.totalCount).toBe(74);
    expect(xmas.data!.unvisitedBranches).toEqual([]);
    const townHalls = await graphql<{ townHalls: { totalCount: number } }>(`
      {
        townHalls {
          totalCount
        }
      }
    `);
    expect(townHalls.data!.townHalls.totalCount).toBe(8);
    // The rhythms of the story were kept: twice a month, every two months.
    const cadence = await graphql<{ cadence: { cafeSessions: { met: boolean; held: number }[]; townHalls: { met: boolean }[] } }>(`
      {
        cadence(from: "2014-03-01", to: "2015-07-01") {
          cafeSessions {
            met
            held
          }
          townHalls {
            met
          }
        }
      }
    `);
    expect(cadence.data!.cadence.cafeSessions).toHaveLength(16);
    expect(cadence.data!.cadence.cafeSessions.every((p) => p.met && p.held === 2)).toBe(true);
    expect(cadence.data!.cadence.townHalls.filter((p) => p.met).length).toBeGreaterThanOrEqual(7);
  });

  it('tells the rest of the story: the CEO in Banpo for the one-year check, Customer Smile compliance, PRIDE beside the rest', async () => {
    const banpo = await graphqlAs('LEADERSHIP')<{
      touches: {
        edges: { node: { personKind: string; leader: { id: string }; customer: { id: string; branch: { district: string } } | null } }[];
      };
    }>(
      `{ touches(filter: { leaderId: "CEO", channel: CUSTOMER_VISIT }) { edges { node { personKind leader { id } customer { id branch { district } } } } } }`,
    );
    const kinds = banpo.data!.touches.edges.map((e) => e.node.personKind).sort();
    expect(kinds).toEqual(['CUSTOMER', 'FC']);
    expect(banpo.data!.touches.edges.find((e) => e.node.customer)!.node.customer).toEqual({
      id: 'CU-BANPO',
      branch: { district: '서초구' },
    });
    const compliance = await graphql<{ followUpCompliance: { due: number; onTime: number; late: number; overdue: number }[] }>(`
      {
        followUpCompliance(groupBy: REGION, from: "2014-01-01", to: "2015-12-31", on: "2015-12-31") {
          due
          onTime
          late
          overdue
        }
      }
    `);
    const seoul = compliance.data!.followUpCompliance[0]!;
    expect(seoul.onTime).toBeGreaterThan(seoul.late + seoul.overdue);
    expect(seoul.late + seoul.overdue).toBeGreaterThan(0);
    const pride = await graphql<{ fcActivity: { key: string; visitsPerFcWeek: number }[] }>(`
      {
        fcActivity(groupBy: PRIDE, from: "2015-04-01", to: "2015-06-30") {
          key
          visitsPerFcWeek
        }
      }
    `);
    const [nonPride, isPride] = pride.data!.fcActivity;
    expect([nonPride!.key, isPride!.key]).toEqual(['NON_PRIDE', 'PRIDE']);
    expect(isPride!.visitsPerFcWeek).toBeGreaterThan(nonPride!.visitsPerFcWeek);
    // The printed SALES token shows the customer's name; without it, it stays hidden.
    const query = `{ customer(id: "CU-BANPO") { personalData { name } } }`;
    expect((await graphqlAs('SALES')<{ customer: unknown }>(query)).data).toEqual({ customer: { personalData: { name: '반포고객' } } });
    expect((await graphqlAs('LEADERSHIP')(query)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await graphql(query)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('serves the console and forwards /graphql from its origin', async () => {
    const page = await fetch(product.consoleUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);
    const viaConsole = await graphqlAt(`${product.consoleUrl}/graphql`)<{ cafeSessions: { totalCount: number } }>(
      `{ cafeSessions { totalCount } }`,
    );
    expect(viaConsole.data!.cafeSessions.totalCount).toBeGreaterThanOrEqual(32);
    const graphiql = await fetch(product.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(await graphiql.text()).toMatch(/GraphiQL|graphiql/);
  });

  it('drives mutation → query: a session held this year moves the coverage figure', async () => {
    const before = await graphql<{ cafeSessionReachByOrgUnit: { orgUnitId: string; reached: number }[] }>(REACH, { period });
    const people = await graphql<{ employees: { edges: { node: { id: string; orgUnit: { id: string; parent: { id: string } } } }[] } }>(`
      {
        employees(filter: { grade: STAFF }, first: 1) {
          edges {
            node {
              id
              orgUnit {
                id
                parent {
                  id
                }
              }
            }
          }
        }
      }
    `);
    const guest = people.data!.employees.edges[0]!.node;
    const at = '2026-03-12T15:00:00+09:00';
    const on = '2026-03-05T09:00:00+09:00';
    // Held earlier this year: recorded as history, scheduled a week before it took place.
    const schedule = `mutation($at: DateTime!, $on: DateTime!) { scheduleCafeSession(input: { scheduledAt: $at, venue: "Café, Yeouido", hostIds: ["CEO"] }, occurredAt: $on) { id } }`;
    // Nothing writes without a role: an anonymous caller is refused.
    expect((await graphql(schedule, { at, on })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const hr = graphqlAs('HR');
    const s = await hr<{ scheduleCafeSession: { id: string } }>(schedule, { at, on });
    const sessionId = s.data!.scheduleCafeSession.id;
    expect(
      (
        await hr(`mutation($s: ID!, $e: ID!) { inviteToCafeSession(input: { sessionId: $s, employeeId: $e }) { id } }`, {
          s: sessionId,
          e: guest.id,
        })
      ).errors,
    ).toBeUndefined();
    expect(
      (
        await hr(`mutation($s: ID!, $e: ID!) { recordCafeSessionAttendance(input: { sessionId: $s, employeeId: $e }) { id } }`, {
          s: sessionId,
          e: guest.id,
        })
      ).errors,
    ).toBeUndefined();
    const after = await graphql<{ cafeSessionReachByOrgUnit: { orgUnitId: string; reached: number }[] }>(REACH, { period });
    const reachedIn = (r: typeof after, id: string) => r.data!.cafeSessionReachByOrgUnit.find((x) => x.orgUnitId === id)!.reached;
    // The guest's department and its division both count one more person met.
    expect(reachedIn(after, guest.orgUnit.id)).toBe(reachedIn(before, guest.orgUnit.id) + 1);
    expect(reachedIn(after, guest.orgUnit.parent.id)).toBe(reachedIn(before, guest.orgUnit.parent.id) + 1);

    const refused = await hr(`mutation($s: ID!) { inviteToCafeSession(input: { sessionId: $s, employeeId: "CEO" }) { id } }`, {
      s: sessionId,
    });
    expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN_BY_RULE');
  });

  // The console in Chromium (every page, roles, CSV, the schedule form): console.e2e.spec.ts.

  it('stops cleanly on Ctrl-C and keeps its data across a restart', async () => {
    const sessionsBefore = await graphql<{ cafeSessions: { totalCount: number } }>(`
      {
        cafeSessions {
          totalCount
        }
      }
    `);
    const oldToken = tokenOf('ADMIN');
    expect(await product.stop('SIGINT')).toBe(0);
    expect(product.output()).toMatch(/\[hub\] stopped/);
    product = await startProduct({ HUB_DATA_DIR: dataDir });
    graphql = graphqlAt(product.graphqlUrl);
    expect(product.output()).not.toMatch(/seeding/);
    const sessionsAfter = await graphql<{ cafeSessions: { totalCount: number } }>(`
      {
        cafeSessions {
          totalCount
        }
      }
    `);
    expect(sessionsAfter.data!.cafeSessions.totalCount).toBe(sessionsBefore.data!.cafeSessions.totalCount);
    // Each start issues fresh development tokens; the previous run's are revoked.
    const stale = await fetch(product.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${oldToken}` },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });
    expect(stale.status).toBe(401);
    expect((await graphqlAs('ADMIN')<{ me: { role: string } }>('{ me { role } }')).data).toEqual({ me: { role: 'ADMIN' } });
    expect(await product.stop('SIGTERM')).toBe(0);
  }, 600_000);
});
