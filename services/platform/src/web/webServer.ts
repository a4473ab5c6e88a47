import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { httpLifecycle, refuseMalformedTarget, SECURITY_HEADERS } from '@hub/gateway';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
};

/*
 * What the browser may do with the console: run only its own scripts (the built index.html has no
 * inline script), talk only to its own origin, never be framed (clickjacking), send no referrer.
 */
const CONSOLE_HEADERS = {
  ...SECURITY_HEADERS,
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
} as const;

/**
 * Serves the built console (web/dist) and forwards /graphql to the gateway, so the browser talks
 * to one origin. Unknown paths fall back to index.html (client-side routes).
 */
export const createWebServer = ({ distDir, gatewayUrl }: { distDir: string; gatewayUrl: string }) => {
  const root = resolve(distDir);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`The console is not built: ${join(root, 'index.html')} is missing (run npm run build)`);
  }
  const gateway = new URL(gatewayUrl);

  const proxy = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    // The gateway limits requests per client address: tell it who the client is (ours replaces any
    // X-Forwarded-For the client sent, which the gateway trusts only from a loopback peer like us).
    const headers = { ...req.headers, host: gateway.host, 'x-forwarded-for': req.socket.remoteAddress ?? '' };
    const upstream = httpRequest(
      { hostname: gateway.hostname, port: gateway.port, path: url.pathname + url.search, method: req.method, headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (res.headersSent) return void res.destroy();
      res.writeHead(502, { ...SECURITY_HEADERS, 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'Gateway unreachable', extensions: { code: 'GATEWAY_UNREACHABLE' } }] }));
    });
    req.pipe(upstream);
    // A browser that leaves (closes a live subscription's stream) hangs up on the gateway too, so
    // the gateway frees its place at once instead of holding it until it stops.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
  };

  const server = createServer((req, res) => {
    if (refuseMalformedTarget(req, res)) return;
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/graphql' || url.pathname.startsWith('/graphql/')) return proxy(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...CONSOLE_HEADERS, allow: 'GET, HEAD' }).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, CONSOLE_HEADERS).end();
      return;
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(root + sep) && file !== root) {
      res.writeHead(403, CONSOLE_HEADERS).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    const immutable = file.includes(`${sep}assets${sep}`);
    res.writeHead(200, {
      ...CONSOLE_HEADERS,
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    // A file that vanished or cannot be read ends the response; it never takes the server down.
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  });

  return { server, ...httpLifecycle(server) };
};
