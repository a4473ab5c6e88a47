import { createCafeSessionService } from '@hub/cafe-sessions';
import { createDirectoryService } from '@hub/directory';
import { createSqlEventStore } from '@hub/event-store-sql';
import { SQL_ENGINES } from '@hub/sql/testing';
import { describe, expect, it } from 'vitest';
import type { AsOf } from './asOf';
import { cafeSessionReachByOrgUnit } from './coverage/reach';
import { createProjector } from './projector';
import { cafeSessionsByIds, listCafeSessions, participantsBySessionIds } from './queries/cafeSessions';
import { followUpsOfGatherings, questionsOfGatherings } from './queries/questions';
import { listOrgUnits } from './queries/directory';
import { employeesPage } from './queries/people';
import { touchesByPersonIds } from './queries/touches';

const ctx = { actor: 'test' };
/** The sessions below took place in 2015: recorded as history, not scheduled ahead. */
const history = { ...ctx, occurredAt: '2015-03-01T00:00:00+09:00' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Rows say which moment they were read as of; the comparison is about everything else. */
const strip = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === 'asOf' ? undefined : v)));

describe.each(SQL_ENGINES)('"known at" (record time) on $name', (engine) => {
  it('answers every query known at a past moment exactly as the view answered at that moment', async () => {
    const { db, dispose } = await engine.create();
    const store = await createSqlEventStore(db, { pollIntervalMs: 20 });
    const projector = createProjector({ store, db });
    await projector.start();
    const directory = createDirectoryService(store);
    const cafe = createCafeSessionService({ store, directory, clock: () => new Date('2016-01-01T00:00:00Z') });
    const sessionIds = ['S1', 'S2', 'S3'];
    const people = ['CEO', 'E1', 'E2', 'E3', 'E4'];
    const period = { from: '2015-01-01T00:00:00Z', to: '2016-01-01T00:00:00Z' };

    const byName = { by: 'NAME', direction: 'ASC' } as const;
    const view = async (asOf?: AsOf) =>
      strip({
        list: await listCafeSessions(db, {}, { first: 50 }, asOf),
        sessions: await cafeSessionsByIds(db, sessionIds, asOf),
        participants: await participantsBySessionIds(db, sessionIds, asOf),
        questions: await questionsOfGatherings(db, 'CAFE_SESSION', sessionIds, asOf),
        followUps: await followUpsOfGatherings(db, 'CAFE_SESSION', sessionIds, asOf),
        employees: await employeesPage(db, { includeLeft: true }, byName, { first: 1000 }, asOf),
        present: await employeesPage(db, {}, byName, { first: 1000 }, asOf),
        orgUnits: await listOrgUnits(db, asOf),
        touches: await touchesByPersonIds(db, people, asOf),
        reach: await cafeSessionReachByOrgUnit(db, period, {}, asOf),
      });

    const snapshots: { at: string; view: unknown }[] = [];
    const snapshot = async () => {
      await projector.waitFor(await store.headPosition());
      const at = new Date().toISOString();
      snapshots.push({ at, view: await view() });
      await sleep(5); // whatever comes next is recorded strictly after `at`
    };

    try {
      await snapshot(); // empty
      await directory.defineOrgUnit({ orgUnitId: 'HQ', name: 'Head Office', kind: 'DIVISION' }, ctx);
      await directory.defineOrgUnit({ orgUnitId: 'IT', name: 'IT', kind: 'DEPARTMENT', parentId: 'HQ' }, ctx);
      await directory.registerEmployee({ employeeId: 'CEO', name: '정문국', grade: 'EXECUTIVE', orgUnitId: 'HQ', region: 'Seoul' }, ctx);
      for (const e of ['E1', 'E2', 'E3'])
        await directory.registerEmployee(
          { employeeId: e, name: e, grade: 'STAFF', orgUnitId: 'IT', region: 'Seoul', hiredOn: '2010-01-04' },
          ctx,
        );
      await cafe.schedule({ sessionId: 'S1', scheduledAt: '2015-03-12T15:00:00+09:00', venue: 'Café', hostIds: ['CEO'] }, history);
      await cafe.invite({ sessionId: 'S1', employeeId: 'E1' }, ctx);
      await snapshot();
      await cafe.recordAttendance({ sessionId: 'S1', employeeId: 'E1' }, ctx);
      await cafe.recordAttendance({ sessionId: 'S1', employeeId: 'E2' }, ctx);
      await cafe.raiseQuestion({ sessionId: 'S1', questionId: 'Q1', topic: 'career', text: 'How?', askedBy: 'E1' }, ctx);
      await cafe.assignFollowUp(
        { sessionId: 'S1', followUpId: 'F1', questionId: 'Q1', description: 'Reply', ownerId: 'CEO', dueOn: '2015-04-01' },
        ctx,
      );
      await cafe.schedule({ sessionId: 'S2', scheduledAt: '2015-03-26T15:00:00+09:00', venue: 'Café', hostIds: ['CEO'] }, history);
      await snapshot();
      await cafe.answerQuestion({ sessionId: 'S1', questionId: 'Q1', answeredBy: 'CEO', mode: 'FOLLOWED_UP', answer: 'Like this.' }, ctx);
      await cafe.completeFollowUp({ sessionId: 'S1', followUpId: 'F1', completedOn: '2015-03-30' }, ctx);
      await cafe.cancel({ sessionId: 'S2', reason: 'Typhoon' }, ctx);
      await directory.defineOrgUnit({ orgUnitId: 'FIN', name: 'Finance', kind: 'DEPARTMENT', parentId: 'HQ' }, ctx);
      await directory.registerEmployee({ employeeId: 'E4', name: 'E4', grade: 'MANAGER', orgUnitId: 'FIN', region: 'Busan' }, ctx);
      await directory.promoteEmployee({ employeeId: 'E1', grade: 'ASSISTANT_MANAGER', effectiveOn: '2015-04-01' }, ctx);
      await directory.transferEmployee({ employeeId: 'E2', orgUnitId: 'FIN', region: 'Busan', effectiveOn: '2015-04-01' }, ctx);
      await snapshot();
      await directory.recordEmployeeLeft({ employeeId: 'E3', leftOn: '2015-05-31' }, ctx);
      await cafe.schedule({ sessionId: 'S3', scheduledAt: '2015-04-09T15:00:00+09:00', venue: 'Café', hostIds: ['CEO'] }, history);
      await cafe.recordAttendance({ sessionId: 'S3', employeeId: 'E4' }, ctx);
      await snapshot();

      // Each moment differs from the next, so the comparison below can tell them apart.
      for (let i = 1; i < snapshots.length; i++) expect(snapshots[i]!.view).not.toEqual(snapshots[i - 1]!.view);
      // Known at T (and as of T, as the live view was then): exactly what the live view answered at T.
      for (const { at, view: then } of snapshots) expect(await view({ at, knownAt: at })).toEqual(then);
      expect(await view()).toEqual(snapshots[snapshots.length - 1]!.view);
    } finally {
      await projector.stop();
      await store.close();
      await dispose();
    }
  });
});
