import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga } from 'graphql-yoga';
import { createContext, type GatewayDeps } from './context';
import { maskedErrors, validationErrorCode } from './plugins/errorCodes';
import { requestLog } from './plugins/requestLog';
import { schema } from './schema';

export interface GatewayOptions extends GatewayDeps {
  /** Log sink for failed operations. */
  log?: (line: string) => void;
}

/** The GraphQL gateway: graphql-yoga over the Pothos schema, GraphiQL at /graphql. */
export const createServer = (options: GatewayOptions) => {
  const yoga = createYoga({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: { title: 'Engagement Hub GraphQL' },
    maskedErrors,
    context: ({ request }) => createContext(options, request),
    plugins: [validationErrorCode(), requestLog(options.log)],
    logging: false,
  });
  const server: Server = createHttpServer(yoga);
  return {
    yoga,
    server,
    /** Listens on `port` (0 for any free port) and resolves with the port taken. */
    listen(port: number, host = '0.0.0.0') {
      return new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
