import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface RunningProduct {
  child: ChildProcess;
  consoleUrl: string;
  graphqlUrl: string;
  output: () => string;
  /** Sends SIGINT (Ctrl-C) and resolves with the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** Starts the product exactly as `npm start` does, on free ports, and waits for its URLs. */
export const startProduct = (env: Record<string, string>, timeoutMs = 420_000): Promise<RunningProduct> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: REPO_ROOT,
      // No relay unless a test asks for one (a KAFKA_BROKERS meant for the Kafka tests must not leak in).
      env: {
        ...process.env,
        KAFKA_BROKERS: '',
        HUB_RELAY_PORT: '0',
        HUB_GATEWAY_PORT: '0',
        HUB_WEB_PORT: '0',
        HUB_HOST: '127.0.0.1',
        TURBO_TELEMETRY_DISABLED: '1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`npm start did not print its URLs within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const consoleUrl = /Console:\s+(http:\S+)/.exec(out)?.[1];
      const graphqlUrl = /GraphQL:\s+(http:\S+)/.exec(out)?.[1];
      if (consoleUrl && graphqlUrl) {
        clearTimeout(timer);
        resolve({
          child,
          consoleUrl,
          graphqlUrl,
          output: () => out,
          stop: async (signal = 'SIGINT') => {
            child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code} before it was ready:\n${out}`));
    });
  });

export const graphqlAt =
  (url: string, headers: Record<string, string> = {}) =>
  async <T>(query: string, variables?: Record<string, unknown>) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': 'test', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  };
