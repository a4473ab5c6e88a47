import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Start and stop an HTTP server the same way everywhere: port 0 picks a free one, close drops keep-alives. */
export const httpLifecycle = (server: Server) => ({
  listen: (port: number, host = '0.0.0.0') =>
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
