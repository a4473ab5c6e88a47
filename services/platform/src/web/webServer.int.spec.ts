import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebServer } from './webServer';

describe('the console web server', () => {
  const dist = mkdtempSync(join(tmpdir(), 'hub-web-'));
  let streamClosed: (() => void) | undefined;
  const gateway = createServer((req, res) => {
    // A live subscription: the stream stays open until the client hangs up.
    if (req.url === '/graphql/stream') {
      res.writeHead(200, { 'content-type': 'text/event-stream' }).write(':\n\n');
      res.on('close', () => streamClosed?.());
      return;
    }
    res.end(JSON.stringify({ proxied: req.url, method: req.method }));
  });
  let web: ReturnType<typeof createWebServer>;
  let base: string;

  beforeAll(async () => {
    writeFileSync(join(dist, 'index.html'), '<div id="root"></div>');
    writeFileSync(join(tmpdir(), 'hub-secret.txt'), 'secret');
    await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
    web = createWebServer({ distDir: dist, gatewayUrl: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}` });
    base = `http://127.0.0.1:${await web.listen(0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    await web.close();
    gateway.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves the console, falls back to index.html, and forwards /graphql', async () => {
    expect(await (await fetch(`${base}/`)).text()).toContain('root');
    expect(await (await fetch(`${base}/some/client/route`)).text()).toContain('root');
    expect(await (await fetch(`${base}/graphql?x=1`, { method: 'POST', body: '{}' })).json()).toEqual({
      proxied: '/graphql?x=1',
      method: 'POST',
    });
  });

  it('hangs up on the gateway when the browser leaves a live stream', async () => {
    const closed = new Promise<void>((r) => (streamClosed = r));
    const controller = new AbortController();
    const response = await fetch(`${base}/graphql/stream`, { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await expect(Promise.race([closed.then(() => 'closed'), new Promise((r) => setTimeout(() => r('still open'), 3_000))])).resolves.toBe(
      'closed',
    );
  });

  it('never serves files outside the console and survives malformed paths', async () => {
    const escape = await fetch(`${base}/%2e%2e/hub-secret.txt`);
    expect(await escape.text()).not.toContain('secret');
    expect((await fetch(`${base}/%E0%A4%A`)).status).toBe(400);
    expect((await fetch(`${base}/`)).status).toBe(200); // still up
  });
});
