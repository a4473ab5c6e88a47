import { cafeSessionStream } from '@hub/contracts';
import { createDirectoryService } from '@hub/directory';
import { createSqlEventStore, type EventStore } from '@hub/event-store';
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
    await directory.registerEmployee({ employeeId: 'GONE', name: '퇴사자', grade: 'STAFF', orgUnitId: 'HQ', region: 'Seoul', hiredOn: '2010-01-04' }, ctx);
    await directory.recordEmployeeLeft({ employeeId: 'GONE', leftOn: '2014-12-31' }, ctx);
  });
  afterAll(() => dispose());

  const schedule = (sessionId: string, capacity = 10) =>
    service.schedule({ sessionId, scheduledAt: '2015-03-12T15:00:00+09:00', venue: 'Café, Yeouido', hostIds: ['CEO'], capacity }, ctx);
  const streamOf = async (sessionId: string) => (await store.readStream(cafeSessionStream(sessionId))).map((e) => e.id);

  it('runs a whole session: schedule, invite, attend, question, answer, follow-up', async () => {
    await schedule('S-whole');
    await service.invite({ sessionId: 'S-whole', employeeId: 'E1' }, ctx);
    await service.recordAttendance({ sessionId: 'S-whole', employeeId: 'E1' }, ctx);
    const { questionId } = await service.raiseQuestion({ sessionId: 'S-whole', topic: 'career', text: 'How do I grow here?', askedBy: 'E1' }, ctx);
    await service.answerQuestion({ sessionId: 'S-whole', questionId, answeredBy: 'CEO', mode: 'LIVE', answer: 'Ask for stretch roles.' }, ctx);
    const { followUpId } = await service.assignFollowUp({ sessionId: 'S-whole', questionId, description: 'Mentoring list', ownerId: 'CEO', dueOn: '2015-04-01' }, ctx);
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
    ['answering an unknown question', (s: string) => service.answerQuestion({ sessionId: s, questionId: 'Q-unknown', answeredBy: 'CEO', mode: 'LIVE', answer: 'x' }, ctx), 'NOT_FOUND'],
    ['a malformed date', (s: string) => service.assignFollowUp({ sessionId: s, description: 'x', ownerId: 'CEO', dueOn: '2015-02-30' }, ctx), 'VALIDATION'],
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
});
