import { useId } from 'react';
import { LeaderOptions } from './components/LeaderOptions';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { badId, type FieldErrors } from './forms';
import {
  AnswerQuestionMutation,
  AnswerTownHallQuestionMutation,
  AssignCafeFollowUpMutation,
  AssignTownHallFollowUpMutation,
  LeadersQuery,
} from './operations';
import { todayInSeoul, validDay } from './time';
import { FieldError } from './TownHallForm';
import { useRecordForm } from './useRecordForm';

/*
 * The two-way board's forms, for a question of a café session or a town hall alike: each sends the
 * mutation of its gathering's channel. Checked here first; the server's refusal is shown next to
 * its field, a refused one records nothing, and the form starts again empty after success.
 */

/** Where a question was raised, as the API names it. */
export interface BoardQuestion {
  id: string;
  gathering: { channel: string; id: string };
  topic: string;
}

const isTownHall = (q: BoardQuestion) => q.gathering.channel === 'TOWN_HALL';

/** The mutations answer an `{ ok }` either way, so one form flow serves both channels. */
const outcome = (r: { data?: unknown; error?: CombinedError }) => ({ data: r.data ? { ok: true } : null, error: r.error });

type AnswerField = 'answer' | 'answeredBy' | 'mode';
const EMPTY_ANSWER = { answer: '', answeredBy: 'CEO', mode: 'FOLLOWED_UP' as 'LIVE' | 'FOLLOWED_UP' };

/** Answer a question: the answer, who gives it, and — at a café session — live or followed up. */
export const AnswerQuestionForm = ({ question, onDone }: { question: BoardQuestion; onDone: (message: string) => void }) => {
  const { t } = useTranslation();
  const uid = useId();
  const [{ data: leaders }] = useQuery({ query: LeadersQuery });
  const [cafe, answerCafe] = useMutation(AnswerQuestionMutation);
  const [townHall, answerTownHall] = useMutation(AnswerTownHallQuestionMutation);
  const check = (form: typeof EMPTY_ANSWER): FieldErrors<AnswerField> => {
    const e: FieldErrors<AnswerField> = {};
    if (!form.answer.trim()) e.answer = t('forms.required');
    if (!form.answeredBy) e.answeredBy = t('forms.required');
    return e;
  };
  const { form, setForm, errors, submit } = useRecordForm({
    empty: EMPTY_ANSWER,
    check,
    send: async (form, commandId) => {
      const answer = { questionId: question.id, answer: form.answer.trim(), answeredBy: form.answeredBy };
      return outcome(
        isTownHall(question)
          ? await answerTownHall({ input: { ...answer, townHallId: question.gathering.id }, commandId })
          : await answerCafe({ input: { ...answer, sessionId: question.gathering.id, mode: form.mode }, commandId }),
      );
    },
    values: (form) => ({ answer: form.answer, answeredBy: form.answeredBy, mode: form.mode }),
    done: () => {
      onDone(t('board.answerRecorded', { what: question.topic }));
      return true;
    },
  });
  const set = (patch: Partial<typeof EMPTY_ANSWER>) => setForm((f) => ({ ...f, ...patch }));
  const described = (f: AnswerField) => (errors[f] ? { 'aria-invalid': true as const, 'aria-describedby': `${uid}-${f}` } : {});
  return (
    <form className="board-form" onSubmit={submit} aria-label={t('board.answerForm')} noValidate>
      <label className="wide">
        {t('board.answerText')}
        <textarea name="answer" rows={2} value={form.answer} onChange={(e) => set({ answer: e.target.value })} {...described('answer')} />
      </label>
      <FieldError id={`${uid}-answer`}>{errors.answer}</FieldError>
      <label>
        {t('board.answeredBy')}
        <select
          name="answeredBy"
          value={form.answeredBy}
          onChange={(e) => set({ answeredBy: e.target.value })}
          {...described('answeredBy')}
        >
          {!leaders?.employees.edges.some((e) => e.node.id === form.answeredBy) && (
            <option value={form.answeredBy}>{form.answeredBy}</option>
          )}
          <LeaderOptions leaders={leaders} />
        </select>
      </label>
      <FieldError id={`${uid}-answeredBy`}>{errors.answeredBy}</FieldError>
      {!isTownHall(question) && (
        <label>
          {t('board.mode')}
          <select name="mode" value={form.mode} onChange={(e) => set({ mode: e.target.value === 'LIVE' ? 'LIVE' : 'FOLLOWED_UP' })}>
            <option value="FOLLOWED_UP">{t('session.followedUp')}</option>
            <option value="LIVE">{t('session.live')}</option>
          </select>
        </label>
      )}
      <button type="submit" disabled={cafe.fetching || townHall.fetching}>
        {cafe.fetching || townHall.fetching ? t('forms.sending') : t('board.answerSubmit')}
      </button>
      <FieldError id={`${uid}-form`}>{errors['']}</FieldError>
    </form>
  );
};

type FollowUpField = 'description' | 'ownerId' | 'dueOn';
const EMPTY_FOLLOW_UP = { description: '', ownerId: '', dueOn: '', forQuestion: true };

/** Promise a follow-up at the question's gathering: what, who owns it, due on a Korean day; for this question or the gathering alone. */
export const AssignFollowUpForm = ({
  question,
  onDone,
  today = () => todayInSeoul(),
}: {
  question: BoardQuestion;
  onDone: (message: string) => void;
  today?: () => string;
}) => {
  const { t } = useTranslation();
  const uid = useId();
  const [{ data: leaders }] = useQuery({ query: LeadersQuery });
  const [cafe, assignCafe] = useMutation(AssignCafeFollowUpMutation);
  const [townHall, assignTownHall] = useMutation(AssignTownHallFollowUpMutation);
  const check = (form: typeof EMPTY_FOLLOW_UP): FieldErrors<FollowUpField> => {
    const e: FieldErrors<FollowUpField> = {};
    if (!form.description.trim()) e.description = t('forms.required');
    const owner = form.ownerId.trim();
    if (!owner) e.ownerId = t('forms.required');
    else if (badId([owner])) e.ownerId = t('forms.badId', { id: owner });
    if (!form.dueOn) e.dueOn = t('forms.required');
    else if (!validDay(form.dueOn)) e.dueOn = t('board.dueInvalid');
    else if (form.dueOn < today()) e.dueOn = t('board.dueBeforeToday');
    return e;
  };
  const { form, setForm, errors, submit } = useRecordForm({
    empty: EMPTY_FOLLOW_UP,
    check,
    send: async (form, commandId) => {
      const followUp = {
        description: form.description.trim(),
        ownerId: form.ownerId.trim(),
        dueOn: form.dueOn,
        ...(form.forQuestion ? { questionId: question.id } : {}),
      };
      return outcome(
        isTownHall(question)
          ? await assignTownHall({ input: { ...followUp, townHallId: question.gathering.id }, commandId })
          : await assignCafe({ input: { ...followUp, sessionId: question.gathering.id }, commandId }),
      );
    },
    values: (form) => ({ description: form.description, ownerId: form.ownerId, dueOn: form.dueOn }),
    done: (_, form) => {
      onDone(t('board.assigned', { what: form.description.trim() }));
      return true;
    },
  });
  const set = (patch: Partial<typeof EMPTY_FOLLOW_UP>) => setForm((f) => ({ ...f, ...patch }));
  const described = (f: FollowUpField) => (errors[f] ? { 'aria-invalid': true as const, 'aria-describedby': `${uid}-${f}` } : {});
  return (
    <form className="board-form" onSubmit={submit} aria-label={t('board.assignForm')} noValidate>
      <label className="wide">
        {t('board.description')}
        <input
          name="description"
          value={form.description}
          onChange={(e) => set({ description: e.target.value })}
          {...described('description')}
        />
      </label>
      <FieldError id={`${uid}-description`}>{errors.description}</FieldError>
      <label>
        {t('board.ownerId')}
        <input
          name="ownerId"
          list={`${uid}-leaders`}
          autoComplete="off"
          value={form.ownerId}
          onChange={(e) => set({ ownerId: e.target.value })}
          {...described('ownerId')}
        />
      </label>
      <datalist id={`${uid}-leaders`}>
        <LeaderOptions leaders={leaders} />
      </datalist>
      <FieldError id={`${uid}-ownerId`}>{errors.ownerId}</FieldError>
      <label>
        {t('board.dueOn')}
        <input
          name="dueOn"
          type="date"
          min={today()}
          value={form.dueOn}
          onChange={(e) => set({ dueOn: e.target.value })}
          {...described('dueOn')}
        />
      </label>
      <FieldError id={`${uid}-dueOn`}>{errors.dueOn}</FieldError>
      <label className="inline">
        <input type="checkbox" name="forQuestion" checked={form.forQuestion} onChange={(e) => set({ forQuestion: e.target.checked })} />
        {t('board.forQuestion')}
      </label>
      <button type="submit" disabled={cafe.fetching || townHall.fetching}>
        {cafe.fetching || townHall.fetching ? t('forms.sending') : t('board.assignSubmit')}
      </button>
      <FieldError id={`${uid}-form`}>{errors['']}</FieldError>
    </form>
  );
};
