import type { CommandContext } from '@hub/event-store';
import { describe, expect, it } from 'vitest';
import { formatProgress, importHistory, type HistoryCommands } from './history';

/** Commands that only remember what they were asked: the import's grouping, without a store. */
const recording = () => {
  const calls: { method: string; input: unknown; context: CommandContext }[] = [];
  const command = (method: string) => async (input: unknown, context: CommandContext) => {
    calls.push({ method, input, context });
    return { repeated: false, position: BigInt(calls.length) };
  };
  const commands: HistoryCommands = {
    cafeSessions: { recordSession: command('recordSession') },
    townHalls: { recordTownHall: command('recordTownHall') },
    branchVisits: { launchCampaign: command('launchCampaign'), recordVisit: command('recordBranchVisit') },
    videoMessages: { publish: command('publish'), recordView: command('recordView') },
    customerSmile: { recordContractHistory: command('recordContractHistory') },
    pride: { reportWeeks: command('reportWeeks') },
    emailLetters: { send: command('sendEmailLetter'), recordOpen: command('recordEmailLetterOpen') },
  };
  return { calls, commands };
};
const lines = (...records: object[]) => Buffer.from(records.map((r) => JSON.stringify(r)).join('\n'));
const NOW = Date.parse('2020-01-01T00:00:00Z');

describe('history import (grouping, without a store)', () => {
  it('gathers a session with its invitations, attendance and questions into one command, at the dates of the story', async () => {
    const { calls, commands } = recording();
    const file = lines(
      { type: 'cafe_attendance', sessionId: 'S1', employeeId: 'E1' },
      { type: 'cafe-session', sessionId: 'S1', scheduledAt: '2014-03-10T15:00:00+09:00', venue: 'Café', hostIds: 'CEO' },
      { type: 'CafeInvitation', sessionId: 'S1', employeeId: 'E1', occurredAt: '2014-03-01T00:00:00Z' },
      {
        type: 'cafe_question',
        sessionId: 'S1',
        questionId: 'Q1',
        topic: 'career',
        text: 'How?',
        askedBy: 'E1',
        answeredBy: 'CEO',
        answer: 'So.',
      },
    );
    const report = await importHistory(commands, file, { clock: () => NOW });
    expect(report).toMatchObject({ format: 'JSONL', records: 4, imported: 4, failed: 0, commands: 1 });
    expect(calls).toEqual([
      {
        method: 'recordSession',
        input: {
          sessionId: 'S1',
          scheduledAt: '2014-03-10T06:00:00.000Z',
          venue: 'Café',
          hostIds: ['CEO'],
          invitations: [{ employeeId: 'E1', occurredAt: '2014-03-01T00:00:00.000Z' }],
          attendance: [{ employeeId: 'E1', occurredAt: undefined }],
          questions: [
            {
              questionId: 'Q1',
              topic: 'career',
              text: 'How?',
              askedBy: 'E1',
              answer: { answeredBy: 'CEO', answer: 'So.', mode: 'LIVE', answeredAt: undefined },
            },
          ],
        },
        // A session that took place, with no occurredAt of its own: recorded as history at its own time.
        context: { actor: 'history-import', commandId: 'history:cafe:S1:S1', occurredAt: '2014-03-10T06:00:00.000Z' },
      },
    ]);
  });

  it('derives command ids from ids only, never from personal data or content, so a re-run names the same commands', async () => {
    const { calls, commands } = recording();
    await importHistory(
      commands,
      lines({
        type: 'customer_visit',
        visitId: 'V1',
        contractId: 'K1',
        fcId: 'FC1',
        visitedAt: '2014-05-20T14:00:00+09:00',
        topics: 'coverage',
        comment: '김민지 고객님 감사',
      }),
      { clock: () => NOW },
    );
    expect(calls).toMatchObject([
      {
        method: 'recordContractHistory',
        input: { contractId: 'K1', contract: null, visits: [{ visitId: 'V1', stepId: 'history:customer-visit:V1' }] },
        context: { actor: 'history-import' },
      },
    ]);
    expect(JSON.stringify(calls[0]!.context)).not.toMatch(/김민지/);
  });

  it("gathers a contract with its visits, and an FC's weeks, into one command each", async () => {
    const { calls, commands } = recording();
    const file = lines(
      {
        type: 'customer_visit',
        visitId: 'V1',
        contractId: 'K1',
        fcId: 'FC1',
        visitedAt: '2014-05-20T14:00:00+09:00',
        topics: ['coverage'],
      },
      { type: 'contract', contractId: 'K1', customerId: 'C1', fcId: 'FC1', product: '종신보험', signedOn: '2014-03-12' },
      { type: 'pride_week', fcId: 'FC1', weekOf: '2015-04-06', customerVisits: 1, calls: 2, contracts: 0 },
      { type: 'pride_week', fcId: 'FC1', weekOf: '2015-04-13', customerVisits: 1, calls: 2, contracts: 0 },
    );
    const report = await importHistory(commands, file, { clock: () => NOW });
    expect(report).toMatchObject({ records: 4, imported: 4, commands: 2 });
    expect(calls.map((c) => [c.method, c.context.commandId])).toEqual([
      ['recordContractHistory', undefined],
      ['reportWeeks', undefined],
    ]);
    expect(calls[1]!.input).toMatchObject({
      fcId: 'FC1',
      weeks: [{ weekOf: '2015-04-06', stepId: 'history:pride-week:FC1:2015-04-06' }, { weekOf: '2015-04-13' }],
    });
  });

  it('gathers a letter with its recipients into one command, then its opens; a recipient without its letter is refused', async () => {
    const { calls, commands } = recording();
    const file = lines(
      { type: 'letter_open', letterId: 'L1', readerKind: 'employee', readerId: 'E1', openedAt: '2015-01-02T10:00:00+09:00' },
      { type: 'letter_recipient', letterId: 'L1', readerKind: 'EMPLOYEE', readerId: 'E1' },
      { type: 'letter_recipient', letterId: 'L1', readerKind: 'FC', readerId: 'FC1', delivered: 'no' },
      {
        type: 'letter',
        letterId: 'L1',
        authorId: 'CEO',
        subject: 'New year',
        audience: 'EMPLOYEE;FC',
        sentAt: '2015-01-02T09:00:00+09:00',
      },
      { type: 'letter_recipient', letterId: 'L2', readerKind: 'EMPLOYEE', readerId: 'E1' },
    );
    const report = await importHistory(commands, file, { clock: () => NOW });
    expect(report).toMatchObject({ records: 5, imported: 4, failed: 1, commands: 2 });
    expect(report.errors).toEqual([{ line: 5, key: 'L2', message: expect.stringMatching(/no letter L2/) }]);
    expect(calls.map((c) => c.method)).toEqual(['sendEmailLetter', 'recordEmailLetterOpen']);
    expect(calls[0]!.input).toEqual({
      letterId: 'L1',
      authorId: 'CEO',
      subject: 'New year',
      audience: ['EMPLOYEE', 'FC'],
      sentAt: '2015-01-02T00:00:00.000Z',
      recipients: [
        { readerKind: 'EMPLOYEE', readerId: 'E1', delivered: true },
        { readerKind: 'FC', readerId: 'FC1', delivered: false },
      ],
    });
    expect(calls[1]!.input).toEqual({ letterId: 'L1', readerKind: 'EMPLOYEE', readerId: 'E1', openedAt: '2015-01-02T01:00:00.000Z' });
  });

  it('reports bad records by line and runs the rest; a dry run asks the commands to record nothing', async () => {
    const { calls, commands } = recording();
    const file = Buffer.from(
      [
        '{"type":"pride_week","fcId":"FC1","weekOf":"2015-04-06","customerVisits":1,"calls":2,"contracts":0}',
        'not json',
        '',
        '{"type":"video","videoId":"V"}',
        '{"type":"pride_week","fcId":"FC1","weekOf":"2015-04-06","customerVisits":1,"calls":2,"contracts":0}',
      ].join('\n'),
    );
    const report = await importHistory(commands, file, { dryRun: true, clock: () => NOW });
    expect(report).toMatchObject({ records: 4, imported: 1, failed: 3, dryRun: true });
    expect(report.errors.map((e) => e.line)).toEqual([2, 4, 5]);
    expect(report.errors[0]!.message).toBe('is not valid JSON');
    expect(report.errors[1]!.message).toMatch(/^video: authorId: .*title: /);
    expect(report.errors[2]!.message).toBe('pride_week FC1:2015-04-06 already appears on line 1');
    expect(calls.map((c) => c.context.dryRun)).toEqual([true]);
  });

  it('shows progress with rate and ETA', () => {
    expect(formatProgress({ done: 500, total: 2000, elapsedMs: 1000 })).toBe('[######..................] 500/2000 records, 500/s, ETA 3 s');
  });
});
