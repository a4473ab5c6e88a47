import { cafeSessionStream } from '@hub/events';
import { createDirectoryService } from '@hub/directory';
import { type EventStore } from '@hub/event-store';
import { createSqlEventStore } from '@hub/event-store-sql';
import { SQL_ENGINES } from '@hub/sql/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCafeSessionService, type CafeSessionService } from './service';

const ctx = { actor: 'test' };

describe.each(SQL_ENGINES)('café-session service on $name', (engine) => {
  let store: EventStore;
  let service: CafeSessionService;
  let dispose: () => Promise<void>;
  let now = new Date('2015-03-12T07:00:00Z');

  beforeAll(async () => {
    const created = await engine.create();
    store = await createSqlEventStore(created.db);
    dispose = async () => {
      await store.close();
      await created.dispose();
    };
    const directory = createDirectoryService(store);
    service = createCafeSessionService({ store, directory, clock: () => now });
    await directory.defineOrgUnit({ orgUnitId: 'HQ', name: 'Head Office', kind: 'DIVISION' }, ctx);
    const people = [
      ['CEO', '정문국', 'EXECUTIVE', 'CEO'],
      ['GM1', '박부장', 'GENERAL_MANAGER', null],
      ...Array.from({ length: 12 }, (_, i) => [`E${i + 1}`, `직원 ${i + 1}`, i % 2 ? 'STAFF' : 'DEPUTY_GENERAL_MANAGER', null]),
    ] as const;
    for (const [employeeId, name, grade, title] of people) {
      await directory.registerEmployee({ employeeId, name, grade, orgUnitId: 'HQ', region: 'Seoul', title }, ctx);
    }
    await directory.registerEmployee(
      { employeeId: 'GONE', name: '퇴사자', grade: 'STAFF', orgUnitId: 'HQ', region: 'Seoul', hiredOn: '2010-01-04' },
      ctx,
    );
    await directory.recordEmployeeLeft({ employeeId: 'GONE', leftOn: '2014-12-31' }, ctx);
  });
  afterAll(() => dispose());

  const schedule = (sessionId: string, capacity = 10) =>
    // The session is already past on this clock, so it is recorded as history: scheduled on 1 March.
    service.schedule(
      { sessionId, scheduledAt: '2015-03-12T15:00:00+09:00', venue: 'Café, Yeouido', hostIds: ['CEO'], capacity },
      { ...ctx, occurredAt: '2015-03-01T00:00:00Z' },
    );
  const streamOf = async (sessionId: string) => (await store.readStream(cafeSessionStream(sessionId))).map((e) => e.id);

  it('runs a whole session: schedule, invite, attend, question, answer, follow-up', async () => {
    await schedule('S-whole');
    await service.invite({ sessionId: 'S-whole', employeeId: 'E1' }, ctx);
    await service.recordAttendance({ sessionId: 'S-whole', employeeId: 'E1' }, ctx);
    const { questionId } = await service.raiseQuestion(
      { sessionId: 'S-whole', topic: 'career', text: 'How do I grow here?', askedBy: 'E1' },
      ctx,
    );
    await service.answerQuestion(
      { sessionId: 'S-whole', questionId, answeredBy: 'CEO', mode: 'LIVE', answer: 'Ask for stretch roles.' },
      ctx,
    );
    const { followUpId } = await service.assignFollowUp(
      { sessionId: 'S-whole', questionId, description: 'Mentoring list', ownerId: 'CEO', dueOn: '2015-04-01' },
      ctx,
    );
    await service.completeFollowUp({ sessionId: 'S-whole', followUpId, completedOn: '2015-03-25' }, ctx);
    const types = (await store.readStream(cafeSessionStream('S-whole'))).map((e) => e.type);
    expect(types).toEqual([
      'CafeSessionScheduled',
      'EmployeeInvitedToCafeSession',
      'CafeSessionAttendanceRecorded',
      'CafeSessionQuestionRaised',
      'CafeSessionQuestionAnswered',
      'CafeSessionFollowUpAssigned',
      'CafeSessionFollowUpCompleted',
    ]);
  });

  it.each([
    ['inviting a 부장', (s: string) => service.invite({ sessionId: s, employeeId: 'GM1' }, ctx), 'FORBIDDEN_BY_RULE'],
    ['inviting the executive CEO', (s: string) => service.invite({ sessionId: s, employeeId: 'CEO' }, ctx), 'FORBIDDEN_BY_RULE'],
    ['inviting an unknown person', (s: string) => service.invite({ sessionId: s, employeeId: 'NOBODY' }, ctx), 'NOT_FOUND'],
    ['inviting someone who left', (s: string) => service.invite({ sessionId: s, employeeId: 'GONE' }, ctx), 'FORBIDDEN_BY_RULE'],
    [
      'answering an unknown question',
      (s: string) => service.answerQuestion({ sessionId: s, questionId: 'Q-unknown', answeredBy: 'CEO', mode: 'LIVE', answer: 'x' }, ctx),
      'NOT_FOUND',
    ],
    [
      'a malformed date',
      (s: string) => service.assignFollowUp({ sessionId: s, description: 'x', ownerId: 'CEO', dueOn: '2015-02-30' }, ctx),
      'VALIDATION',
    ],
    ['an empty employee id', (s: string) => service.invite({ sessionId: s, employeeId: '' }, ctx), 'VALIDATION'],
  ])('refuses %s with a clear error and appends nothing', async (_, act, kind) => {
    const sessionId = `S-bad-${kind}-${Math.random().toString(36).slice(2)}`;
    await schedule(sessionId);
    const before = await streamOf(sessionId);
    await expect(act(sessionId)).rejects.toMatchObject({ kind });
    expect(await streamOf(sessionId)).toEqual(before);
  });

  it('refuses attendance at a cancelled session and appends nothing', async () => {
    await schedule('S-cancelled');
    await service.invite({ sessionId: 'S-cancelled', employeeId: 'E2' }, ctx);
    await service.cancel({ sessionId: 'S-cancelled', reason: 'Typhoon' }, ctx);
    const before = await streamOf('S-cancelled');
    await expect(service.recordAttendance({ sessionId: 'S-cancelled', employeeId: 'E2' }, ctx)).rejects.toMatchObject({
      kind: 'FORBIDDEN_BY_RULE',
      message: expect.stringMatching(/cancelled/),
    });
    expect(await streamOf('S-cancelled')).toEqual(before);
  });

  it('treats a repeated command id as done and a repeated invitation as a conflict', async () => {
    await schedule('S-dup');
    const first = await service.invite({ sessionId: 'S-dup', employeeId: 'E3' }, { ...ctx, commandId: 'cmd-invite-E3' });
    const retry = await service.invite({ sessionId: 'S-dup', employeeId: 'E3' }, { ...ctx, commandId: 'cmd-invite-E3' });
    expect(retry).toMatchObject({ repeated: true, eventIds: first.eventIds });
    const before = await streamOf('S-dup');
    await expect(service.invite({ sessionId: 'S-dup', employeeId: 'E3' }, ctx)).rejects.toMatchObject({ kind: 'CONFLICT' });
    expect(await streamOf('S-dup')).toEqual(before);
  });

  it('lets exactly one of two concurrent invitations take the last seat', async () => {
    await schedule('S-race', 2);
    await service.invite({ sessionId: 'S-race', employeeId: 'E4' }, ctx);
    // Hold both readers of the session stream until each has read it, so both decide on the same
    // revision (one seat left) — the real race, made certain instead of left to timing.
    let arrived = 0;
    let release!: () => void;
    const bothRead = new Promise<void>((r) => (release = r));
    const racing: EventStore = {
      ...store,
      async readStream(name) {
        const events = await store.readStream(name);
        if (name === cafeSessionStream('S-race')) {
          if (++arrived === 2) release();
          await bothRead;
        }
        return events;
      },
    };
    const racingService = createCafeSessionService({ store: racing, directory: createDirectoryService(store), clock: () => now });
    const results = await Promise.allSettled([
      racingService.invite({ sessionId: 'S-race', employeeId: 'E5' }, ctx),
      racingService.invite({ sessionId: 'S-race', employeeId: 'E6' }, ctx),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const loser = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(loser?.reason).toMatchObject({ name: 'ConcurrencyConflictError' });
    const invitations = (await store.readStream(cafeSessionStream('S-race'))).filter((e) => e.type === 'EmployeeInvitedToCafeSession');
    expect(invitations).toHaveLength(2);
  });

  it('refuses attendance before the session starts', async () => {
    now = new Date('2015-03-01T00:00:00Z');
    try {
      await schedule('S-early');
      await expect(service.recordAttendance({ sessionId: 'S-early', employeeId: 'E7' }, ctx)).rejects.toThrow(/not started/);
    } finally {
      now = new Date('2015-03-12T07:00:00Z');
    }
  });

  it('stamps business time: scheduling when it was done, invitations now, attendance at the session, answers when given', async () => {
    await schedule('S-times');
    await service.invite({ sessionId: 'S-times', employeeId: 'E1' }, ctx);
    await service.recordAttendance({ sessionId: 'S-times', employeeId: 'E1' }, ctx);
    await service.raiseQuestion(
      { sessionId: 'S-times', questionId: 'Q-t', topic: 'career', text: 'How?', askedBy: 'E1', raisedAt: '2015-03-12T15:10:00+09:00' },
      ctx,
    );
    await service.assignFollowUp(
      { sessionId: 'S-times', followUpId: 'F-t', description: 'x', ownerId: 'CEO', dueOn: '2015-04-01' },
      { ...ctx, occurredAt: '2015-03-12T06:30:00Z' },
    );
    await service.completeFollowUp({ sessionId: 'S-times', followUpId: 'F-t', completedOn: '2015-03-12' }, ctx);
    const times = (await store.readStream(cafeSessionStream('S-times'))).map((e) => [e.type, e.metadata.occurredAt]);
    expect(times).toEqual([
      ['CafeSessionScheduled', '2015-03-01T00:00:00.000Z'],
      ['EmployeeInvitedToCafeSession', now.toISOString()],
      ['CafeSessionAttendanceRecorded', '2015-03-12T06:00:00.000Z'],
      ['CafeSessionQuestionRaised', '2015-03-12T06:10:00.000Z'],
      ['CafeSessionFollowUpAssigned', '2015-03-12T06:30:00.000Z'],
      ['CafeSessionFollowUpCompleted', '2015-03-11T15:00:00.000Z'],
    ]);
  });

  it('refuses a past session without occurredAt, and an occurredAt that contradicts the data, appending nothing', async () => {
    await expect(
      service.schedule({ sessionId: 'S-past', scheduledAt: '2015-03-12T15:00:00+09:00', venue: 'Café', hostIds: ['CEO'] }, ctx),
    ).rejects.toMatchObject({
      kind: 'VALIDATION',
      message: expect.stringMatching(/scheduling is for the future.*occurredAt/),
    });
    expect(await store.readStream(cafeSessionStream('S-past'))).toEqual([]);
    await schedule('S-contra');
    await expect(
      service.completeFollowUp(
        { sessionId: 'S-contra', followUpId: 'F', completedOn: '2015-03-12' },
        { ...ctx, occurredAt: '2015-03-20T00:00:00Z' },
      ),
    ).rejects.toMatchObject({
      kind: 'VALIDATION',
      message: expect.stringMatching(/contradicts completedOn/),
    });
  });

  it('records a whole session in one append, once per command id, and nothing when any part is refused', async () => {
    const input = {
      sessionId: 'S-bulk',
      scheduledAt: '2015-03-12T15:00:00+09:00',
      venue: 'Café',
      hostIds: ['CEO'],
      invitations: [{ employeeId: 'E1' }, { employeeId: 'E2' }],
      attendance: [{ employeeId: 'E1' }, { employeeId: 'E3' }],
      questions: [{ questionId: 'Q-b', topic: 'career', text: 'How?', askedBy: 'E1', answer: { answeredBy: 'CEO', answer: 'Like this.' } }],
    };
    const history = { ...ctx, commandId: 'bulk-1', occurredAt: '2015-02-26T00:00:00Z' };
    const first = await service.recordSession(input, history);
    const events = await store.readStream(cafeSessionStream('S-bulk'));
    expect(events.map((e) => [e.type, e.metadata.occurredAt])).toEqual([
      ['CafeSessionScheduled', '2015-02-26T00:00:00.000Z'],
      ['EmployeeInvitedToCafeSession', '2015-02-26T00:00:00.000Z'],
      ['EmployeeInvitedToCafeSession', '2015-02-26T00:00:00.000Z'],
      ['CafeSessionAttendanceRecorded', '2015-03-12T06:00:00.000Z'],
      ['CafeSessionAttendanceRecorded', '2015-03-12T06:00:00.000Z'],
      ['CafeSessionQuestionRaised', '2015-03-12T06:00:00.000Z'],
      ['CafeSessionQuestionAnswered', '2015-03-12T06:00:00.000Z'],
    ]);
    expect(new Set(events.map((e) => e.position)).size).toBeGreaterThan(0);
    expect(await service.recordSession(input, history)).toMatchObject({ repeated: true, eventIds: first.eventIds });
    expect(await store.readStream(cafeSessionStream('S-bulk'))).toHaveLength(events.length);

    // A 부장 among the invitees refuses the whole session: not even the scheduling is written.
    await expect(
      service.recordSession(
        { ...input, sessionId: 'S-bulk-bad', invitations: [{ employeeId: 'E1' }, { employeeId: 'GM1' }] },
        { ...history, commandId: 'bulk-2' },
      ),
    ).rejects.toMatchObject({ kind: 'FORBIDDEN_BY_RULE' });
    expect(await store.readStream(cafeSessionStream('S-bulk-bad'))).toEqual([]);
  });
});
