import { conflict, forbiddenByRule, notFound } from '@hub/events';

/*
 * Questions and follow-ups (질문과 후속 조치): the two-way part of any gathering where people ask
 * leadership something. Café sessions and town halls each keep one board in their state and decide
 * its commands with these rules, so "already answered", "anonymous means nobody is written down" and
 * "a follow-up belongs to a question of this gathering" cannot drift between them. Pure, no I/O.
 */

/** Where the questions are asked: its name for messages, its id for error details. */
export interface Venue {
  /** e.g. "café session s-1", "town hall th-3". */
  name: string;
  details: Record<string, string>;
}

export interface QuestionBoard {
  readonly questions: ReadonlyMap<string, { answered: boolean }>;
  readonly followUps: ReadonlyMap<string, { completed: boolean }>;
}

export const emptyQuestionBoard = (): QuestionBoard => ({ questions: new Map(), followUps: new Map() });

/** What a venue's events mean for its board. */
export type QuestionFact =
  | { fact: 'QuestionRaised'; questionId: string }
  | { fact: 'QuestionAnswered'; questionId: string }
  | { fact: 'FollowUpAssigned'; followUpId: string }
  | { fact: 'FollowUpCompleted'; followUpId: string };

export const evolveQuestionBoard = (board: QuestionBoard, f: QuestionFact): QuestionBoard => {
  switch (f.fact) {
    case 'QuestionRaised':
      return { ...board, questions: new Map(board.questions).set(f.questionId, { answered: false }) };
    case 'QuestionAnswered':
      return { ...board, questions: new Map(board.questions).set(f.questionId, { answered: true }) };
    case 'FollowUpAssigned':
      return { ...board, followUps: new Map(board.followUps).set(f.followUpId, { completed: false }) };
    case 'FollowUpCompleted':
      return { ...board, followUps: new Map(board.followUps).set(f.followUpId, { completed: true }) };
  }
};

export interface RaisedQuestion {
  questionId: string;
  anonymous: boolean;
  askedBy: string | null;
}

/**
 * Decides raising a question and returns who to write down as its asker: nobody when anonymous
 * (anonymity by design: the asker is never recorded, so no one can recover it later).
 * `mayAskByName`, when the venue knows who was there, refuses a named asker who was not.
 */
export const decideRaiseQuestion = (
  board: QuestionBoard,
  venue: Venue,
  q: RaisedQuestion,
  mayAskByName?: ReadonlySet<string>,
): string | null => {
  if (board.questions.has(q.questionId)) throw conflict(`Question ${q.questionId} already exists`, { questionId: q.questionId });
  if (q.anonymous) return null;
  if (q.askedBy === null) throw forbiddenByRule('A question that is not anonymous must say who asked it', { questionId: q.questionId });
  if (mayAskByName && !mayAskByName.has(q.askedBy)) {
    throw forbiddenByRule(`${q.askedBy} did not attend ${venue.name} and cannot raise a question there`, venue.details);
  }
  return q.askedBy;
};

export const decideAnswerQuestion = (board: QuestionBoard, venue: Venue, questionId: string): void => {
  const question = board.questions.get(questionId);
  if (!question) throw notFound(`No question ${questionId} in ${venue.name}`, { ...venue.details, questionId });
  if (question.answered) throw conflict(`Question ${questionId} is already answered`, { questionId });
};

/** A follow-up may stand alone (`questionId` null) or answer a question raised here. */
export const decideAssignFollowUp = (board: QuestionBoard, venue: Venue, followUpId: string, questionId: string | null): void => {
  if (board.followUps.has(followUpId)) throw conflict(`Follow-up ${followUpId} already exists`, { followUpId });
  if (questionId !== null && !board.questions.has(questionId))
    throw notFound(`No question ${questionId} in ${venue.name}`, { ...venue.details, questionId });
};

export const decideCompleteFollowUp = (board: QuestionBoard, venue: Venue, followUpId: string): void => {
  const followUp = board.followUps.get(followUpId);
  if (!followUp) throw notFound(`No follow-up ${followUpId} in ${venue.name}`, { ...venue.details, followUpId });
  if (followUp.completed) throw conflict(`Follow-up ${followUpId} is already completed`, { followUpId });
};
