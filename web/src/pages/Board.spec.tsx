import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { OperationDefinitionNode } from 'graphql';
import { MemoryRouter } from 'react-router';
import { Client, Provider, makeResult, type Exchange, type Operation } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { fromValue, map, mergeMap, pipe } from 'wonka';
import { PrincipalContext } from '../auth';
import type { Role } from '../gql/graphql';
import '../i18n';
import { BoardPage } from './Board';

afterEach(cleanup);

interface Question {
  id: string;
  gathering: { channel: 'CAFE_SESSION' | 'TOWN_HALL'; id: string };
  topic: string;
  text: string;
  anonymous: boolean;
  askedBy: { id: string; name: string } | null;
  raisedAt: string;
  ageDays: number;
}

/**
 * A gateway stand-in at the network edge, with state: an answered question leaves the open list and
 * an assigned follow-up joins the open follow-ups, as the real one would. `refuse` answers the next
 * mutation with that error instead (and changes nothing).
 */
const gateway = (more = 0) => {
  const questions: Question[] = [
    {
      id: 'q1',
      gathering: { channel: 'CAFE_SESSION', id: 'cafe-1' },
      topic: '커리어',
      text: '순환 근무는 언제?',
      anonymous: false,
      askedBy: { id: 'E1', name: '김사원' },
      raisedAt: '2015-05-10T06:10:00Z',
      ageDays: 12,
    },
    {
      id: 'q3',
      gathering: { channel: 'TOWN_HALL', id: 'th-6' },
      topic: '전략',
      text: '내년 목표는?',
      anonymous: true,
      askedBy: null,
      raisedAt: '2015-06-20T10:00:00Z',
      ageDays: 1,
    },
  ];
  // More café questions, for paging (a cursor here is the offset the next page starts at).
  for (let i = 0; i < more; i++)
    questions.push({ ...questions[0]!, id: `m${i}`, text: `질문 ${i + 1}`, raisedAt: `2015-06-21T00:${String(i).padStart(2, '0')}:00Z` });
  const followUps: Record<string, unknown>[] = [];
  const sent: Operation[] = [];
  const asked: Operation[] = [];
  const state = { refuse: null as string | null };
  const reply = (op: Operation, name: string): { data?: Record<string, unknown> | null; error?: string } => {
    const input = (op.variables as { input?: Record<string, string> }).input ?? {};
    if (op.kind === 'mutation') {
      sent.push(op);
      if (state.refuse) {
        const error = state.refuse;
        state.refuse = null;
        return { error };
      }
      const gathering = input.townHallId
        ? { channel: 'TOWN_HALL', id: input.townHallId }
        : { channel: 'CAFE_SESSION', id: input.sessionId! };
      if (name === 'AnswerQuestion' || name === 'AnswerTownHallQuestion') {
        questions.splice(
          questions.findIndex((q) => q.id === input.questionId && q.gathering.id === gathering.id),
          1,
        );
        return {
          data:
            name === 'AnswerQuestion'
              ? {
                  answerCafeSessionQuestion: {
                    id: input.questionId,
                    gathering,
                    answered: true,
                    answeredAt: '2026-11-27T00:00:00Z',
                    answeredBy: { name: 'CEO' },
                  },
                }
              : { answerTownHallQuestion: { id: gathering.id } },
        };
      }
      const followUp = {
        id: `F${followUps.length + 1}`,
        gathering,
        questionId: input.questionId ?? null,
        description: input.description,
        dueOn: input.dueOn,
        completedOn: null,
        note: null,
        owner: { id: input.ownerId, name: '최인사', title: 'CHRO' },
      };
      followUps.push(followUp);
      return { data: { [name === 'AssignTownHallFollowUp' ? 'assignTownHallFollowUp' : 'assignCafeSessionFollowUp']: followUp } };
    }
    asked.push(op);
    if (name === 'LatestTouch')
      return { data: { employees: { edges: [{ node: { id: 't1', touchedAt: '2015-06-24T06:00:00Z' } }] }, anyone: { edges: [] } } };
    if (name === 'Leaders')
      return {
        data: {
          employees: {
            edges: [{ node: { id: 'CEO', name: '정문국', title: 'CEO' } }, { node: { id: 'EX-CHRO', name: '최인사', title: 'CHRO' } }],
          },
        },
      };
    if (name === 'BoardOpenQuestions') {
      const { first, after } = op.variables as { first: number; after: string | null };
      const from = after ? Number(after) : 0;
      const page = questions.slice(from, from + first);
      return {
        data: {
          openQuestions: {
            totalCount: questions.length,
            pageInfo: { hasNextPage: from + first < questions.length, endCursor: String(from + page.length) },
            edges: page.map((node) => ({ node })),
          },
        },
      };
    }
    if (name === 'Board')
      return {
        data: {
          twoWay: {
            questions: { raised: 10, answered: 8, answeredRate: 0.8, averageHoursToAnswer: 5 },
            byChannel: [],
            byAnsweringLeader: [],
          },
          openFollowUps: followUps.map((f) => ({
            id: f.id,
            description: f.description,
            dueOn: f.dueOn,
            ageDays: 0,
            overdue: false,
            since: '2015-05-10T06:00:00Z',
            gathering: f.gathering,
            owner: f.owner,
          })),
        },
      };
    return { data: null };
  };
  const exchange: Exchange = () => (ops$) =>
    pipe(
      ops$,
      mergeMap((op) => {
        const name = (op.query.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode).name!.value;
        return pipe(
          fromValue(reply(op, name)),
          map((r) => makeResult(op, r.error ? { errors: [{ message: r.error }] } : { data: r.data })),
        );
      }),
    );
  return { client: new Client({ url: '/graphql', exchanges: [exchange] }), sent, asked, state };
};

const renderAs = (role: Role, client: Client, url = '/board') =>
  render(
    <MemoryRouter initialEntries={[url]}>
      <Provider value={client}>
        <PrincipalContext.Provider value={{ role, subject: 'test', signedIn: role !== 'VIEWER' }}>
          <BoardPage />
        </PrincipalContext.Provider>
      </Provider>
    </MemoryRouter>,
  );

const questionCard = async (text: string) => (await screen.findAllByTestId('open-question')).find((li) => li.textContent?.includes(text))!;
const click = async (within_: HTMLElement, name: string | RegExp) =>
  act(async () => void fireEvent.click(within(within_).getByRole('button', { name })));
/** The message tied to a field (aria-describedby), as a screen reader would read it. */
const errorOf = (field: HTMLElement) => document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
const inputsOf = (ops: Operation[]) => ops.map((op) => (op.variables as { input: unknown }).input);

describe('<BoardPage> open questions', () => {
  it('lists the questions waiting for an answer with their gathering, asker or “anonymous” and age; a VIEWER only reads', async () => {
    const { client } = gateway();
    renderAs('VIEWER', client);
    const cafe = await questionCard('순환 근무는 언제?');
    expect(within(cafe).getByRole('link', { name: '카페 세션(톡톡타임) · 2015-05-10' }).getAttribute('href')).toBe('/channels/cafe/cafe-1');
    expect(cafe.textContent).toContain('질문자: 김사원');
    expect(cafe.textContent).toContain('12일째 대기');
    const townHall = await questionCard('내년 목표는?');
    expect(within(townHall).getByRole('link', { name: '타운홀 미팅 · 2015-06-20' }).getAttribute('href')).toBe('/channels/town-halls/th-6');
    expect(townHall.textContent).toContain('익명');
    expect(screen.getByRole('heading', { name: /답변을 기다리는 질문/ }).textContent).toContain('(2)');
    expect(screen.queryByRole('button', { name: '답변하기' })).toBeNull();
    expect(screen.queryByRole('button', { name: '후속 조치 지정' })).toBeNull();
  });

  it('answers a town-hall question: checked before sending, the refusal shown in the form with the page still usable, then recorded and gone from the list', async () => {
    const { client, sent, state } = gateway();
    renderAs('HR', client);
    const card = await questionCard('내년 목표는?');
    await click(card, '답변하기');
    const form = within(card).getByRole('form', { name: '질문에 답변' });
    // A town hall does not record live or followed up.
    expect(within(form).queryByLabelText('방식')).toBeNull();
    await click(form, '답변 기록');
    expect(errorOf(within(form).getByLabelText('답변 내용'))).toBe('필수 항목입니다.');
    expect(sent).toEqual([]);

    fireEvent.change(within(form).getByLabelText('답변 내용'), { target: { value: '성장입니다.' } });
    await waitFor(() => expect(within(form).getAllByRole('option').length).toBe(2));
    fireEvent.change(within(form).getByLabelText('답변자'), { target: { value: 'EX-CHRO' } });
    state.refuse = 'No employee EX-CHRO';
    await click(form, '답변 기록');
    expect(errorOf(within(form).getByLabelText('답변자'))).toBe('No employee EX-CHRO');
    expect((within(form).getByLabelText('답변 내용') as HTMLTextAreaElement).value).toBe('성장입니다.');
    expect((within(form).getByRole('button', { name: '답변 기록' }) as HTMLButtonElement).disabled).toBe(false);

    await click(form, '답변 기록');
    await screen.findByText('답변을 기록했습니다: 전략');
    expect(sent.map((op) => (op.query.definitions[0] as OperationDefinitionNode).name!.value)).toEqual([
      'AnswerTownHallQuestion',
      'AnswerTownHallQuestion',
    ]);
    expect(inputsOf(sent)[1]).toEqual({ questionId: 'q3', answer: '성장입니다.', answeredBy: 'EX-CHRO', townHallId: 'th-6' });
    // The list is asked again: the answered question has left it.
    await waitFor(() => expect(screen.getAllByTestId('open-question')).toHaveLength(1));
    expect(screen.getByRole('heading', { name: /답변을 기다리는 질문/ }).textContent).toContain('(1)');
  });

  it('answers a café question live, through the café mutation', async () => {
    const { client, sent } = gateway();
    renderAs('LEADERSHIP', client);
    const card = await questionCard('순환 근무는 언제?');
    await click(card, '답변하기');
    const form = within(card).getByRole('form', { name: '질문에 답변' });
    fireEvent.change(within(form).getByLabelText('답변 내용'), { target: { value: '내년부터.' } });
    fireEvent.change(within(form).getByLabelText('방식'), { target: { value: 'LIVE' } });
    await click(form, '답변 기록');
    await screen.findByText('답변을 기록했습니다: 커리어');
    expect(inputsOf(sent)).toEqual([{ questionId: 'q1', answer: '내년부터.', answeredBy: 'CEO', sessionId: 'cafe-1', mode: 'LIVE' }]);
  });

  it('assigns a follow-up: checked first, the server’s refusal next to the owner, then recorded for the question, listed, and the form empty again', async () => {
    const { client, sent, state } = gateway();
    renderAs('HR', client);
    const card = await questionCard('순환 근무는 언제?');
    await click(card, '후속 조치 지정');
    let form = within(card).getByRole('form', { name: '후속 조치 지정' });
    await click(form, '지정');
    expect(errorOf(within(form).getByLabelText('후속 조치 내용'))).toBe('필수 항목입니다.');
    expect(errorOf(within(form).getByLabelText('담당자 사번'))).toBe('필수 항목입니다.');
    expect(errorOf(within(form).getByLabelText('기한(KST)'))).toBe('필수 항목입니다.');
    fireEvent.change(within(form).getByLabelText('후속 조치 내용'), { target: { value: '순환 근무 기준 공유' } });
    fireEvent.change(within(form).getByLabelText('담당자 사번'), { target: { value: 'E 1' } });
    fireEvent.change(within(form).getByLabelText('기한(KST)'), { target: { value: '2000-01-01' } });
    await click(form, '지정');
    expect(errorOf(within(form).getByLabelText('담당자 사번'))).toMatch(/E 1/);
    expect(errorOf(within(form).getByLabelText('기한(KST)'))).toBe('기한은 오늘(KST)이나 그 뒤여야 합니다.');
    expect(sent).toEqual([]);

    fireEvent.change(within(form).getByLabelText('담당자 사번'), { target: { value: 'NOBODY' } });
    fireEvent.change(within(form).getByLabelText('기한(KST)'), { target: { value: '2099-12-31' } });
    state.refuse = 'No employee NOBODY';
    await click(form, '지정');
    expect(errorOf(within(form).getByLabelText('담당자 사번'))).toBe('No employee NOBODY');
    expect(screen.queryByTestId('follow-ups')).toBeNull();

    fireEvent.change(within(form).getByLabelText('담당자 사번'), { target: { value: 'EX-CHRO' } });
    await click(form, '지정');
    await screen.findByText('후속 조치를 지정했습니다: 순환 근무 기준 공유');
    expect(inputsOf(sent)[1]).toEqual({
      description: '순환 근무 기준 공유',
      ownerId: 'EX-CHRO',
      dueOn: '2099-12-31',
      questionId: 'q1',
      sessionId: 'cafe-1',
    });
    // The open follow-ups are asked again and show it; the question still waits for its answer.
    const listed = await screen.findByTestId('follow-ups');
    expect(within(listed).getByRole('link', { name: '순환 근무 기준 공유' }).getAttribute('href')).toBe('/channels/cafe/cafe-1');
    expect(within(listed).getByRole('button', { name: '완료' })).toBeTruthy();
    expect(screen.getAllByTestId('open-question')).toHaveLength(2);
    // Opened again, the form starts empty.
    await click(await questionCard('순환 근무는 언제?'), '후속 조치 지정');
    form = within(await questionCard('순환 근무는 언제?')).getByRole('form', { name: '후속 조치 지정' });
    expect((within(form).getByLabelText('후속 조치 내용') as HTMLInputElement).value).toBe('');
    expect((within(form).getByLabelText('담당자 사번') as HTMLInputElement).value).toBe('');
  });

  it('assigns a follow-up at a town hall for the gathering alone, through the town-hall mutation', async () => {
    const { client, sent } = gateway();
    renderAs('HR', client);
    const card = await questionCard('내년 목표는?');
    await click(card, '후속 조치 지정');
    const form = within(card).getByRole('form', { name: '후속 조치 지정' });
    fireEvent.change(within(form).getByLabelText('후속 조치 내용'), { target: { value: 'Q&A 시간 늘리기' } });
    fireEvent.change(within(form).getByLabelText('담당자 사번'), { target: { value: 'CEO' } });
    fireEvent.change(within(form).getByLabelText('기한(KST)'), { target: { value: '2099-01-31' } });
    fireEvent.click(within(form).getByLabelText('이 질문에 대한 후속 조치'));
    await click(form, '지정');
    await screen.findByText('후속 조치를 지정했습니다: Q&A 시간 늘리기');
    expect((sent[0]!.query.definitions[0] as OperationDefinitionNode).name!.value).toBe('AssignTownHallFollowUp');
    expect(inputsOf(sent)).toEqual([{ description: 'Q&A 시간 늘리기', ownerId: 'CEO', dueOn: '2099-01-31', townHallId: 'th-6' }]);
  });

  it('as of a past day only shows: the questions open then, and no form (recording happens now)', async () => {
    const { client, asked } = gateway();
    renderAs('HR', client, '/board?asOf=2015-06-30');
    await questionCard('내년 목표는?');
    expect(screen.getByText(/지난 시점의 보드입니다/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '답변하기' })).toBeNull();
    const open = asked.find((op) => (op.query.definitions[0] as OperationDefinitionNode).name!.value === 'BoardOpenQuestions')!;
    expect(open.variables).toMatchObject({ at: '2015-07-01T00:00:00+09:00', asOf: '2015-07-01T00:00:00+09:00', first: 20, after: null });
  });

  it('pages 20 at a time, oldest first: next goes on after the last one shown, previous comes back', async () => {
    const { client } = gateway(23);
    renderAs('VIEWER', client);
    await waitFor(() => expect(screen.getAllByTestId('open-question')).toHaveLength(20));
    const pager = screen.getByRole('navigation', { name: '답변을 기다리는 질문' });
    expect(pager.textContent).toContain('25건 중 1–20');
    expect((within(pager).getByRole('button', { name: '이전' }) as HTMLButtonElement).disabled).toBe(true);
    await click(pager, '다음');
    await waitFor(() => expect(screen.getAllByTestId('open-question')).toHaveLength(5));
    expect(screen.getByRole('navigation', { name: '답변을 기다리는 질문' }).textContent).toContain('25건 중 21–25');
    expect(screen.getAllByTestId('open-question').map((li) => li.querySelector('.question-text')!.textContent)).toEqual(
      [19, 20, 21, 22, 23].map((n) => `커리어 — 질문 ${n}`),
    );
    await click(screen.getByRole('navigation', { name: '답변을 기다리는 질문' }), '이전');
    await waitFor(() => expect(screen.getAllByTestId('open-question')).toHaveLength(20));
  });
});
