#!/usr/bin/env node
// `npm test`: typecheck, lint and every workspace's vitest suite through Turborepo, then one
// summary of all of them (the per-workspace JSON reports), skip reasons included, as the last line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const workspaces = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).workspaces.flatMap((pattern) => {
  if (!pattern.endsWith('/*')) return [pattern];
  const dir = pattern.slice(0, -2);
  return spawnSync('ls', [join(root, dir)], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean)
    .map((name) => `${dir}/${name}`);
});
for (const ws of workspaces) rmSync(join(root, ws, '.test-results'), { recursive: true, force: true });

// The formatter first: one style for every file (Prettier, .prettierrc.json); `npm run format` fixes it.
const format = spawnSync('npx', ['prettier', '--check', '--log-level=warn', '.'], { stdio: 'inherit', cwd: root });
if (format.status === 0) console.log('Formatting: every file is formatted (prettier --check).');

// Three tasks at a time: the suites start databases and browsers, and CI machines have two cores.
const args = [
  'turbo',
  'run',
  'typecheck',
  'lint',
  'test',
  '--continue',
  '--concurrency=3',
  '--output-logs=new-only',
  '--log-order=grouped',
  ...process.argv.slice(2),
];
const run = spawnSync('npx', args, {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
});

let passed = 0;
let failed = 0;
let skipped = 0;
const skips = [];
const failures = [];
const lines = [];
for (const ws of workspaces) {
  const file = join(root, ws, '.test-results', 'vitest.json');
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  lines.push(`  ${ws.padEnd(26)} ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped`);
  for (const suite of report.testResults) {
    for (const t of suite.assertionResults) {
      const name = [...t.ancestorTitles, t.title].join(' > ');
      if (t.status === 'pending' || t.status === 'skipped') skips.push(`  ${ws}: ${name}`);
      if (t.status === 'failed') failures.push(`  ${ws}: ${name}`);
    }
    // A file that failed to load has no test results of its own: count it as one failure.
    if (suite.status === 'failed' && suite.assertionResults.length === 0) {
      failed++;
      failures.push(`  ${ws}: ${suite.name}: ${suite.message}`);
    }
  }
}

console.log('\nTest summary by workspace:');
console.log(lines.join('\n'));
if (skips.length) console.log(`\nSkipped (with reasons):\n${skips.join('\n')}`);
if (failures.length) console.log(`\nFailed:\n${failures.join('\n')}`);
if (format.status !== 0) console.log('\nFormatting: the files listed above are not formatted; run `npm run format`.');
if (run.status !== 0) console.log(`\nTurborepo exited with ${run.status}: a typecheck, lint or test task failed (see above).`);
const ok = format.status === 0 && run.status === 0 && failed === 0 && passed > 0;
console.log(`\nTotal: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(ok ? 0 : 1);
