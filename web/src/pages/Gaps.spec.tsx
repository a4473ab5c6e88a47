import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { OperationDefinitionNode } from 'graphql';
import { MemoryRouter } from 'react-router';
import { Client, Provider, makeResult, type Exchange } from 'urql';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fromValue, map, mergeMap, pipe } from 'wonka';
import { PrincipalContext } from '../auth';
import type { Role } from '../gql/graphql';
import '../i18n';
import { GapsPage } from './Gaps';

afterEach(cleanup);
beforeAll(() => {
  // jsdom lays nothing out: give the table's scroll box a browser's height.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(560);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000);
});

/** Answers by operation name, like the gateway would for the demo company. */
const answers: Record<string, unknown> = {
  LatestTouch: { employees: { edges: [{ node: { id: 't1', touchedAt: '2015-06-24T06:00:00Z' } }] }, anyone: { edges: [] } },
  OrgUnits: { orgUnits: [{ id: 'FIN', name: 'Finance', kind: 'DEPARTMENT', parent: null }] },
};
/** The employee gap list in two pages, as `gaps(after:)` hands them out: the page joins them. */
const employeePages: Record<string, unknown> = {
  first: {
    gaps: {
      total: 3,
      hasNextPage: true,
      endCursor: 'page-2',
      people: [
        {
          personId: 'E0002',
          lastTouchedAt: null,
          employee: { id: 'E0002', name: '김민준', grade: 'ASSISTANT_MANAGER', orgUnit: { id: 'FIN', name: 'Finance, Seoul' } },
        },
        {
          personId: 'E0003',
          lastTouchedAt: '2015-01-10T06:00:00Z',
          employee: { id: 'E0003', name: '이서연', grade: 'MANAGER', orgUnit: { id: 'FIN', name: 'Finance' } },
        },
      ],
    },
  },
  'page-2': {
    gaps: {
      total: 3,
      hasNextPage: false,
      endCursor: 'page-3',
      people: [
        {
          personId: 'E0001',
          lastTouchedAt: null,
          employee: { id: 'E0001', name: '=cmd()', grade: 'STAFF', orgUnit: { id: 'FIN', name: 'Finance' } },
        },
      ],
    },
  },
};
const mockExchange: Exchange = () => (ops$) =>
  pipe(
    ops$,
    mergeMap((op) => {
      const name = (op.query.definitions[0] as OperationDefinitionNode).name!.value;
      const data = name === 'EmployeeGaps' ? employeePages[(op.variables as { after?: string | null }).after ?? 'first'] : answers[name];
      return pipe(
        fromValue(data ?? null),
        map((d) => makeResult(op, { data: d })),
      );
    }),
  );

const renderAs = (role: Role, url: string) =>
  render(
    <MemoryRouter initialEntries={[url]}>
      <Provider value={new Client({ url: '/graphql', exchanges: [mockExchange] })}>
        <PrincipalContext.Provider value={{ role, subject: 'test', signedIn: role !== 'VIEWER' }}>
          <GapsPage />
        </PrincipalContext.Provider>
      </Provider>
    </MemoryRouter>,
  );

describe('<GapsPage>', () => {
  it('lists the gaps with grades as words, looks back from the end of the latest month with data, and offers customers only to the roles that may see them', async () => {
    renderAs('VIEWER', '/gaps');
    expect(await screen.findByRole('cell', { name: '김민준' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: '대리' })).toBeTruthy();
    // The second page is loaded too: the whole list, not the first page of it.
    expect(await screen.findByRole('cell', { name: '=cmd()' })).toBeTruthy();
    expect(screen.getByTestId('gap-count').textContent).toBe('3명 표시 (전체 미접점 3명)');
    expect((screen.getByLabelText('기준일') as HTMLInputElement).value).toBe('2015-06-30');
    expect(screen.queryByRole('radio', { name: '고객' })).toBeNull();
    cleanup();
    renderAs('SALES', '/gaps');
    expect(await screen.findByRole('radio', { name: '고객' })).toBeTruthy();
  });

  it('exports exactly the rows shown, in the order shown, as CSV with a BOM and formulas defused', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test';
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderAs('VIEWER', '/gaps?never=1&sort=id');
    const table = await screen.findByTestId('virtual-table');
    await waitFor(() => expect(within(table).getAllByTestId('gap-row')).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'CSV 내보내기' }));
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe(
      '번호,이름,조직,직급,마지막 접점,경과 일수\r\n' + "E0001,'=cmd(),Finance,사원,,\r\n" + 'E0002,김민준,"Finance, Seoul",대리,,\r\n',
    );
  });
});
