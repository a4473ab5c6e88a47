import { createServer as createHttpServer } from 'node:http';
import { createYoga } from 'graphql-yoga';
import { createContext, type GatewayDeps } from './context';
import { serveHealth, type HealthReport } from './health';
import { httpLifecycle } from './http';
import { maskedErrors, validationErrorCode } from './plugins/errorCodes';
import { requestLog } from './plugins/requestLog';
import { rejectUnknownTokens } from './plugins/roles';
import { schema } from './schema';
import { boundedViewWait, DEFAULT_VIEW_WAIT_MS } from './viewLag';

export interface GatewayOptions extends GatewayDeps {
  /** Log sink for failed operations. */
  log?: (line: string) => void;
  /** How long a mutation waits for the view before answering VIEW_LAGGING (the command stays recorded). */
  viewWaitMs?: number;
  /** Served as JSON on GET /health (503 when its status is store-unavailable); none: no /health. */
  health?: () => Promise<HealthReport>;
}

/** The GraphQL gateway: graphql-yoga over the Pothos schema, GraphiQL at /graphql. */
export const createServer = (options: GatewayOptions) => {
  const deps: GatewayDeps = { ...options, waitForView: boundedViewWait(options.waitForView, options.viewWaitMs ?? DEFAULT_VIEW_WAIT_MS) };
  const yoga = createYoga({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: { title: 'Engagement Hub GraphQL' },
    maskedErrors,
    context: ({ request }) => createContext(deps, request),
    plugins: [rejectUnknownTokens(options.tokens), validationErrorCode(), requestLog(options.log)],
    logging: false,
  });
  const { health } = options;
  const server = createHttpServer((req, res) => {
    if (health && req.method === 'GET' && req.url?.split('?')[0] === '/health') void serveHealth(health, res);
    else void yoga(req, res);
  });
  return { yoga, server, ...httpLifecycle(server) };
};
