import { conflict, forbiddenByRule, koreanDay, notFound, validationError, type EventOf, type HubEvent, type ViewerKind } from '@hub/events';
import type { Decider } from '@hub/event-store';

/* Where e-mail letters are decided: sending one to its recipients, and each recipient opening it. */

type SentData = EventOf<'EmailLetterSent'>['data'];
type OpenedData = EventOf<'EmailLetterOpened'>['data'];

/** One reader's key within a letter: employees and FCs have separate id spaces. */
export const readerKey = (readerKind: ViewerKind, readerId: string) => `${readerKind}:${readerId}`;

export interface LetterSnapshot {
  letterId: string;
  authorId: string;
  sentAt: string;
  /** Readers the mail reached (bounces left out), by `readerKey`. */
  deliveredTo: ReadonlySet<string>;
}

export type LetterState = { status: 'none' } | { status: 'sent'; letter: LetterSnapshot };
export type OpenState = { status: 'none' } | { status: 'opened' };

/** What the directory says of one recipient, for the audience rules. */
export interface ReaderFacts {
  /** The day they left, if they did. */
  leftOn: string | null;
  /** An employee's org unit and every unit above it; an FC's branch. */
  placedIn: readonly string[];
}

export interface SendEmailLetter {
  type: 'SendEmailLetter';
  data: SentData;
  /** Every recipient as the directory knows them, by `readerKey`. */
  readers: ReadonlyMap<string, ReaderFacts>;
  /** The service's clock: a letter cannot be sent in the future. */
  now: string;
}
export type LetterCommand = SendEmailLetter;

const inFuture = (field: string, at: string, now: string) => {
  if (Date.parse(at) > Date.parse(now)) throw validationError(`${field} ${at} is in the future (now ${now})`, { [field]: at, now });
};

/** Still with the company on the (Korean) day: someone who left later did receive or read it. */
const employedOn = (facts: ReaderFacts, at: string, readerId: string) => {
  if (facts.leftOn !== null && facts.leftOn < koreanDay(at))
    throw forbiddenByRule(`${readerId} no longer worked here on ${koreanDay(at)}`, { readerId });
};

const decideSend = ({ data, readers, now }: SendEmailLetter, state: LetterState): EventOf<'EmailLetterSent'>[] => {
  if (state.status !== 'none') throw conflict(`Letter ${data.letterId} is already sent`, { letterId: data.letterId });
  inFuture('sentAt', data.sentAt, now);
  if (data.orgUnitIds.length > 0 && !data.audience.includes('EMPLOYEE'))
    throw validationError('orgUnitIds narrow the employees: the audience must include EMPLOYEE', { orgUnitIds: data.orgUnitIds });
  if (data.branchIds.length > 0 && !data.audience.includes('FC'))
    throw validationError('branchIds narrow the FCs: the audience must include FC', { branchIds: data.branchIds });
  const seen = new Set<string>();
  for (const r of data.recipients) {
    const key = readerKey(r.readerKind, r.readerId);
    if (seen.has(key)) throw validationError(`Recipient ${key} is named twice`, { readerId: r.readerId });
    seen.add(key);
    if (!data.audience.includes(r.readerKind))
      throw forbiddenByRule(`Letter ${data.letterId} is for ${data.audience.join(' and ')}, not ${r.readerKind} ${r.readerId}`, {
        readerId: r.readerId,
      });
    const facts = readers.get(key);
    if (!facts) throw notFound(`No ${r.readerKind} ${r.readerId} in the directory`, { readerId: r.readerId });
    const narrowedTo = r.readerKind === 'EMPLOYEE' ? data.orgUnitIds : data.branchIds;
    if (narrowedTo.length > 0 && !facts.placedIn.some((p) => narrowedTo.includes(p)))
      throw forbiddenByRule(
        `${r.readerKind} ${r.readerId} is outside the letter's ${r.readerKind === 'EMPLOYEE' ? 'org units' : 'branches'} (${narrowedTo.join(', ')})`,
        { readerId: r.readerId },
      );
    employedOn(facts, data.sentAt, r.readerId);
  }
  return [{ type: 'EmailLetterSent', data }];
};

export const letterDecider: Decider<LetterCommand, HubEvent, LetterState> = {
  initialState: () => ({ status: 'none' }),
  decide: decideSend,
  evolve: (state, event) =>
    event.type === 'EmailLetterSent'
      ? {
          status: 'sent',
          letter: {
            letterId: event.data.letterId,
            authorId: event.data.authorId,
            sentAt: event.data.sentAt,
            deliveredTo: new Set(event.data.recipients.filter((r) => r.delivered).map((r) => readerKey(r.readerKind, r.readerId))),
          },
        }
      : state,
};

export interface RecordEmailLetterOpen {
  type: 'RecordEmailLetterOpen';
  data: OpenedData;
  /** The letter, as its own stream says; `none` when it was never sent. */
  letter: LetterState;
  /** The reader as the directory knows them now. */
  reader: Pick<ReaderFacts, 'leftOn'>;
  now: string;
}
/** One reader's opens of one letter; the union names the shape every aggregate shares. */
export type OpenCommand = RecordEmailLetterOpen;

const decideOpen = ({ data, letter, reader, now }: OpenCommand, state: OpenState): EventOf<'EmailLetterOpened'>[] => {
  if (letter.status !== 'sent') throw notFound(`Letter ${data.letterId} was not sent: nobody can open it`, { letterId: data.letterId });
  const l = letter.letter;
  if (!l.deliveredTo.has(readerKey(data.readerKind, data.readerId)))
    throw forbiddenByRule(`Letter ${l.letterId} was not delivered to ${data.readerKind} ${data.readerId}`, { readerId: data.readerId });
  // Opening again (another device, a second read) is the same reader reached once: nothing new to record.
  if (state.status === 'opened') return [];
  inFuture('openedAt', data.openedAt, now);
  if (Date.parse(data.openedAt) < Date.parse(l.sentAt))
    throw forbiddenByRule(`An open at ${data.openedAt} is before the letter was sent (${l.sentAt})`, { letterId: l.letterId });
  employedOn({ ...reader, placedIn: [] }, data.openedAt, data.readerId);
  return [{ type: 'EmailLetterOpened', data }];
};

export const openDecider: Decider<OpenCommand, HubEvent, OpenState> = {
  initialState: () => ({ status: 'none' }),
  decide: decideOpen,
  evolve: (state, event) => (event.type === 'EmailLetterOpened' ? { status: 'opened' } : state),
};
