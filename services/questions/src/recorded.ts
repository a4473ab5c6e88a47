/*
 * Questions inside a bulk record of a whole gathering (recordCafeSession, recordTownHall, the
 * history import): each question raised at its time (the gathering's unless given) and, when it
 * came with one, answered at its time (when it was raised unless given).
 */

export interface RecordedQuestion<Answer extends RecordedAnswer> {
  questionId?: string | undefined;
  askedBy?: string | null | undefined;
  raisedAt?: string | undefined;
  answer?: Answer | null | undefined;
}

export interface RecordedAnswer {
  answeredBy: string;
  answeredAt?: string | undefined;
}

/** Everyone a bulk record's questions name, to look up in the directory before deciding. */
export const peopleNamedIn = (questions: readonly RecordedQuestion<RecordedAnswer>[]): string[] =>
  questions.flatMap((q) => [q.askedBy, q.answer?.answeredBy]).filter((id): id is string => typeof id === 'string');

export interface QuestionSteps<Command> {
  questionIds: string[];
  steps: { command: Command; occurredAt: string }[];
}

export const recordedQuestionSteps = <Q extends RecordedQuestion<RecordedAnswer>, Command>(
  questions: readonly Q[],
  how: {
    /** The gathering's time: when a question was raised unless it says. */
    heldAt: string;
    newQuestionId: (index: number) => string;
    raise: (question: Omit<Q, 'answer'>, questionId: string, raisedAt: string) => Command;
    answer: (answer: NonNullable<Q['answer']>, questionId: string, answeredAt: string) => Command;
  },
): QuestionSteps<Command> => {
  const result: QuestionSteps<Command> = { questionIds: [], steps: [] };
  questions.forEach((recorded, i) => {
    const { answer, ...question } = recorded;
    const questionId = question.questionId ?? how.newQuestionId(i);
    const raisedAt = question.raisedAt ?? how.heldAt;
    result.questionIds.push(questionId);
    result.steps.push({ command: how.raise(question, questionId, raisedAt), occurredAt: raisedAt });
    if (answer) {
      const answeredAt = answer.answeredAt ?? raisedAt;
      result.steps.push({ command: how.answer(answer as NonNullable<Q['answer']>, questionId, answeredAt), occurredAt: answeredAt });
    }
  });
  return result;
};
