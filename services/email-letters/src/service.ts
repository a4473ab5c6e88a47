import { emailLetterOpenStream, emailLetterStream, hubEventCodec, isDomainError, occurredAtInstant, parseOrThrow } from '@hub/events';
import type { DirectoryService } from '@hub/directory';
import { handleCommand, loadState, type CommandContext, type EventStore, newId } from '@hub/event-store';
import { recordEmailLetterOpenInput, sendEmailLetterInput } from './commands';
import { letterDecider, openDecider, readerKey, type ReaderFacts } from './emailLetter';

export interface EmailLetterServiceDeps {
  store: EventStore;
  directory: Pick<DirectoryService, 'getEmployee' | 'findEmployee' | 'getFc' | 'findOrgUnit'>;
  clock?: () => Date;
}

/** E-mail letters: send one to its recipients, and record who opened it. */
export const createEmailLetterService = ({ store, directory, clock = () => new Date() }: EmailLetterServiceDeps) => {
  const now = () => clock().toISOString();

  /** An org unit and every unit above it, each unit looked up once per send. */
  const unitPath = async (orgUnitId: string, cache: Map<string, string | null>): Promise<string[]> => {
    const path: string[] = [];
    for (let id: string | null = orgUnitId; id !== null && !path.includes(id);) {
      path.push(id);
      if (!cache.has(id)) cache.set(id, (await directory.findOrgUnit(id))?.parentId ?? null);
      id = cache.get(id) ?? null;
    }
    return path;
  };

  /** What the directory says of each recipient (an FC's branch as of `sentAt`); one it does not know is left out, and the decider refuses it. */
  const readersOf = async (recipients: { readerKind: 'EMPLOYEE' | 'FC'; readerId: string }[], sentAt: string) => {
    const units = new Map<string, string | null>();
    const readers = new Map<string, ReaderFacts>();
    for (const r of recipients) {
      if (r.readerKind === 'EMPLOYEE') {
        const employee = await directory.findEmployee(r.readerId);
        if (employee)
          readers.set(readerKey('EMPLOYEE', r.readerId), { leftOn: employee.leftOn, placedIn: await unitPath(employee.orgUnitId, units) });
      } else {
        // Only "no such FC" is left to the decider; a store that cannot be read still fails the send.
        const fc = await directory.getFc(r.readerId, sentAt).catch((e: unknown) => {
          if (isDomainError(e) && e.kind === 'NOT_FOUND') return undefined;
          throw e;
        });
        if (fc) readers.set(readerKey('FC', r.readerId), { leftOn: fc.leftOn, placedIn: [fc.branchId] });
      }
    }
    return readers;
  };

  return {
    async send(input: unknown, context: CommandContext) {
      const data = parseOrThrow(sendEmailLetterInput, input, 'e-mail letter');
      await directory.getEmployee(data.authorId);
      const letterId = data.letterId ?? newId(context, 'letterId');
      // The FCs' branches as they were when it was sent.
      const occurredAt = occurredAtInstant(context.occurredAt, data.sentAt, 'sentAt');
      const result = await handleCommand(
        store,
        emailLetterStream(letterId),
        letterDecider,
        hubEventCodec,
        { type: 'SendEmailLetter', data: { ...data, letterId }, readers: await readersOf(data.recipients, occurredAt), now: now() },
        { ...context, occurredAt },
      );
      return { letterId, ...result };
    },

    async recordOpen(input: unknown, context: CommandContext) {
      const data = parseOrThrow(recordEmailLetterOpenInput, input, 'e-mail letter open');
      const occurredAt = occurredAtInstant(context.occurredAt, data.openedAt, 'openedAt');
      const reader =
        data.readerKind === 'EMPLOYEE' ? await directory.getEmployee(data.readerId) : await directory.getFc(data.readerId, occurredAt);
      const letter = await loadState(store, emailLetterStream(data.letterId), letterDecider, hubEventCodec);
      const result = await handleCommand(
        store,
        emailLetterOpenStream(data.letterId, data.readerKind, data.readerId),
        openDecider,
        hubEventCodec,
        { type: 'RecordEmailLetterOpen', data, letter, reader, now: now() },
        { ...context, occurredAt },
      );
      return { letterId: data.letterId, ...result };
    },
  };
};

export type EmailLetterService = ReturnType<typeof createEmailLetterService>;
