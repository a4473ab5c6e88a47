import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { OperationDefinitionNode } from 'graphql';
import { MemoryRouter } from 'react-router';
import { Client, Provider, makeResult, type Exchange, type Operation } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { fromValue, map, mergeMap, pipe } from 'wonka';
import { BranchVisitForm } from './BranchVisitForm';
import { fieldOfMessage, idList } from './forms';
import { ScheduleForm } from './ScheduleForm';
import './i18n';
import { TownHallForm } from './TownHallForm';

afterEach(cleanup);

const NOW = new Date('2026-11-26T12:00:00Z');

/** A gateway stand-in at the network edge: answers queries by name, and mutations as `reply` says; remembers what was sent. */
const api = (reply: (op: Operation) => { data?: Record<string, unknown> | null; error?: string }) => {
  const sent: Operation[] = [];
  const exchange: Exchange = () => (ops$) =>
    pipe(
      ops$,
      mergeMap((op) => {
        const name = (op.query.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode).name!.value;
        if (op.kind === 'mutation') sent.push(op);
        const queries: Record<string, Record<string, unknown>> = {
          Leaders: { employees: { edges: [{ node: { id: 'CEO', name: '정문국', title: 'CEO' } }] } },
          OrgUnits: {
            orgUnits: [
              { id: 'HQ', name: '본사', kind: 'DIVISION', parent: null },
              { id: 'IT', name: 'IT', kind: 'DEPARTMENT', parent: { id: 'HQ' } },
            ],
          },
          Campaigns: {
            campaigns: [
              {
                id: 'XMAS',
                name: 'Christmas cakes',
                purpose: 'cake',
                deadline: '2026-12-24',
                complete: false,
                progress: 0,
                targetCount: 2,
                visitedCount: 0,
                remaining: [],
              },
            ],
          },
        };
        const r = op.kind === 'mutation' ? reply(op) : { data: queries[name] ?? null };
        return pipe(
          fromValue(r),
          map((x) => makeResult(op, x.error ? { errors: [{ message: x.error }] } : { data: x.data })),
        );
      }),
    );
  return { client: new Client({ url: '/graphql', exchanges: [exchange] }), sent };
};

const renderWith = (client: Client, ui: React.ReactNode) =>
  render(
    <MemoryRouter>
      <Provider value={client}>{ui}</Provider>
    </MemoryRouter>,
  );
const form = (name: string) => screen.getByRole('form', { name });
const type = (label: string | RegExp, value: string, within_: HTMLElement) =>
  fireEvent.change(within(within_).getByLabelText(label), { target: { value } });
const submit = async (f: HTMLElement, name: string) => act(async () => void fireEvent.click(within(f).getByRole('button', { name })));
/** The message tied to a field (aria-describedby), as a screen reader would read it. */
const errorOf = (field: HTMLElement) => document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent ?? '';

describe('form helpers', () => {
  it('splits id lists and finds the field a server message is about', () => {
    expect(idList(' E1, E2\nE3  ')).toEqual(['E1', 'E2', 'E3']);
    const values = { theme: 'Q1', presenterIds: 'CEO, M9', attendees: 'E1 E404' };
    expect(fieldOfMessage('theme: must not be empty', values)).toBe('theme');
    expect(fieldOfMessage('No employee E404', values)).toBe('attendees');
    expect(fieldOfMessage('presenterIds must name someone', values)).toBe('presenterIds');
    expect(fieldOfMessage('Something else went wrong', values)).toBe('');
  });
});

describe('<TownHallForm> (a town hall that took place)', () => {
  it('checks before sending: required fields, a time in the past, valid ids — and sends nothing', async () => {
    const { client, sent } = api(() => ({ data: null }));
    renderWith(client, <TownHallForm now={() => NOW} />);
    const f = form('지난 타운홀 기록');
    await submit(f, '기록');
    expect(errorOf(within(f).getByLabelText('열린 일시(KST)'))).toBe('필수 항목입니다.');
    expect(errorOf(within(f).getByLabelText('주제'))).toBe('필수 항목입니다.');
    expect(errorOf(within(f).getByLabelText(/참석자 사번/))).toBe('필수 항목입니다.');
    type('열린 일시(KST)', '2027-01-10T18:00', f);
    type('주제', 'Q4', f);
    type('장소', 'Hall', f);
    type(/참석자 사번/, 'E1, E1', f);
    await submit(f, '기록');
    expect(errorOf(within(f).getByLabelText('열린 일시(KST)'))).toMatch(/이미 있었던 일만/);
    expect(errorOf(within(f).getByLabelText(/참석자 사번/))).toMatch(/E1/);
    expect(sent).toEqual([]);
  });

  it('schedules only whole seats from 1 to 100, said in the console’s language before anything is sent', async () => {
    const { client, sent } = api(() => ({ data: { scheduleCafeSession: { id: 'S9' } } }));
    renderWith(client, <ScheduleForm now={() => NOW} />);
    const f = form('카페 세션 일정 등록');
    await waitFor(() => expect((within(f).getByRole('button', { name: '등록' }) as HTMLButtonElement).disabled).toBe(false));
    type('일시(KST)', '2027-01-10T15:00', f);
    type('장소', 'Café Bene', f);
    for (const bad of ['0', '2.5', '101']) {
      type('정원', bad, f);
      await submit(f, '등록');
      expect(errorOf(within(f).getByLabelText('정원'))).toBe('좌석은 1부터 100까지의 정수입니다.');
    }
    expect(sent).toEqual([]);
    type('정원', '12', f);
    await submit(f, '등록');
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.variables).toMatchObject({ input: { capacity: 12, venue: 'Café Bene', hostIds: ['CEO'] } });
  });

  it('records head counts per org unit as history (occurredAt is when it took place), then resets', async () => {
    const { client, sent } = api(() => ({
      data: { recordTownHall: { id: 'TH-9', scheduledAt: '2026-10-20T09:00:00Z', theme: 'Q3 results', attendedCount: 0, headCount: 42 } },
    }));
    renderWith(client, <TownHallForm now={() => NOW} />);
    const f = form('지난 타운홀 기록');
    type('열린 일시(KST)', '2026-10-20T18:00', f);
    type('주제', 'Q3 results', f);
    type('장소', 'Rooftop', f);
    fireEvent.click(within(f).getByRole('radio', { name: '조직별 인원' }));
    const counts = within(f).getByRole('group', { name: '조직별 인원' });
    await waitFor(() => expect(within(counts).getAllByRole('option').length).toBe(3));
    fireEvent.change(within(counts).getByLabelText('조직'), { target: { value: 'IT' } });
    type('인원', '42', counts);
    fireEvent.click(within(counts).getByRole('button', { name: '조직 추가' }));
    fireEvent.change(within(counts).getAllByLabelText('조직')[1]!, { target: { value: 'IT' } });
    fireEvent.change(within(counts).getAllByLabelText('인원')[1]!, { target: { value: '3' } });
    await submit(f, '기록');
    expect(within(f).getByText('같은 조직이 두 번 있습니다.')).toBeTruthy();
    expect(sent).toEqual([]);
    fireEvent.change(within(counts).getAllByLabelText('조직')[1]!, { target: { value: 'HQ' } });
    await submit(f, '기록');
    await screen.findByText(/“Q3 results” 타운홀을 기록했습니다/);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.variables).toMatchObject({
      input: {
        scheduledAt: '2026-10-20T18:00:00+09:00',
        format: 'TALK_CONCERT',
        theme: 'Q3 results',
        venue: 'Rooftop',
        presenterIds: ['CEO'],
        headCounts: [
          { orgUnitId: 'IT', headCount: 42 },
          { orgUnitId: 'HQ', headCount: 3 },
        ],
      },
      occurredAt: '2026-10-20T18:00:00+09:00',
    });
    expect(screen.getByRole('link', { name: '열기' }).getAttribute('href')).toBe('/channels/town-halls/TH-9');
    // Reset: empty again, back to attendance by name.
    expect((within(f).getByLabelText('주제') as HTMLInputElement).value).toBe('');
    expect((within(f).getByRole('radio', { name: '사번으로' }) as HTMLInputElement).checked).toBe(true);
  });

  it('shows the server’s refusal next to the field it is about and keeps what was typed', async () => {
    const { client } = api(() => ({ error: 'No employee E404' }));
    renderWith(client, <TownHallForm now={() => NOW} />);
    const f = form('지난 타운홀 기록');
    type('열린 일시(KST)', '2026-10-20T18:00', f);
    type('주제', 'Q3', f);
    type('장소', 'Hall', f);
    type(/참석자 사번/, 'E1, E404', f);
    await submit(f, '기록');
    const attendees = within(f).getByLabelText(/참석자 사번/) as HTMLTextAreaElement;
    await waitFor(() => expect(errorOf(attendees)).toBe('No employee E404'));
    expect(attendees.getAttribute('aria-invalid')).toBe('true');
    expect(attendees.value).toBe('E1, E404');
    expect(screen.queryByRole('status')).toBeNull();
  });
});

describe('<BranchVisitForm>', () => {
  it('records a visit for a campaign as history, then resets', async () => {
    const { client, sent } = api(() => ({
      data: {
        recordBranchVisit: { id: 'V1', visitedAt: '2026-11-20T05:00:00Z', purpose: 'cake', branch: { id: 'BR001', name: '강남지점' } },
      },
    }));
    renderWith(client, <BranchVisitForm now={() => NOW} />);
    const f = form('지점 방문 기록');
    await submit(f, '기록');
    expect(errorOf(within(f).getByLabelText('지점 번호'))).toBe('필수 항목입니다.');
    expect(sent).toEqual([]);
    type('지점 번호', 'BR001', f);
    type('방문 일시(KST)', '2026-11-20T14:00', f);
    type('목적', 'Christmas cake', f);
    type(/만난 FC/, 'FC1, FC2', f);
    await waitFor(() => expect(within(f).getAllByRole('option').length).toBe(2));
    fireEvent.change(within(f).getByLabelText('캠페인'), { target: { value: 'XMAS' } });
    await submit(f, '기록');
    await screen.findByText('강남지점 방문을 기록했습니다.');
    expect(sent[0]!.variables).toMatchObject({
      input: {
        branchId: 'BR001',
        visitedAt: '2026-11-20T14:00:00+09:00',
        purpose: 'Christmas cake',
        leaderIds: ['CEO'],
        fcIds: ['FC1', 'FC2'],
        campaignId: 'XMAS',
      },
      occurredAt: '2026-11-20T14:00:00+09:00',
    });
    expect((within(f).getByLabelText('지점 번호') as HTMLInputElement).value).toBe('');
    expect((within(f).getByLabelText('캠페인') as HTMLSelectElement).value).toBe('');
  });

  it('shows an unknown branch next to the branch field; nothing is reset', async () => {
    const { client } = api(() => ({ error: 'No branch BR999' }));
    renderWith(client, <BranchVisitForm now={() => NOW} />);
    const f = form('지점 방문 기록');
    type('지점 번호', 'BR999', f);
    type('방문 일시(KST)', '2026-11-20T14:00', f);
    type('목적', 'Visit', f);
    await submit(f, '기록');
    const branch = within(f).getByLabelText('지점 번호') as HTMLInputElement;
    await waitFor(() => expect(errorOf(branch)).toBe('No branch BR999'));
    expect(branch.value).toBe('BR999');
  });
});
