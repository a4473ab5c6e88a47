import { cleanup, render, screen, within } from '@testing-library/react';
import type { OperationDefinitionNode } from 'graphql';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Client, Provider, makeResult, type Exchange } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { fromValue, map, mergeMap, pipe } from 'wonka';
import '../i18n';
import { CampaignPage, CampaignsPage } from './Campaigns';

afterEach(cleanup);

/** One campaign under way, three branches still to visit in two districts. */
const answers: Record<string, unknown> = {
  LatestTouch: { employees: { edges: [{ node: { id: 't1', touchedAt: '2015-06-24T06:00:00Z' } }] }, anyone: { edges: [] } },
  Campaigns: {
    campaigns: [
      {
        id: 'xmas',
        name: 'Christmas',
        purpose: 'Thank every branch',
        deadline: '2014-12-24',
        complete: false,
        progress: 0.25,
        targetCount: 4,
        visitedCount: 1,
        remaining: [
          { id: 'B3', name: '서초 지점', district: '서초구' },
          { id: 'B1', name: '강남 2지점', district: '강남구' },
          { id: 'B2', name: '강남 1지점', district: '강남구' },
        ],
      },
    ],
  },
};
const mockExchange: Exchange = () => (ops$) =>
  pipe(
    ops$,
    mergeMap((op) =>
      pipe(
        fromValue(answers[(op.query.definitions[0] as OperationDefinitionNode).name!.value] ?? null),
        map((d) => makeResult(op, { data: d })),
      ),
    ),
  );

const renderAt = (url: string) =>
  render(
    <MemoryRouter initialEntries={[url]}>
      <Provider value={new Client({ url: '/graphql', exchanges: [mockExchange] })}>
        <Routes>
          <Route path="/channels/campaigns" element={<CampaignsPage />} />
          <Route path="/channels/campaigns/:id" element={<CampaignPage />} />
        </Routes>
      </Provider>
    </MemoryRouter>,
  );

describe('campaign pages', () => {
  it('lists campaigns with their progress, each linking to its page', async () => {
    renderAt('/channels/campaigns?asOf=2015-06-30');
    const link = await screen.findByRole('link', { name: 'Christmas' });
    // The shared as-of day travels with the link.
    expect(link.getAttribute('href')).toBe('/channels/campaigns/xmas?asOf=2015-06-30');
    expect(screen.getByText('1 / 4곳 방문 (25%)')).toBeTruthy();
  });

  it('groups the branches still to visit by district, districts and branches in order', async () => {
    renderAt('/channels/campaigns/xmas');
    const districts = await screen.findByTestId('unvisited-districts');
    const groups = within(districts)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(groups).toEqual(['강남구 (2)', '서초구 (1)']);
    expect(
      within(districts)
        .getAllByRole('link')
        .map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      ['강남 1지점', '/branches/B2'],
      ['강남 2지점', '/branches/B1'],
      ['서초 지점', '/branches/B3'],
    ]);
  });

  it('says so for an unknown campaign', async () => {
    renderAt('/channels/campaigns/nope');
    expect(await screen.findByText('찾을 수 없습니다.')).toBeTruthy();
  });
});
