import { createServer as createHttpServer } from 'node:http';
import { createYoga } from 'graphql-yoga';
import { createContext, type GatewayDeps } from './context';
import { httpLifecycle } from './http';
import { maskedErrors, validationErrorCode } from './plugins/errorCodes';
import { requestLog } from './plugins/requestLog';
import { authenticate } from './plugins/authentication';
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
    plugins: [authenticate(options.tokens), validationErrorCode(), requestLog(options.log)],
    logging: false,
  });
  const server = createHttpServer(yoga);
  return { yoga, server, ...httpLifecycle(server) };
};
