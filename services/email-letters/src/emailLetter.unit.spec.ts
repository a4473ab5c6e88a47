import type { EventOf } from '@hub/events';
import { deciderSpec } from '@hub/event-store/testing';
import { describe, it } from 'vitest';
import { letterDecider, openDecider, readerKey, type LetterState, type ReaderFacts, type RecordEmailLetterOpen } from './emailLetter';

type Sent = EventOf<'EmailLetterSent'>['data'];
type Opened = EventOf<'EmailLetterOpened'>['data'];

const NOW = '2015-02-01T00:00:00.000Z';
const letter = (over: Partial<Sent> = {}): Sent => ({
  letterId: 'L1',
  authorId: 'CEO',
  subject: 'Thank you for 2014',
  audience: ['EMPLOYEE'],
  orgUnitIds: [],
  branchIds: [],
  recipients: [
    { readerKind: 'EMPLOYEE', readerId: 'E1', delivered: true },
    { readerKind: 'EMPLOYEE', readerId: 'E2', delivered: false },
  ],
  sentAt: '2015-01-05T00:00:00.000Z',
  ...over,
});
const inSales: ReaderFacts = { leftOn: null, placedIn: ['TEAM-SALES', 'DEPT-SALES', 'DIV-BIZ'] };
const directory = (
  entries: [string, ReaderFacts][] = [readerKey('EMPLOYEE', 'E1'), readerKey('EMPLOYEE', 'E2')].map((k) => [k, inSales]),
) => new Map(entries);
const send = (data: Sent, readers = directory()) => ({ type: 'SendEmailLetter' as const, data, readers, now: NOW });
const sent = (data: Sent = letter()): EventOf<'EmailLetterSent'> => ({ type: 'EmailLetterSent', data });

const sentState: LetterState = letterDecider.evolve(letterDecider.initialState(), sent());
const open = (over: Partial<Opened> = {}): Opened => ({
  letterId: 'L1',
  readerKind: 'EMPLOYEE',
  readerId: 'E1',
  openedAt: '2015-01-06T00:00:00.000Z',
  ...over,
});
const record = (data: Opened, state: LetterState = sentState, leftOn: string | null = null): RecordEmailLetterOpen => ({
  type: 'RecordEmailLetterOpen',
  data,
  letter: state,
  reader: { leftOn },
  now: NOW,
});
const opened = (data: Opened = open()): EventOf<'EmailLetterOpened'> => ({ type: 'EmailLetterOpened', data });

describe('e-mail letters: sending', () => {
  const letters = deciderSpec(letterDecider);
  it('sends once, to recipients in the audience', () => {
    letters.given().when(send(letter())).then([sent()]);
    letters.given(sent()).when(send(letter())).thenThrows('CONFLICT');
  });
  it('refuses a sent time in the future', () => {
    letters
      .given()
      .when(send(letter({ sentAt: '2015-03-01T00:00:00.000Z' })))
      .thenThrows('VALIDATION', /in the future/);
  });
  it('refuses a recipient outside the audience, named twice, or unknown to the directory', () => {
    const fc = { readerKind: 'FC' as const, readerId: 'F1', delivered: true };
    letters
      .given()
      .when(send(letter({ recipients: [fc] }), directory([[readerKey('FC', 'F1'), { leftOn: null, placedIn: ['B1'] }]])))
      .thenThrows('FORBIDDEN_BY_RULE', /not FC F1/);
    const e1 = letter().recipients[0]!;
    letters
      .given()
      .when(send(letter({ recipients: [e1, e1] })))
      .thenThrows('VALIDATION', /named twice/);
    letters
      .given()
      .when(send(letter(), directory([])))
      .thenThrows('NOT_FOUND');
  });
  it('narrows employees to org units and the units under them, FCs to branches', () => {
    letters
      .given()
      .when(send(letter({ orgUnitIds: ['DEPT-SALES'] })))
      .then([sent(letter({ orgUnitIds: ['DEPT-SALES'] }))]);
    letters
      .given()
      .when(send(letter({ orgUnitIds: ['DIV-IT'] })))
      .thenThrows('FORBIDDEN_BY_RULE', /outside the letter's org units/);
    const toFcs = letter({ audience: ['FC'], branchIds: ['B2'], recipients: [{ readerKind: 'FC', readerId: 'F1', delivered: true }] });
    letters
      .given()
      .when(send(toFcs, directory([[readerKey('FC', 'F1'), { leftOn: null, placedIn: ['B1'] }]])))
      .thenThrows(/outside the letter's branches/);
    letters
      .given()
      .when(send(letter({ branchIds: ['B1'] })))
      .thenThrows('VALIDATION', /audience must include FC/);
  });
  it('refuses a recipient who had left by the (Korean) day it was sent', () => {
    // 2015-01-05T00:00Z is 09:00 on 01-05 in Korea.
    const left = (leftOn: string) =>
      directory([readerKey('EMPLOYEE', 'E1'), readerKey('EMPLOYEE', 'E2')].map((k) => [k, { ...inSales, leftOn }]));
    letters
      .given()
      .when(send(letter(), left('2015-01-05')))
      .then([sent()]);
    letters
      .given()
      .when(send(letter(), left('2015-01-04')))
      .thenThrows(/no longer worked here/);
  });
});

describe('e-mail letters: opens', () => {
  const opens = deciderSpec(openDecider);
  it('records an open by a recipient it was delivered to', () => {
    opens.given().when(record(open())).then([opened()]);
  });
  it('counts opening twice once: the second open records nothing', () => {
    opens
      .given(opened())
      .when(record(open({ openedAt: '2015-01-07T00:00:00.000Z' })))
      .then([]);
  });
  it('refuses an open of a letter never sent', () => {
    opens
      .given()
      .when(record(open(), letterDecider.initialState()))
      .thenThrows('NOT_FOUND', /was not sent/);
  });
  it('refuses a reader the letter did not reach: not a recipient, or a bounce', () => {
    opens
      .given()
      .when(record(open({ readerId: 'E9' })))
      .thenThrows('FORBIDDEN_BY_RULE', /not delivered to EMPLOYEE E9/);
    opens
      .given()
      .when(record(open({ readerId: 'E2' })))
      .thenThrows(/not delivered/);
  });
  it('refuses an open before the letter was sent, in the future, or by someone who had left', () => {
    opens
      .given()
      .when(record(open({ openedAt: '2015-01-04T00:00:00.000Z' })))
      .thenThrows(/before the letter was sent/);
    opens
      .given()
      .when(record(open({ openedAt: '2015-03-01T00:00:00.000Z' })))
      .thenThrows('VALIDATION', /in the future/);
    // 2015-01-06T15:00Z is already 01-07 in Korea.
    opens
      .given()
      .when(record(open(), sentState, '2015-01-06'))
      .then([opened()]);
    opens
      .given()
      .when(record(open({ openedAt: '2015-01-06T15:00:00.000Z' }), sentState, '2015-01-06'))
      .thenThrows(/no longer worked here/);
  });
});
