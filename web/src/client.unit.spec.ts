import type { OperationDefinitionNode } from 'graphql';
import { Client, gql, makeResult, type Exchange } from 'urql';
import { describe, expect, it } from 'vitest';
import { empty, fromValue, map, mergeMap, pipe } from 'wonka';
import { graphcache } from './client';
import { CoverageQuery, InviteMutation } from './operations';

/** The network edge: counts what reaches it and answers like the gateway (reach rises after the invite). */
const gateway = () => {
  const sent: string[] = [];
  let reached = 10;
  const exchange: Exchange = () => (ops$) =>
    pipe(
      ops$,
      mergeMap((op) => {
        const name = (op.query.definitions[0] as OperationDefinitionNode).name!.value;
        if (op.kind === 'teardown') return empty;
        sent.push(name);
        const data =
          name === 'Invite'
            ? (reached++,
              {
                inviteToCafeSession: {
                  __typename: 'CafeSession',
                  id: 'S1',
                  invitedCount: 1,
                  participants: [{ __typename: 'CafeParticipant', employeeId: 'E1', invited: true }],
                },
              })
            : {
                coverage: {
                  __typename: 'Coverage',
                  population: 100,
                  reached,
                  reachRate: reached / 100,
                  touches: reached,
                  frequency: 1,
                  averageDaysSinceLastTouch: null,
                  byChannel: [],
                  byLeader: [],
                },
              };
        return pipe(
          fromValue(data),
          map((d) => makeResult(op, { data: d })),
        );
      }),
    );
  return { exchange, sent };
};

describe('Graphcache in the console', () => {
  it('serves a figure from the cache, and asks again after a recording mutation: the new reach, with no reload', async () => {
    const { exchange, sent } = gateway();
    const client = new Client({ url: '/graphql', exchanges: [graphcache(), exchange] });
    const vars = { population: 'EMPLOYEE' as const, period: { from: '2026-11-01T00:00:00+09:00', to: '2026-12-01T00:00:00+09:00' } };
    expect((await client.query(CoverageQuery, vars).toPromise()).data?.coverage.reached).toBe(10);
    expect((await client.query(CoverageQuery, vars).toPromise()).data?.coverage.reached).toBe(10);
    expect(sent).toEqual(['Coverage']);
    await client.mutation(InviteMutation, { input: { sessionId: 'S1', employeeId: 'E1' } }).toPromise();
    expect((await client.query(CoverageQuery, vars).toPromise()).data?.coverage.reached).toBe(11);
    expect(sent).toEqual(['Coverage', 'Invite', 'Coverage']);
  });

  it('keeps a café-session question and a town-hall question with the same id apart (ids are unique only within their gathering)', async () => {
    const question = (channel: string, id: string, text: string) => ({
      __typename: 'Question',
      id: 'Q1',
      gathering: { __typename: 'Gathering', channel, id },
      text,
    });
    const exchange: Exchange = () => (ops$) =>
      pipe(
        ops$,
        mergeMap((op) =>
          op.kind === 'teardown'
            ? empty
            : fromValue(
                makeResult(op, {
                  data: {
                    cafeSession: { __typename: 'CafeSession', id: 'S1', questions: [question('CAFE_SESSION', 'S1', 'How do I grow?')] },
                    townHall: { __typename: 'TownHall', id: 'T1', questions: [question('TOWN_HALL', 'T1', 'Next year?')] },
                  },
                }),
              ),
        ),
      );
    const client = new Client({ url: '/graphql', exchanges: [graphcache(), exchange] });
    const both = gql`
      query Both {
        cafeSession(id: "S1") {
          id
          questions {
            id
            gathering {
              channel
              id
            }
            text
          }
        }
        townHall(id: "T1") {
          id
          questions {
            id
            gathering {
              channel
              id
            }
            text
          }
        }
      }
    `;
    const { data } = await client.query(both, {}).toPromise();
    expect([data.cafeSession.questions[0].text, data.townHall.questions[0].text]).toEqual(['How do I grow?', 'Next year?']);
  });
});
