import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, graphqlAt, startProduct, type RunningProduct } from '../support/product';

/*
 * The leadership console as its users meet it: `npm start` on the embedded default with the demo
 * company, in Debian's Chromium (never a downloaded browser). Every page at 1280 and 390 px: no
 * console error, no sideways scroll, no serious or critical axe violation, a screenshot kept in
 * tests/.test-results/console/.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumMissing = existsSync(CHROMIUM) ? undefined : `no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
if (chromiumMissing) console.warn(`[e2e] SKIPPED console tests: ${chromiumMissing}`);
const SHOTS = join(REPO_ROOT, 'tests', '.test-results', 'console');

/** Moves within the console as its own links do (history + popstate): no reload, the same client and cache. */
const navigate = (page: Page, path: string) =>
  page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);

/** Each page, and what shows it has its data (not just its frame). */
const PAGES = [
  {
    name: 'overview',
    path: '/',
    ready: (p: Page) =>
      p
        .getByTestId('reach-EMPLOYEE')
        .filter({ hasText: /\d+(\.\d)?%/ })
        .waitFor(),
  },
  { name: 'heatmap', path: '/heatmap', ready: (p: Page) => p.getByTestId('heatmap').getByRole('link').first().waitFor() },
  {
    name: 'heatmap-channels',
    path: '/heatmap?view=units-channels',
    ready: (p: Page) => p.getByTestId('heatmap').getByRole('link', { name: /%/ }).first().waitFor(),
  },
  {
    name: 'heatmap-regions',
    path: '/heatmap?view=regions-months',
    ready: (p: Page) => p.getByTestId('heatmap').getByRole('link', { name: /%/ }).first().waitFor(),
  },
  {
    name: 'heatmap-video',
    path: '/heatmap?channel=VIDEO_MESSAGE',
    ready: (p: Page) => p.getByTestId('heatmap').getByRole('link', { name: /%/ }).first().waitFor(),
  },
  {
    name: 'heatmap-branches',
    path: '/heatmap?view=regions-months&region=Seoul',
    ready: (p: Page) => p.getByTestId('heatmap').getByRole('link', { name: /%/ }).first().waitFor(),
  },
  { name: 'gaps', path: '/gaps', ready: (p: Page) => p.getByTestId('gap-row').first().waitFor() },
  { name: 'gaps-fc', path: '/gaps?who=FC&days=60', ready: (p: Page) => p.getByTestId('gap-row').first().waitFor() },
  { name: 'gaps-branches', path: '/gaps?who=BRANCH&days=30', ready: (p: Page) => p.getByTestId('gap-row').first().waitFor() },
  { name: 'channels', path: '/channels', ready: (p: Page) => p.getByTestId('reach-row').first().waitFor() },
  { name: 'campaigns', path: '/channels/campaigns', ready: (p: Page) => p.getByTestId('campaigns').getByRole('link').first().waitFor() },
  {
    name: 'campaign',
    path: '/channels/campaigns/xmas-2014',
    ready: (p: Page) => p.getByTestId('unvisited-districts').or(p.getByText('모든 대상 지점을 방문했습니다.')).first().waitFor(),
  },
  {
    name: 'videos',
    path: '/channels/videos',
    ready: (p: Page) =>
      p
        .getByTestId('videos')
        .getByRole('cell', { name: /^\d+%$/ })
        .first()
        .waitFor(),
  },
  { name: 'leaders', path: '/leaders', ready: (p: Page) => p.getByTestId('leaders').getByRole('link').first().waitFor() },
  { name: 'leader', path: '/leaders/CEO', ready: (p: Page) => p.getByRole('cell', { name: '카페 세션(톡톡타임)' }).waitFor() },
  {
    name: 'board',
    path: '/board',
    role: 'HR',
    ready: async (p: Page) => {
      await p.getByTestId('open-questions').or(p.getByText('답변을 기다리는 질문이 없습니다.')).waitFor();
      await p.getByTestId('follow-ups').or(p.getByText('열린 후속 조치가 없습니다.')).waitFor();
    },
  },
  {
    name: 'guests',
    path: '/guests',
    role: 'HR',
    ready: async (p: Page) => {
      await p.getByTestId('visit-list').waitFor();
      await p.getByTestId('guests').getByRole('link').first().waitFor();
    },
  },
  { name: 'cafe-session', path: '/channels/cafe/cafe-2015-05-10', role: 'HR', ready: (p: Page) => p.getByTestId('participants').waitFor() },
  {
    name: 'town-hall',
    path: '/channels/town-halls/townhall-2015-06',
    ready: (p: Page) => p.getByTestId('question').first().or(p.getByTestId('head-counts')).first().waitFor(),
  },
  { name: 'import', path: '/import', role: 'ADMIN', ready: (p: Page) => p.getByLabel('CSV 파일').waitFor() },
  { name: 'people', path: '/people?q=김', ready: (p: Page) => p.getByTestId('directory-employees').getByRole('link').first().waitFor() },
  {
    name: 'people-sales',
    path: '/people?q=반포',
    role: 'SALES',
    ready: (p: Page) => p.getByTestId('directory-customers').getByRole('link', { name: '반포고객' }).waitFor(),
  },
  {
    name: 'employee',
    path: '/people/E0001',
    ready: (p: Page) => p.getByTestId('timeline').or(p.getByText('기록된 접점이 없습니다.')).waitFor(),
  },
  { name: 'team', path: '/teams/FIN', ready: (p: Page) => p.getByRole('heading', { name: /구성원/ }).waitFor() },
  { name: 'branch', path: '/branches/BR077', ready: (p: Page) => p.getByRole('heading', { name: '접점 이력' }).waitFor() },
  { name: 'fc', path: '/fcs/FC0067', ready: (p: Page) => p.getByRole('heading', { name: '접점 이력' }).waitFor() },
  {
    name: 'customer-sales',
    path: '/customers/CU-BANPO',
    role: 'SALES',
    ready: (p: Page) => p.getByRole('heading', { name: /반포고객/ }).waitFor(),
  },
  {
    name: 'customer-viewer',
    path: '/customers/CU-BANPO',
    ready: (p: Page) => p.getByText('고객 개별 정보는 경영진·영업·개인정보 보호책임자에게만 보입니다.').waitFor(),
  },
] as const satisfies readonly { name: string; path: string; role?: string; ready: (p: Page) => Promise<void> }[];

describe.skipIf(Boolean(chromiumMissing))(
  `the leadership console in Chromium${chromiumMissing ? ` — SKIPPED: ${chromiumMissing}` : ''}`,
  () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hub-console-'));
    let product: RunningProduct;
    let browser: Browser;
    const tokenOf = (role: string) => new RegExp(`${role}\\s+Authorization: Bearer (\\S+)`).exec(product.output())![1]!;

    /** A fresh page that records every console error and uncaught exception; signed in when a role is given. */
    const open = async (path: string, options: { width?: number; role?: string } = {}) => {
      const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, acceptDownloads: true });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      if (options.role) {
        // Signing in through the form is its own test; here the token goes where the form puts it.
        await page.goto(product.consoleUrl);
        await page.evaluate((t) => sessionStorage.setItem('hub.token', t), tokenOf(options.role));
      }
      await page.goto(`${product.consoleUrl}${path}`);
      return { page, errors, close: () => context.close() };
    };

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      product = await startProduct({ HUB_DATA_DIR: dataDir });
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      });
    }, 600_000);
    afterAll(async () => {
      await browser?.close();
      if (product?.child.exitCode === null) await product.stop('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    });

    for (const width of [1280, 390]) {
      it(`every page at ${width} px: data shown, no console error, no sideways scroll, no serious axe violation, screenshot kept`, async () => {
        for (const p of PAGES) {
          const { page, errors, close } = await open(p.path, { width, role: 'role' in p ? p.role : undefined });
          await p.ready(page);
          await page
            .getByRole('status')
            .filter({ hasText: /불러오는 중/ })
            .waitFor({ state: 'detached' })
            .catch(() => undefined);
          expect(
            await page.evaluate(() => document.documentElement.scrollWidth),
            `${p.name} scrolls sideways at ${width} px`,
          ).toBeLessThanOrEqual(width);
          const axe = await new AxeBuilder({ page }).analyze();
          const serious = axe.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map(
              (v) =>
                `${v.id}: ${v.nodes
                  .map((n) => n.target.join(' '))
                  .slice(0, 3)
                  .join(', ')}`,
            );
          expect(serious, `${p.name} at ${width} px`).toEqual([]);
          await page.screenshot({ path: join(SHOTS, `${p.name}-${width}.png`), fullPage: true });
          expect(errors, `${p.name} at ${width} px`).toEqual([]);
          await close();
        }
      }, 900_000);
    }

    it('heatmap: a cell lists the people behind it in a shareable URL; a region opens its branches', async () => {
      const { page, errors, close } = await open('/heatmap?channel=TOWN_HALL');
      const cell = page.getByTestId('heatmap').getByRole('link', { name: /%/ }).nth(3);
      await cell.click();
      const people = page.getByTestId('cell-people');
      await people.getByRole('heading', { name: /만나지 못한 사람/ }).waitFor();
      await people.getByTestId('cell-people-table').or(people.getByText('모두 만났습니다.')).first().waitFor();
      const url = new URL(page.url());
      expect(url.searchParams.get('channel')).toBe('TOWN_HALL');
      expect(url.searchParams.get('cell')).toMatch(/~\d{4}-\d{2}$/);
      // The same URL opened afresh shows the same list.
      await page.goto(url.toString());
      await page
        .getByTestId('cell-people')
        .getByRole('heading', { name: /만나지 못한 사람/ })
        .waitFor();
      await navigate(page, '/heatmap?view=regions-months');
      await page.getByTestId('heatmap').getByRole('link', { name: 'Seoul', exact: true }).click();
      await page.getByText('Seoul의 지점').waitFor();
      await page.getByTestId('heatmap').getByRole('link', { name: /%/ }).first().click();
      await page
        .getByTestId('cell-people')
        .getByRole('heading', { name: /만나지 못한 사람/ })
        .waitFor();
      expect(errors).toEqual([]);
      await close();
    }, 120_000);

    it('channels: campaigns and video messages have pages of their own, reached from the channels’ navigation', async () => {
      const { page, errors, close } = await open('/channels');
      const nav = page.getByRole('navigation', { name: '채널 페이지' });
      await nav.getByRole('link', { name: '캠페인' }).click();
      await page.getByRole('heading', { name: '지점 방문 캠페인', level: 1 }).waitFor();
      await page
        .getByTestId('campaigns')
        .getByRole('link', { name: /Christmas 2014/ })
        .click();
      expect(new URL(page.url()).pathname).toBe('/channels/campaigns/xmas-2014');
      await page.getByRole('progressbar').first().waitFor();
      await page.getByRole('navigation', { name: '채널 페이지' }).getByRole('link', { name: '영상 메시지' }).click();
      await page.getByRole('heading', { name: '영상 메시지', level: 1 }).waitFor();
      await page
        .getByTestId('videos')
        .getByRole('cell', { name: /^\d+%$/ })
        .first()
        .waitFor();
      await page.goto(`${product.consoleUrl}/channels/campaigns/no-such-campaign`);
      await page.getByText('찾을 수 없습니다', { exact: false }).waitFor();
      expect(errors).toEqual([]);
      await close();
    }, 120_000);

    it('opens on the data (the latest month with touches, not an empty current year) and keeps its filters in a shareable URL', async () => {
      const { page, errors, close } = await open('/');
      await page.getByTestId('period-range').filter({ hasText: '2015-07' }).waitFor();
      await page.getByRole('radio', { name: '이번 분기' }).click();
      await page.getByTestId('period-range').filter({ hasText: '2015-07-01 ~ 2015-09-30' }).waitFor();
      await page.getByRole('button', { name: '설계사(FC)' }).click();
      await page.getByRole('heading', { name: /채널별 · 설계사\(FC\)/ }).waitFor();
      const url = new URL(page.url());
      expect(Object.fromEntries(url.searchParams)).toEqual({ preset: 'quarter', pop: 'FC' });
      // The link carries the period to the next page, and a reload shows the same.
      await page.getByRole('link', { name: '미접점' }).click();
      expect(new URL(page.url()).searchParams.get('preset')).toBe('quarter');
      await page.goto(`${product.consoleUrl}/gaps?who=FC&days=30&preset=month&ref=2015-03`);
      expect(await page.getByRole('radio', { name: '설계사(FC)' }).isChecked()).toBe(true);
      await page.getByTestId('period-range').filter({ hasText: '2015-03-01 ~ 2015-03-31' }).waitFor();
      expect(await page.getByLabel('최근 며칠').inputValue()).toBe('30');
      expect(errors).toEqual([]);
      await close();
    });

    it('switches to English and back; channel and grade names are words in both', async () => {
      const { page, errors, close } = await open('/');
      await page.getByRole('cell', { name: '카페 세션(톡톡타임)' }).waitFor();
      await page.getByLabel('언어').selectOption('en');
      await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
      await page.getByRole('cell', { name: 'Café session (톡톡타임)' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await page.getByRole('link', { name: 'Gaps' }).click();
      await page
        .getByRole('cell', { name: /Staff \(사원\)|General manager \(부장\)/ })
        .first()
        .waitFor();
      // Kept in this browser across a reload.
      await page.reload();
      await page.getByRole('heading', { name: 'Gaps', level: 1 }).waitFor();
      await page.getByLabel('Language').selectOption('ko');
      await page.getByRole('heading', { name: '미접점', level: 1 }).waitFor();
      expect(errors).toEqual([]);
      await close();
    });

    it('signs in through the form: SALES sees customer names in the gaps, LEADERSHIP customers without names, VIEWER no customers at all', async () => {
      const viewer = await open('/gaps?who=CUSTOMER');
      await viewer.page.getByTestId('principal').filter({ hasText: '뷰어' }).waitFor();
      await viewer.page.getByTestId('gap-row').first().waitFor();
      // Hidden, not broken: no customer tab, and a link asking for customers shows employees.
      expect(await viewer.page.getByRole('radio', { name: '고객' }).count()).toBe(0);
      expect(await viewer.page.getByRole('radio', { name: '임직원' }).isChecked()).toBe(true);
      await viewer.page.getByRole('button', { name: '로그인' }).click();
      await viewer.page.getByLabel('API 토큰').fill(tokenOf('SALES'));
      await viewer.page.getByRole('button', { name: '로그인' }).click();
      await viewer.page.getByTestId('principal').filter({ hasText: 'dev:sales · 영업' }).waitFor();
      await viewer.page.getByRole('radio', { name: '고객' }).click();
      await viewer.page.getByRole('columnheader', { name: /고객명/ }).waitFor();
      const names = await viewer.page.getByTestId('gap-row').locator('td:nth-child(2)').allTextContents();
      expect(names.length).toBeGreaterThan(0);
      expect(names.every((n) => n.trim().length > 0)).toBe(true);
      expect(viewer.errors).toEqual([]);
      await viewer.close();

      const leadership = await open('/gaps?who=CUSTOMER', { role: 'LEADERSHIP' });
      await leadership.page.getByTestId('principal').filter({ hasText: '경영진' }).waitFor();
      await leadership.page.getByTestId('gap-row').first().waitFor();
      expect(await leadership.page.getByRole('columnheader', { name: /고객명/ }).count()).toBe(0);
      await leadership.page.getByText('고객 이름은 영업·개인정보 보호책임자에게만 보입니다.').waitFor();
      expect(leadership.errors).toEqual([]);
      await leadership.close();
    });

    it('exports the gaps CSV: UTF-8 with a BOM, a header, one line per row shown, in the order shown', async () => {
      const { page, errors, close } = await open('/gaps?who=EMPLOYEE&days=90&never=1&sort=id');
      await page.getByTestId('gap-row').first().waitFor();
      const shown = Number(/^([\d,]+)/.exec((await page.getByTestId('gap-count').textContent()) ?? '')![1]!.replace(/,/g, ''));
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
      expect(download.suggestedFilename()).toMatch(/^gaps-employee-2015-07-31-90d\.csv$/);
      const bytes = readFileSync((await download.path())!);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
      expect(lines[0]).toBe('번호,이름,조직,직급,마지막 접점,경과 일수');
      expect(lines).toHaveLength(shown + 1);
      const ids = lines.slice(1).map((l) => l.split(',')[0]!);
      expect(ids).toEqual([...ids].sort());
      // Never reached: no last touch, no day count, and a Korean grade name.
      expect(lines.slice(1).every((l) => l.endsWith(',,'))).toBe(true);
      expect(lines[1]).toMatch(/,(사원|대리|과장|차장|부장|임원),/);
      // The same people the API lists, every page of them.
      const listed: { personId: string; lastTouchedAt: string | null }[] = [];
      for (let after: string | null = null, pages = 0; pages < 40; pages++) {
        const api: {
          data?: { gaps: { hasNextPage: boolean; endCursor: string | null; people: { personId: string; lastTouchedAt: string | null }[] } };
        } = await graphqlAt(product.graphqlUrl)(
          `query($after: String) { gaps(population: EMPLOYEE, at: "2015-08-01T00:00:00+09:00", days: 90, first: 500, after: $after) { hasNextPage endCursor people { personId lastTouchedAt } } }`,
          { after },
        );
        listed.push(...api.data!.gaps.people);
        if (!api.data!.gaps.hasNextPage) break;
        after = api.data!.gaps.endCursor;
      }
      expect(ids).toEqual(
        listed
          .filter((p) => p.lastTouchedAt === null)
          .map((p) => p.personId)
          .sort(),
      );
      expect(errors).toEqual([]);
      await close();
    });

    it('suggests café guests from the gateway, finds people by number, and shows an FC nobody ever reached', async () => {
      const hr = await open('/guests', { role: 'HR' });
      const guests = hr.page.getByTestId('guests');
      await guests.getByRole('link').first().waitFor();
      // The rows are the gateway's suggestion, in its order: for the next scheduled session with a
      // free seat (the page's), or ten without one.
      const viewer = graphqlAt(product.graphqlUrl);
      const upcoming = await viewer<{
        cafeSessions: { edges: { node: { id: string; scheduledAt: string; capacity: number; invitedCount: number } }[] };
      }>(
        `query($from: DateTime!) { cafeSessions(from: $from, status: SCHEDULED, first: 20) { edges { node { id scheduledAt capacity invitedCount } } } }`,
        { from: new Date().toISOString() },
      );
      const sessions = upcoming.data!.cafeSessions.edges.map((e) => e.node).sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
      const next = sessions.find((s) => s.invitedCount < s.capacity) ?? sessions[0];
      const api = await viewer<{ nextCafeGuests: { guests: { employee: { name: string } }[] } }>(
        `query($sessionId: ID, $count: Int) { nextCafeGuests(sessionId: $sessionId, count: $count) { guests { employee { name } } } }`,
        next ? { sessionId: next.id } : { count: 10 },
      );
      const shownNames = await guests.getByRole('link').allTextContents();
      expect(shownNames.length).toBeGreaterThan(0);
      expect(api.data!.nextCafeGuests.guests.map((g) => g.employee.name)).toEqual(shownNames);
      expect(hr.errors).toEqual([]);
      await hr.close();

      const byNumber = await open('/people?q=E0001');
      await byNumber.page.getByTestId('directory-employees').getByRole('link').first().waitFor();
      expect(await byNumber.page.getByTestId('directory-customers').count()).toBe(0);
      await byNumber.close();

      // An FC just registered has never been reached: the page still shows who and where they are.
      const sales = graphqlAt(product.graphqlUrl, { authorization: `Bearer ${tokenOf('SALES')}` });
      const registered = await sales<{ registerFc: { id: string; branch: { name: string } } }>(
        `mutation { registerFc(input: { fcId: "FC-E2E-NEW", name: "새설계사", branchId: "BR077", hiredOn: "2015-07-01" }) { id branch { name } } }`,
      );
      expect(registered.errors).toBeUndefined();
      const fc = await open('/fcs/FC-E2E-NEW');
      await fc.page.getByRole('heading', { name: /새설계사/ }).waitFor();
      await fc.page.getByRole('link', { name: registered.data!.registerFc.branch.name }).waitFor();
      await fc.page.getByText('기록된 접점이 없습니다.').waitFor();
      expect(fc.errors).toEqual([]);
      await fc.close();
    });

    it('HR schedules a café session through the form; a refusal is shown as the server words it; VIEWER has no form', async () => {
      const viewer = await open('/channels');
      await viewer.page.getByTestId('cafe-session-row').first().waitFor();
      expect(await viewer.page.getByRole('form', { name: '카페 세션 일정 등록' }).count()).toBe(0);
      await viewer.close();
      const { page, errors, close } = await open('/channels', { role: 'HR' });
      const form = page.getByRole('form', { name: '카페 세션 일정 등록' });
      await form.getByLabel('일시(KST)').fill('2027-01-14T15:00');
      await form.getByLabel('장소').fill('Browser Café, Gangnam');
      await form.getByRole('button', { name: '등록' }).click();
      await page.getByRole('status').filter({ hasText: 'Browser Café, Gangnam에 등록했습니다.' }).waitFor();
      await page.getByTestId('cafe-session-row').filter({ hasText: 'Browser Café, Gangnam' }).waitFor();
      // The form was reset after success.
      expect(await form.getByLabel('장소').inputValue()).toBe('');
      await form.getByLabel('일시(KST)').fill('2027-01-28T15:00');
      await form.getByLabel('장소').fill('Full Café');
      // Seats out of range are refused by the form itself, in Korean; nothing is sent.
      await form.getByLabel('정원').evaluate((el: HTMLInputElement) => el.removeAttribute('min'));
      await form.getByLabel('정원').fill('0');
      await form.getByRole('button', { name: '등록' }).click();
      await page.getByRole('alert').filter({ hasText: '좌석은 1부터 100까지의 정수입니다.' }).waitFor();
      // What only the server checks (a venue over 200 characters) comes back as the server words it.
      await form.getByLabel('정원').fill('10');
      await form.getByLabel('장소').fill('Full Café '.repeat(21));
      await form.getByRole('button', { name: '등록' }).click();
      await page.getByRole('alert').filter({ hasText: /venue/ }).waitFor();
      await form.getByLabel('장소').fill('Full Café');
      // A past time is refused before anything is sent.
      await form.getByLabel('일시(KST)').evaluate((el: HTMLInputElement) => el.removeAttribute('min'));
      await form.getByLabel('일시(KST)').fill('2015-01-14T15:00');
      await form.getByLabel('정원').fill('10');
      await form.getByRole('button', { name: '등록' }).click();
      await page.getByRole('alert').filter({ hasText: '일정은 미래 시점이어야 합니다.' }).waitFor();
      expect(errors).toEqual([]);
      await close();
    });

    it('invite and record attendance on the session page: reach rises on the overview and the person leaves the gaps list', async () => {
      const hr = graphqlAt(product.graphqlUrl, { authorization: `Bearer ${tokenOf('HR')}` });
      const staff = await hr<{ employees: { edges: { node: { id: string; name: string } }[] } }>(
        `{ employees(filter: { grade: STAFF }, first: 1, sortBy: NAME) { edges { node { id name } } } }`,
      );
      const guest = staff.data!.employees.edges[0]!.node;
      // Attendance is recorded once a session has started: one held two hours ago, in this Seoul month,
      // recorded as history (scheduling is for the future), as scheduled an hour before it began.
      const heldAt = new Date(Date.now() - 2 * 3_600_000);
      const seoulMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit' })
        .format(heldAt)
        .slice(0, 7);
      const scheduled = await hr<{ scheduleCafeSession: { id: string } }>(
        `mutation($at: DateTime!, $occurredAt: DateTime!) { scheduleCafeSession(input: { scheduledAt: $at, venue: "Attendance Café", hostIds: ["CEO"] }, occurredAt: $occurredAt) { id } }`,
        { at: heldAt.toISOString(), occurredAt: new Date(heldAt.getTime() - 3_600_000).toISOString() },
      );
      const sessionId = scheduled.data!.scheduleCafeSession.id;
      const month = `preset=month&ref=${seoulMonth}`;
      const { page, errors, close } = await open(`/?${month}`, { role: 'HR' });
      const reached = async () =>
        Number(/(\d+) \/ [\d,]+명/.exec((await page.getByTestId('reach-EMPLOYEE').filter({ hasText: /명/ }).textContent()) ?? '')![1]);
      const before = await reached();
      // From here on the console moves between pages itself (no reload): what it shows after the
      // mutations comes from Graphcache dropping the figures they changed, not from a fresh page.
      await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
      await navigate(page, `/gaps?${month}&days=40&q=${guest.id}`);
      await page.getByTestId('gap-row').filter({ hasText: guest.id }).waitFor();

      await navigate(page, `/channels/cafe/${encodeURIComponent(sessionId)}`);
      const invite = page.getByRole('form', { name: '초대' });
      // Eligibility shows before anything is sent: the CEO (임원) cannot be invited, nor a number nobody has.
      await invite.getByLabel('사번').fill('CEO');
      await invite.getByTestId('invitee').filter({ hasText: '카페 세션은 차장 이하만 초대할 수 있습니다' }).waitFor();
      expect(await invite.getByRole('button', { name: '초대' }).isDisabled()).toBe(true);
      await invite.getByLabel('사번').fill('NOBODY-404');
      await invite.getByTestId('invitee').filter({ hasText: '그런 사번이 없습니다' }).waitFor();
      await invite.getByLabel('사번').fill(guest.id);
      await invite
        .getByTestId('invitee')
        .filter({ hasText: `${guest.name} · ` })
        .filter({ hasText: '초대할 수 있습니다' })
        .waitFor();
      await invite.getByRole('button', { name: '초대' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `${guest.id}을(를) 초대했습니다.` })
        .waitFor();
      const row = page.getByTestId('participants').getByRole('row').filter({ hasText: guest.name });
      await row.getByRole('button', { name: '참석 기록' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `${guest.id} 참석을 기록했습니다.` })
        .waitFor();
      await row.getByRole('cell', { name: '참석', exact: true }).waitFor();

      await navigate(page, `/?${month}`);
      await expect.poll(reached).toBe(before + 1);
      await navigate(page, `/gaps?${month}&days=40&q=${guest.id}`);
      await page
        .getByTestId('no-match')
        .filter({ hasText: '검색 조건에 맞는 미접점 대상이 없습니다.' })
        .or(page.getByText('미접점 대상이 없습니다.'))
        .waitFor();
      expect(await page.getByTestId('gap-row').filter({ hasText: guest.id }).count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
      expect(errors).toEqual([]);
      await close();
    });

    it('new questions appear live (SSE) on a café session and on a town hall recorded through its form, without a reload', async () => {
      const hr = graphqlAt(product.graphqlUrl, { authorization: `Bearer ${tokenOf('HR')}` });
      const { page, errors, close } = await open('/channels/cafe/cafe-2015-05-10', { role: 'HR' });
      await page.getByTestId('participants').waitFor();
      await page.getByText('실시간').first().waitFor();
      await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
      const raised = await hr(
        `mutation { raiseCafeSessionQuestion(input: { sessionId: "cafe-2015-05-10", topic: "career", text: "Asked while the page was open", anonymous: true }) { id } }`,
      );
      expect(raised.errors).toBeUndefined();
      await page.getByTestId('question').filter({ hasText: 'Asked while the page was open' }).waitFor({ timeout: 15_000 });
      await page.getByTestId('live-question').filter({ hasText: 'Asked while the page was open' }).waitFor();

      // A town hall that took place, recorded through its own form (history, not scheduling).
      await navigate(page, '/channels');
      const form = page.getByRole('form', { name: '지난 타운홀 기록' });
      await form.getByLabel('열린 일시(KST)').fill('2027-01-10T18:00');
      await form.getByLabel('주제').fill('Browser town hall');
      await form.getByLabel('장소').fill('Auditorium');
      await form.getByRole('button', { name: '기록' }).click();
      await form.getByText('이미 있었던 일만 기록합니다: 지금보다 앞선 시점이어야 합니다.').waitFor();
      await form.getByLabel('열린 일시(KST)').fill('2025-03-14T18:00');
      await form.getByLabel(/참석자 사번/).fill('NOBODY-404');
      await form.getByRole('button', { name: '기록' }).click();
      await form
        .getByRole('alert')
        .filter({ hasText: /NOBODY-404/ })
        .waitFor();
      await form.getByRole('radio', { name: '조직별 인원' }).click();
      const counts = form.getByRole('group', { name: '조직별 인원' });
      await counts.getByLabel('조직').selectOption('FIN');
      await counts.getByLabel('인원').fill('25');
      await form.getByRole('button', { name: '기록' }).click();
      const done = page.getByRole('status').filter({ hasText: '“Browser town hall” 타운홀을 기록했습니다.' });
      await done.waitFor();
      expect(await form.getByLabel('주제').inputValue()).toBe('');
      await done.getByRole('link', { name: '열기' }).click();
      await page.getByTestId('head-counts').getByRole('cell', { name: '25' }).waitFor();
      const townHallId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
      await page.getByText('실시간').first().waitFor();
      const asked = await hr(
        `mutation($id: ID!) { raiseTownHallQuestion(input: { townHallId: $id, topic: "strategy", text: "A live town-hall question", anonymous: true }) { id } }`,
        { id: townHallId },
      );
      expect(asked.errors).toBeUndefined();
      await page.getByTestId('question').filter({ hasText: 'A live town-hall question' }).waitFor({ timeout: 15_000 });
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
      expect(errors).toEqual([]);
      await close();
    });

    it('answers an open café question from the session page; the two-way board links the follow-ups to their sessions', async () => {
      const { page, errors, close } = await open('/channels/cafe/cafe-2015-05-10', { role: 'HR' });
      const unanswered = page.getByRole('listitem').filter({ hasText: '답변 전' });
      await unanswered.first().waitFor();
      const before = await unanswered.count();
      const form = unanswered.first().getByRole('form', { name: '답변' });
      await form.getByLabel('답변', { exact: true }).fill('네, 해지율이 낮아졌습니다.');
      await form.getByLabel('답변자').selectOption('CEO');
      await form.getByRole('button', { name: '답변' }).click();
      await page.getByRole('status').filter({ hasText: '답변을 기록했습니다.' }).waitFor();
      await expect.poll(() => unanswered.count()).toBe(before - 1);
      await page.goto(`${product.consoleUrl}/board`);
      await page.getByTestId('follow-ups').getByRole('link').first().click();
      await page.getByTestId('participants').waitFor();
      expect(new URL(page.url()).pathname).toMatch(/^\/channels\/cafe\//);
      expect(errors).toEqual([]);
      await close();
    });

    it('from the two-way board: answers an open café question, assigns a follow-up for a town-hall one (checked, then refused, then recorded), sees it open there and on its town hall’s page, completes it', async () => {
      const { page, errors, close } = await open('/board', { role: 'HR' });
      const heading = page.getByRole('heading', { name: /답변을 기다리는 질문/ });
      const waiting = async () => Number(/\((\d+)\)/.exec((await heading.textContent()) ?? '')?.[1]);
      const cards = page.getByTestId('open-question');
      await cards.first().waitFor();
      const before = await waiting();

      // Answer the oldest café question, through the café mutation (live or followed up is asked).
      const cafe = cards.filter({ has: page.getByRole('link', { name: /^카페 세션/ }) }).first();
      const cafeText = (await cafe.locator('.question-text').textContent())!;
      await cafe.getByRole('button', { name: '답변하기' }).click();
      const answer = cafe.getByRole('form', { name: '질문에 답변' });
      await answer.getByRole('button', { name: '답변 기록' }).click();
      await answer.getByRole('alert').filter({ hasText: '필수 항목입니다.' }).waitFor();
      await answer.getByLabel('답변 내용').fill('보드에서 답변합니다. Answered from the board.');
      await answer.getByLabel('답변자').selectOption('CEO');
      await answer.getByLabel('방식').selectOption('FOLLOWED_UP');
      await answer.getByRole('button', { name: '답변 기록' }).click();
      await page.getByRole('status').filter({ hasText: '답변을 기록했습니다' }).waitFor();
      await expect.poll(waiting).toBe(before - 1);

      // A follow-up for a town-hall question: checked here first, then the server's refusal next to the owner.
      const townHall = cards.filter({ has: page.getByRole('link', { name: /^타운홀 미팅/ }) }).first();
      await townHall.getByRole('button', { name: '후속 조치 지정' }).click();
      const assign = townHall.getByRole('form', { name: '후속 조치 지정' });
      await assign.getByRole('button', { name: '지정' }).click();
      await expect.poll(() => assign.getByRole('alert').count()).toBe(3);
      const description = `Board follow-up ${Date.now()}`;
      await assign.getByLabel('후속 조치 내용').fill(description);
      await assign.getByLabel('담당자 사번').fill('NOBODY-404');
      const dueOn = new Date(Date.now() + 9 * 3_600_000 + 7 * 86_400_000).toISOString().slice(0, 10);
      await assign.getByLabel('기한(KST)').fill(dueOn);
      // At 390 px with a form open: still no sideways scroll.
      await page.setViewportSize({ width: 390, height: 900 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(SHOTS, 'board-assign-390.png'), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
      await assign.getByRole('button', { name: '지정' }).click();
      await assign
        .getByRole('alert')
        .filter({ hasText: /NOBODY-404/ })
        .waitFor();
      expect(await assign.getByLabel('후속 조치 내용').inputValue()).toBe(description);
      await assign.getByLabel('담당자 사번').fill('EX-CHRO');
      await assign.getByRole('button', { name: '지정' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `후속 조치를 지정했습니다: ${description}` })
        .waitFor();
      // Still unanswered: the question stays; the follow-up joins the open ones, linked to its town hall.
      expect(await waiting()).toBe(before - 1);
      expect(await page.getByText(cafeText, { exact: true }).count()).toBe(0);
      const row = page.getByTestId('follow-ups').getByRole('row').filter({ hasText: description });
      await row.waitFor();
      expect(await row.getByRole('link', { name: description }).getAttribute('href')).toMatch(/^\/channels\/town-halls\//);
      await page.screenshot({ path: join(SHOTS, 'board-assigned-1280.png'), fullPage: true });
      // Its town hall's page lists it, open.
      await row.getByRole('link', { name: description }).click();
      const promised = page.getByTestId('gathering-follow-ups').getByRole('row').filter({ hasText: description });
      await promised.filter({ hasText: '진행 중' }).waitFor();
      const townHallPath = new URL(page.url()).pathname;
      await page.goBack();

      await row.getByRole('button', { name: '완료' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `완료했습니다: ${description}` })
        .waitFor();
      await row.waitFor({ state: 'detached' });
      // Done on the town hall's page too, without a reload (the cached page is asked again).
      await navigate(page, townHallPath);
      await promised.filter({ hasText: /완료 \d{4}-\d{2}-\d{2}/ }).waitFor();
      expect(errors).toEqual([]);
      await close();
    });

    it('CSV import (ADMIN only): a dry run lists each bad row with its line and records nothing; the import then records the good rows', async () => {
      const viewer = await open('/import');
      await viewer.page.getByText('CSV 가져오기는 관리자만 할 수 있습니다.').waitFor();
      expect(await viewer.page.getByRole('link', { name: '가져오기' }).count()).toBe(0);
      await viewer.close();
      const { page, errors, close } = await open('/import', { role: 'ADMIN' });
      const csv = '\uFEFFemployeeId,name,grade,orgUnitId,region\r\nE9001,가져온사람,사원,FIN,Seoul\r\nE9002,잘못된사람,회장,FIN,Seoul\r\n';
      await page.getByLabel('종류').selectOption('EMPLOYEES');
      await page.getByLabel('CSV 파일').setInputFiles({ name: 'employees.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
      await page.getByRole('button', { name: '검사만' }).click();
      const report = page.getByTestId('import-report');
      await report.getByText(/2행 · 가져옴 \d+ · 변경 없음 \d+ · 실패 1/).waitFor();
      await report.getByRole('row').filter({ hasText: 'E9002' }).getByRole('cell', { name: '3', exact: true }).waitFor();
      const employee = `{ employee(id: "E9001") { name } }`;
      expect((await graphqlAt(product.graphqlUrl)<{ employee: unknown }>(employee)).data!.employee).toBeNull();
      await page.getByRole('button', { name: '가져오기' }).click();
      await page.getByRole('heading', { name: '가져오기 결과' }).waitFor();
      await expect
        .poll(async () => (await graphqlAt(product.graphqlUrl)<{ employee: unknown }>(employee)).data!.employee)
        .toEqual({ name: '가져온사람' });
      expect(errors).toEqual([]);
      await close();
    });

    it('GraphiQL loads with no internet: every asset from the gateway itself', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const elsewhere: string[] = [];
      const gateway = new URL(product.graphqlUrl).host;
      await page.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.protocol.startsWith('http') && url.host !== gateway) {
          elsewhere.push(url.href);
          return route.abort();
        }
        return route.continue();
      });
      // GraphiQL asks the gateway for the schema as soon as its scripts run (with the CSRF header).
      const introspection = page.waitForResponse(
        (r) => r.url() === product.graphqlUrl && r.request().method() === 'POST' && r.status() === 200,
        { timeout: 30_000 },
      );
      await page.goto(product.graphqlUrl);
      await page.locator('.graphiql-container').first().waitFor({ timeout: 30_000 });
      expect(JSON.stringify(await (await introspection).json())).toMatch(/__schema/);
      expect(elsewhere).toEqual([]);
      await context.close();
    });
  },
);
