import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_ENGINES, startHub, type HubUnderTest } from '../support/hubUnderTest';

const IMPORT = `mutation($i: ImportCsvInput!) { importCsv(input: $i) { kind encoding rows imported unchanged failed dryRun errors { line key message } } }`;
const b64 = (bytes: Buffer) => bytes.toString('base64');
const utf8 = (text: string, bom = false) =>
  Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);

describe.each(HUB_ENGINES)('CSV import through GraphQL on $name', (engine) => {
  let t: HubUnderTest;
  const run = async (kind: string, bytes: Buffer, extra: Record<string, unknown> = {}) => {
    const before = await t.hub.store.headPosition();
    const r = await t.ok(IMPORT, { i: { kind, contentBase64: b64(bytes), ...extra } });
    return {
      report: r.importCsv as {
        rows: number;
        imported: number;
        unchanged: number;
        failed: number;
        encoding: string;
        errors: { line: number; key: string | null; message: string }[];
      },
      before,
    };
  };
  beforeAll(async () => {
    t = await startHub(engine);
  });
  afterAll(() => t.dispose());

  it('imports org units (UTF-8 with a BOM) and employees (CP949 from Excel, grades in Korean), reporting bad rows by line and skipping only them', async () => {
    const units = await run(
      'ORG_UNITS',
      utf8('orgUnitId,name,kind,parentId\r\nHQ,본사,DIVISION,\r\nSALES,영업본부,division,\r\nSP,영업기획부,DEPARTMENT,SALES\r\n', true),
    );
    expect(units.report).toMatchObject({ rows: 3, imported: 3, failed: 0, encoding: 'UTF8' });

    const csv = [
      'employeeId,name,grade,orgUnitId,region,title,hiredOn',
      'E1,김민지,사원,SP,Seoul,,2012-03-02',
      'E2,"이, 준호",차장,SP,Seoul,,2010-01-04',
      'E3,박서연,인턴,SP,Seoul,,2013-01-02', // no such grade
      'E4,최유진,대리,NOPE,Seoul,,2013-01-02', // unknown org unit
      'E1,김민지,사원,SP,Seoul,,2012-03-02', // duplicate of line 2
      'E5,정하늘,과장,SP,Seoul,,2014-02-30', // no such day
      'E6,한지우,부장,SP', // too few fields
      'CEO,정문국,임원,HQ,Seoul,CEO,2013-05-01',
    ].join('\r\n');
    const { report, before } = await run('EMPLOYEES', iconv.encode(csv, 'cp949'));
    expect(report).toMatchObject({ rows: 8, imported: 3, unchanged: 0, failed: 5, encoding: 'CP949' });
    expect(report.errors.map((e) => [e.line, e.key])).toEqual([
      [4, 'E3'],
      [5, 'E4'],
      [6, 'E1'],
      [7, 'E5'],
      [8, 'E6'],
    ]);
    expect(report.errors[0]!.message).toMatch(/grade/);
    expect(report.errors[1]!.message).toMatch(/No org unit NOPE/);
    expect(report.errors[2]!.message).toMatch(/already appears on line 2/);
    expect(report.errors[3]!.message).toMatch(/hiredOn: must be a real calendar date/);
    expect(report.errors[4]!.message).toMatch(/has 4 fields; the header has 7/);
    // Exactly the three good rows were recorded, each one event.
    expect(await t.hub.store.headPosition()).toBe((before ?? -1n) + 3n);
    expect(await t.ok(`{ employee(id: "E2") { name grade } }`)).toEqual({
      employee: { name: '이, 준호', grade: 'DEPUTY_GENERAL_MANAGER' },
    });

    // Run again: nothing new, the same refusals.
    const again = await run('EMPLOYEES', iconv.encode(csv, 'cp949'));
    expect(again.report).toMatchObject({ imported: 0, unchanged: 3, failed: 5 });
    expect(await t.hub.store.headPosition()).toBe(again.before);
  });

  it('imports branches (PRIDE since), FCs, customers (personal data outside the events) and contracts', async () => {
    const branches = await run(
      'BRANCHES',
      utf8(
        'branchId,name,region,district,seoul,prideSince\nBANPO,반포지점,Seoul,서초구,Y,2014-07-01\nBUSAN,해운대지점,Busan,해운대구,아니오,\nBAD,x,Busan,x,maybe,\n',
      ),
    );
    expect(branches.report).toMatchObject({ imported: 2, failed: 1 });
    expect(branches.report.errors[0]).toMatchObject({ line: 4, key: 'BAD', message: expect.stringMatching(/seoul/) });
    expect(await t.ok(`{ branch(id: "BANPO") { seoul prideSince } }`)).toEqual({ branch: { seoul: true, prideSince: '2014-07-01' } });
    expect((await run('FCS', utf8('fcId,name,branchId,hiredOn\nFC1,이설계,BANPO,2010-01-04\n'))).report).toMatchObject({ imported: 1 });
    const customers = await run(
      'CUSTOMERS',
      utf8(
        'customerId,branchId,registeredOn,name,phone,address\nC1,BANPO,2014-03-01,김고객,010-1234-5678,서울 서초구 반포동 1\nC2,BANPO,2014-03-01,이고객,not a phone,서울\n',
      ),
    );
    expect(customers.report).toMatchObject({ imported: 1, failed: 1 });
    expect(customers.report.errors[0]!.message).toMatch(/phone/);
    expect(customers.report.errors[0]!.message).not.toContain('not a phone');
    const events = JSON.stringify(await t.hub.store.readAll(), (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    expect(events).not.toContain('김고객');
    // A re-run is recognised by the row's id, branch and day, never by its personal data: other
    // (guessed) personal data for C1 is the same command, so it cannot confirm or deny a guess.
    const guessed = await run(
      'CUSTOMERS',
      utf8('customerId,branchId,registeredOn,name,phone,address\nC1,BANPO,2014-03-01,박추측,010-9999-0000,부산\n'),
    );
    expect(guessed.report).toMatchObject({ imported: 0, unchanged: 1, failed: 0 });
    expect(await t.hub.store.headPosition()).toBe(guessed.before);
    expect(await t.hub.personalData.byIds(['C1'])).toEqual([{ name: '김고객', phone: '010-1234-5678', address: '서울 서초구 반포동 1' }]);
    const contracts = await run(
      'CONTRACTS',
      utf8('contractId,customerId,fcId,product,signedOn\nK1,C1,FC1,종신보험,2014-03-10\nK2,C9,FC1,종신보험,2014-03-10\n'),
    );
    expect(contracts.report).toMatchObject({ imported: 1, failed: 1 });
    expect(await t.ok(`{ customer(id: "C1") { contracts { id followUps { kind } } } }`)).toEqual({
      customer: { contracts: [{ id: 'K1', followUps: [{ kind: 'THREE_MONTHS' }, { kind: 'ONE_YEAR' }, { kind: 'TWO_YEARS' }] }] },
    });
  });

  it('refuses a file with wrong columns, a wrong encoding or no rows as a whole, and a dry run records nothing', async () => {
    const refuse = async (kind: string, bytes: Buffer, message: RegExp, extra: Record<string, unknown> = {}) =>
      t.refused(IMPORT, 'VALIDATION', message, { i: { kind, contentBase64: b64(bytes), ...extra } });
    await refuse('FCS', utf8('fcId,name,branch,hiredOn\nFC9,x,BANPO,2010-01-04\n'), /missing: branchId; unknown: branch/);
    await refuse('FCS', iconv.encode('fcId,name,branchId,hiredOn\nFC9,김설계,BANPO,2010-01-04\n', 'cp949'), /not valid UTF-8.*CP949/, {
      encoding: 'UTF8',
    });
    await refuse('FCS', Buffer.alloc(0), /empty/);
    const r = await t.graphql(IMPORT, { i: { kind: 'FCS', contentBase64: '***' } });
    expect(r.errors?.[0]?.extensions?.code).toBe('VALIDATION');
    const dry = await run('FCS', utf8('fcId,name,branchId,hiredOn\nFC8,최설계,BANPO,2010-01-04\nFC7,x,NOPE,2010-01-04\n'), {
      dryRun: true,
    });
    // The domain is asked too: an unknown branch is found before anything is recorded.
    expect(dry.report).toMatchObject({
      rows: 2,
      imported: 1,
      failed: 1,
      errors: [{ line: 3, key: 'FC7', message: expect.stringMatching(/NOPE/) }],
    });
    expect(await t.hub.store.headPosition()).toBe(dry.before);
    // A child under a parent defined above it in the same file cannot be asked about: its shape is checked.
    const units = await run(
      'ORG_UNITS',
      utf8('orgUnitId,name,kind,parentId\nDRY-P,드라이본부,DIVISION,\nDRY-C,드라이팀,TEAM,DRY-P\nDRY-X,고아팀,TEAM,NOWHERE\n'),
      {
        dryRun: true,
      },
    );
    expect(units.report).toMatchObject({ rows: 3, imported: 2, failed: 1, errors: [{ line: 4, key: 'DRY-X' }] });
    expect(await t.hub.store.headPosition()).toBe(dry.before);
  });
});

describe('CSV import from the command line', () => {
  const exec = promisify(execFile);
  const root = resolve(import.meta.dirname, '../../..');
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hub-import-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (...args: string[]) =>
    exec(process.execPath, ['--import', 'tsx', join(root, 'services/platform/src/bin/import.ts'), ...args], {
      cwd: root,
      env: { ...process.env, HUB_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' },
    }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('imports a large file with progress, is idempotent, and exits 1 when rows are refused', async () => {
    writeFileSync(join(dir, 'units.csv'), 'orgUnitId,name,kind\nHQ,본사,DIVISION\n');
    const lines = ['employeeId,name,grade,orgUnitId,region'];
    for (let i = 1; i <= 1200; i++) lines.push(`E${i},직원${i},${['사원', '대리', '과장'][i % 3]},HQ,Seoul`);
    lines.push('E9999,누구,사원,NOPE,Seoul');
    writeFileSync(join(dir, 'employees.csv'), iconv.encode(lines.join('\r\n'), 'cp949'));

    expect((await cli('org-units', join(dir, 'units.csv'))).code).toBe(0);
    const first = await cli('employees', join(dir, 'employees.csv'));
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/200\/1201 rows/);
    expect(first.stderr).toMatch(/1201\/1201 rows \(100%/);
    expect(first.stdout).toMatch(/EMPLOYEES from .*employees\.csv \(CP949\)/);
    expect(first.stdout).toMatch(/rows: 1201, imported: 1200, already imported: 0, refused: 1/);
    expect(first.stdout).toMatch(/line 1202 \(E9999\): No org unit NOPE/);
    const second = await cli('employees', join(dir, 'employees.csv'));
    expect(second.stdout).toMatch(/imported: 0, already imported: 1200, refused: 1/);
    const usage = await cli('people', join(dir, 'employees.csv'));
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/usage: npm run import -- <history\|org-units\|employees\|/);
  }, 300_000);
});
