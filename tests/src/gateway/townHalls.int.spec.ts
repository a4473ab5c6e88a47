import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_ENGINES, startHub, type HubUnderTest } from '../support/hubUnderTest';

describe.each(HUB_ENGINES)('town halls through GraphQL on $name', (engine) => {
  let t: HubUnderTest;
  const ok = (query: string, variables?: Record<string, unknown>) => t.ok(query, variables);
  const refused = (query: string, code: string, message: RegExp) => t.refused(query, code, message);

  beforeAll(async () => {
    t = await startHub(engine);
    await ok(`mutation { defineOrgUnit(input: { orgUnitId: "HQ", name: "Head Office", kind: DIVISION }) { id } }`);
    await ok(`mutation { defineOrgUnit(input: { orgUnitId: "IT", name: "IT", kind: DEPARTMENT, parentId: "HQ" }) { id } }`);
    await ok(
      `mutation { registerEmployee(input: { employeeId: "CEO", name: "정문국", grade: EXECUTIVE, orgUnitId: "HQ", region: "Seoul", title: "CEO" }) { id } }`,
    );
    await ok(
      `mutation { registerEmployee(input: { employeeId: "M1", name: "과장 발표자", grade: MANAGER, orgUnitId: "IT", region: "Seoul" }) { id } }`,
    );
    await ok(
      `mutation { registerEmployee(input: { employeeId: "E1", name: "김사원", grade: STAFF, orgUnitId: "IT", region: "Seoul" }) { id } }`,
    );
  });
  afterAll(() => t.dispose());

  it('records a chimaek town hall end to end: presenters of any grade, attendance by name and by head count, questions, feedback', async () => {
    const th = await ok(
      `mutation { scheduleTownHall(input: { townHallId: "TH-1", scheduledAt: "2015-05-20T18:00:00+09:00", format: CHIMAEK, theme: "Q1 results", venue: "Rooftop", presenterIds: ["CEO", "M1"] }, occurredAt: "2015-01-15T09:00:00+09:00") { id status presenters { id } } }`,
    );
    expect(th).toEqual({ scheduleTownHall: { id: 'TH-1', status: 'SCHEDULED', presenters: [{ id: 'CEO' }, { id: 'M1' }] } });
    await ok(`mutation { recordTownHallAttendance(input: { townHallId: "TH-1", employeeId: "E1" }) { attendedCount } }`);
    await ok(`mutation { recordTownHallHeadCount(input: { townHallId: "TH-1", orgUnitId: "IT", headCount: 30 }) { headCount } }`);
    const recount = await ok(
      `mutation { recordTownHallHeadCount(input: { townHallId: "TH-1", orgUnitId: "IT", headCount: 35 }) { headCount headCounts { orgUnit { id } headCount } } }`,
    );
    expect(recount).toEqual({ recordTownHallHeadCount: { headCount: 35, headCounts: [{ orgUnit: { id: 'IT' }, headCount: 35 }] } });
    await ok(
      `mutation { raiseTownHallQuestion(input: { townHallId: "TH-1", questionId: "Q1", topic: "strategy", text: "Next year?", askedBy: "E1" }) { id } }`,
    );
    await ok(
      `mutation { answerTownHallQuestion(input: { townHallId: "TH-1", questionId: "Q1", answeredBy: "M1", answer: "Growth." }) { id } }`,
    );
    await ok(`mutation { giveTownHallFeedback(input: { townHallId: "TH-1", rating: 5, comment: "치맥 최고" }) { id } }`);
    const summary = await ok(
      `mutation { giveTownHallFeedback(input: { townHallId: "TH-1", rating: 4, employeeId: "E1" }) { feedbackCount averageRating questions { id askedBy { id } answeredBy { id } } } }`,
    );
    expect(summary).toEqual({
      giveTownHallFeedback: {
        feedbackCount: 2,
        averageRating: 4.5,
        questions: [{ id: 'Q1', askedBy: { id: 'E1' }, answeredBy: { id: 'M1' } }],
      },
    });

    // The attendee was touched by each presenter; the head count touched no one by name.
    const touches = await ok(`{ employee(id: "E1") { touches { channel leader { id } } } }`);
    expect(touches).toEqual({
      employee: {
        touches: [
          { channel: 'TOWN_HALL', leader: { id: 'CEO' } },
          { channel: 'TOWN_HALL', leader: { id: 'M1' } },
        ],
      },
    });
    // Who came by name is listed; the 35 counted by head are not anyone.
    expect(await ok(`{ townHall(id: "TH-1") { attendees { id name } } }`)).toEqual({
      townHall: { attendees: [{ id: 'E1', name: '김사원' }] },
    });
    expect(await ok(`{ townHalls(presenterId: "M1") { totalCount edges { node { id format } } } }`)).toEqual({
      townHalls: { totalCount: 1, edges: [{ node: { id: 'TH-1', format: 'CHIMAEK' } }] },
    });
  });

  it('promises follow-ups at a town hall, listed with the open follow-ups until done', async () => {
    const assigned = await ok(
      `mutation { assignTownHallFollowUp(input: { townHallId: "TH-1", followUpId: "F1", questionId: "Q1", description: "Publish the plan", ownerId: "M1", dueOn: "2015-06-05" }) { id gathering { channel id } owner { id } dueOn completedOn } }`,
    );
    expect(assigned).toEqual({
      assignTownHallFollowUp: {
        id: 'F1',
        gathering: { channel: 'TOWN_HALL', id: 'TH-1' },
        owner: { id: 'M1' },
        dueOn: '2015-06-05',
        completedOn: null,
      },
    });
    const open = (at: string) =>
      ok(
        `{ openFollowUps(at: "${at}", channel: TOWN_HALL) { id gathering { channel id } sessionId description owner { id } ageDays overdue } }`,
      );
    expect(await open('2015-06-01T00:00:00Z')).toEqual({
      openFollowUps: [
        {
          id: 'F1',
          gathering: { channel: 'TOWN_HALL', id: 'TH-1' },
          sessionId: null,
          description: 'Publish the plan',
          owner: { id: 'M1' },
          ageDays: 11,
          overdue: false,
        },
      ],
    });
    expect(await open('2015-06-06T00:00:00Z')).toMatchObject({ openFollowUps: [{ id: 'F1', overdue: true }] });
    await refused(
      `mutation { assignTownHallFollowUp(input: { townHallId: "TH-1", followUpId: "F2", questionId: "Q9", description: "x", ownerId: "M1", dueOn: "2015-06-05" }) { id } }`,
      'NOT_FOUND',
      /No question Q9 in town hall TH-1/,
    );
    await refused(
      `mutation { assignTownHallFollowUp(input: { townHallId: "TH-1", description: "x", ownerId: "NOBODY", dueOn: "2015-06-05" }) { id } }`,
      'NOT_FOUND',
      /NOBODY/,
    );
    const done = await ok(
      `mutation { completeTownHallFollowUp(input: { townHallId: "TH-1", followUpId: "F1", completedOn: "2015-06-03", note: "On the intranet" }) { id completedOn } }`,
    );
    expect(done).toEqual({ completeTownHallFollowUp: { id: 'F1', completedOn: '2015-06-03' } });
    expect(await open('2015-06-06T00:00:00Z')).toEqual({ openFollowUps: [] });
    await refused(
      `mutation { completeTownHallFollowUp(input: { townHallId: "TH-1", followUpId: "F1", completedOn: "2015-06-04" }) { id } }`,
      'CONFLICT',
      /already completed/,
    );
    expect(await ok(`{ townHall(id: "TH-1") { followUps { id completedOn } } }`)).toEqual({
      townHall: { followUps: [{ id: 'F1', completedOn: '2015-06-03' }] },
    });
  });

  it('refuses bad input and appends nothing', async () => {
    await refused(
      `mutation { recordTownHallHeadCount(input: { townHallId: "TH-1", orgUnitId: "IT", headCount: -3 }) { id } }`,
      'VALIDATION',
      /headCount: cannot be negative/,
    );
    await refused(
      `mutation { recordTownHallHeadCount(input: { townHallId: "TH-1", orgUnitId: "NOPE", headCount: 3 }) { id } }`,
      'NOT_FOUND',
      /org unit NOPE/,
    );
    await refused(
      `mutation { recordTownHallAttendance(input: { townHallId: "TH-1", employeeId: "E1" }) { id } }`,
      'CONFLICT',
      /already recorded/,
    );
    await refused(`mutation { recordTownHallAttendance(input: { townHallId: "TH-X", employeeId: "E1" }) { id } }`, 'NOT_FOUND', /TH-X/);
    await refused(`mutation { giveTownHallFeedback(input: { townHallId: "TH-1", rating: 6 }) { id } }`, 'VALIDATION', /rating/);
    await refused(
      `mutation { scheduleTownHall(input: { scheduledAt: "2015-07-20T18:00:00+09:00", format: LECTURE, theme: "x", venue: "y", presenterIds: ["NOBODY"] }) { id } }`,
      'NOT_FOUND',
      /NOBODY/,
    );
    await refused(
      `mutation { answerTownHallQuestion(input: { townHallId: "TH-1", questionId: "Q1", answeredBy: "CEO", answer: "Again" }) { id } }`,
      'CONFLICT',
      /already answered/,
    );
    await refused(`mutation { cancelTownHall(input: { townHallId: "TH-1", reason: "late" }) { id } }`, 'FORBIDDEN_BY_RULE', /took place/);
  });
});
