import { DomainError } from '@hub/events';
import { describe, expect, it } from 'vitest';
import {
  decideAnswerQuestion,
  decideAssignFollowUp,
  decideCompleteFollowUp,
  decideRaiseQuestion,
  emptyQuestionBoard,
  evolveQuestionBoard,
  type QuestionBoard,
  type QuestionFact,
} from './questionBoard';
import { peopleNamedIn, recordedQuestionSteps } from './recorded';

const here = { name: 'café session s-1', details: { sessionId: 's-1' } };
const board = (...facts: QuestionFact[]): QuestionBoard => facts.reduce(evolveQuestionBoard, emptyQuestionBoard());
const refusal = (decide: () => unknown) => {
  try {
    decide();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.kind, message: error.message, details: error.details };
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('the question board', () => {
  it('writes nobody down for an anonymous question, even when an asker was sent', () => {
    expect(decideRaiseQuestion(emptyQuestionBoard(), here, { questionId: 'q', anonymous: true, askedBy: 'e-1' }, new Set())).toBeNull();
  });

  it('keeps a named asker, and refuses one who was not there when the venue knows who was', () => {
    expect(decideRaiseQuestion(emptyQuestionBoard(), here, { questionId: 'q', anonymous: false, askedBy: 'e-1' }, new Set(['e-1']))).toBe(
      'e-1',
    );
    expect(decideRaiseQuestion(emptyQuestionBoard(), here, { questionId: 'q', anonymous: false, askedBy: 'e-2' })).toBe('e-2');
    expect(
      refusal(() =>
        decideRaiseQuestion(emptyQuestionBoard(), here, { questionId: 'q', anonymous: false, askedBy: 'e-2' }, new Set(['e-1'])),
      ),
    ).toEqual({
      code: 'FORBIDDEN_BY_RULE',
      message: 'e-2 did not attend café session s-1 and cannot raise a question there',
      details: { sessionId: 's-1' },
    });
  });

  it('refuses a named question without an asker, and a question id twice', () => {
    expect(refusal(() => decideRaiseQuestion(emptyQuestionBoard(), here, { questionId: 'q', anonymous: false, askedBy: null })).code).toBe(
      'FORBIDDEN_BY_RULE',
    );
    expect(
      refusal(() =>
        decideRaiseQuestion(board({ fact: 'QuestionRaised', questionId: 'q' }), here, { questionId: 'q', anonymous: true, askedBy: null }),
      ).code,
    ).toBe('CONFLICT');
  });

  it('answers a question once, and only a question raised here', () => {
    const raised = board({ fact: 'QuestionRaised', questionId: 'q' });
    expect(() => decideAnswerQuestion(raised, here, 'q')).not.toThrow();
    expect(refusal(() => decideAnswerQuestion(raised, here, 'other'))).toMatchObject({
      code: 'NOT_FOUND',
      details: { sessionId: 's-1', questionId: 'other' },
    });
    expect(
      refusal(() => decideAnswerQuestion(evolveQuestionBoard(raised, { fact: 'QuestionAnswered', questionId: 'q' }), here, 'q')).code,
    ).toBe('CONFLICT');
  });

  it('assigns a follow-up alone or for a question raised here, and completes it once', () => {
    const raised = board({ fact: 'QuestionRaised', questionId: 'q' });
    expect(() => decideAssignFollowUp(raised, here, 'f', null)).not.toThrow();
    expect(() => decideAssignFollowUp(raised, here, 'f', 'q')).not.toThrow();
    expect(refusal(() => decideAssignFollowUp(raised, here, 'f', 'elsewhere')).code).toBe('NOT_FOUND');
    const assigned = evolveQuestionBoard(raised, { fact: 'FollowUpAssigned', followUpId: 'f' });
    expect(refusal(() => decideAssignFollowUp(assigned, here, 'f', null)).code).toBe('CONFLICT');
    expect(() => decideCompleteFollowUp(assigned, here, 'f')).not.toThrow();
    expect(refusal(() => decideCompleteFollowUp(assigned, here, 'g')).code).toBe('NOT_FOUND');
    expect(
      refusal(() => decideCompleteFollowUp(evolveQuestionBoard(assigned, { fact: 'FollowUpCompleted', followUpId: 'f' }), here, 'f')).code,
    ).toBe('CONFLICT');
  });

  it('does not change the board it evolves from', () => {
    const before = emptyQuestionBoard();
    evolveQuestionBoard(before, { fact: 'QuestionRaised', questionId: 'q' });
    expect(before.questions.size).toBe(0);
  });
});

describe('questions in a bulk record', () => {
  const questions = [
    { questionId: 'q-1', askedBy: 'e-1', answer: { answeredBy: 'ceo', answeredAt: '2015-03-12T06:00:00Z' } },
    { askedBy: null, raisedAt: '2015-03-12T05:30:00Z', answer: { answeredBy: 'cfo' } },
    { askedBy: 'e-2' },
  ];

  it('raises each at the gathering time unless it says, answers at its own time or when raised, and names new ids in order', () => {
    const steps = recordedQuestionSteps(questions, {
      heldAt: '2015-03-12T05:00:00Z',
      newQuestionId: (i) => `new-${i}`,
      raise: (q, questionId, raisedAt) => `raise ${questionId} by ${q.askedBy ?? 'anonymous'} at ${raisedAt}`,
      answer: (a, questionId, answeredAt) => `answer ${questionId} by ${a.answeredBy} at ${answeredAt}`,
    });
    expect(steps.questionIds).toEqual(['q-1', 'new-1', 'new-2']);
    expect(steps.steps).toEqual([
      { command: 'raise q-1 by e-1 at 2015-03-12T05:00:00Z', occurredAt: '2015-03-12T05:00:00Z' },
      { command: 'answer q-1 by ceo at 2015-03-12T06:00:00Z', occurredAt: '2015-03-12T06:00:00Z' },
      { command: 'raise new-1 by anonymous at 2015-03-12T05:30:00Z', occurredAt: '2015-03-12T05:30:00Z' },
      { command: 'answer new-1 by cfo at 2015-03-12T05:30:00Z', occurredAt: '2015-03-12T05:30:00Z' },
      { command: 'raise new-2 by e-2 at 2015-03-12T05:00:00Z', occurredAt: '2015-03-12T05:00:00Z' },
    ]);
  });

  it('names everyone who asked or answered, to look up before deciding', () => {
    expect(peopleNamedIn(questions)).toEqual(['e-1', 'ceo', 'cfo', 'e-2']);
  });
});
