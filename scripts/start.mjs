#!/usr/bin/env node
// `npm start`: build what the product needs (the console; Turborepo skips it when unchanged), then
// run the whole product in one process. Ctrl-C reaches the child directly; we just wait for it.
import { spawn, spawnSync } from 'node:child_process';

const build = spawnSync('npx', ['turbo', 'run', 'build', '--filter=@hub/web', '--output-logs=errors-only'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// The IPC channel closes if this process dies however it dies (even SIGKILL): the hub then stops too.
const child = spawn(process.execPath, ['--import', 'tsx', 'services/platform/src/main.ts'], {
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    // A terminal's Ctrl-C already went to the whole process group; a `kill` to us alone must be passed on.
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
