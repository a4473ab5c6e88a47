import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Start and stop an HTTP server the same way everywhere: port 0 picks a free one, close drops keep-alives. */
export const httpLifecycle = (server: Server) => ({
  listen: (port: number, host = '127.0.0.1') =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
    }),
  close: () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
});

/**
 * Answers 400 (and true) to a request whose target is not a plain path, e.g. the absolute form
 * `GET http://evil/x HTTP/1.1`, or whose Host does not make a URL with it. Behind it nothing has
 * to cope with such a URL (the fetch adapter of graphql-yoga answered them 500 with a stack trace).
 */
export const refuseMalformedTarget = (req: IncomingMessage, res: ServerResponse): boolean => {
  const target = req.url ?? '';
  if (target.startsWith('/') && !target.startsWith('//') && URL.canParse(`http://${req.headers.host ?? 'localhost'}${target}`))
    return false;
  res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }).end('Bad request target\n');
  return true;
};

/** Security headers every response of ours carries. */
export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
} as const;
