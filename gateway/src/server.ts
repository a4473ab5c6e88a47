import { createServer as createHttpServer } from 'node:http';
import { availableParallelism } from 'node:os';
import { createYoga } from 'graphql-yoga';
import { createContext, type GatewayDeps } from './context';
import { serveHealth, type HealthReport } from './health';
import { httpLifecycle, refuseMalformedTarget } from './http';
import { corsAllowList } from './plugins/cors';
import { CSRF_HEADER, csrfPrevention } from './plugins/csrf';
import { maskedErrors, validationErrorCode } from './plugins/errorCodes';
import { DEFAULT_QUERY_LIMITS, queryLimits, type QueryLimits } from './plugins/queryLimits';
import { clientAddress, LOOPBACK, rateLimit, type RateLimit } from './plugins/rateLimit';
import { requestLog } from './plugins/requestLog';
import { authenticate } from './plugins/authentication';
import { deadlineOf, timeLimit, viewUntil } from './plugins/timeLimit';
import { securityHeaders } from './plugins/securityHeaders';
import { storableText } from './plugins/storableText';
import { getParams } from './plugins/getParams';
import { schema } from './schema';
import { serveStreamDocs, type StreamDocuments } from './streamDocs';
import { boundedViewWait, DEFAULT_VIEW_WAIT_MS } from './viewLag';
import { createLive, DEFAULT_LIVE_LIMITS, type LiveLimits } from './live';
import { createImportProgress } from './importProgress';
import { viewCheckpoint } from '@hub/read-model';
import { createViewGate } from './plugins/viewGate';

/** What the gateway lets one client do; every field has a default sized for the console and GraphiQL. */
export interface GatewayLimits {
  /** Browser origins allowed to call the API cross-origin (the console itself calls it same-origin). */
  corsOrigins: readonly string[] | (() => readonly string[]);
  /** Largest request body, in bytes (413 above it). */
  maxBodyBytes: number;
  /** Requests a minute per client address and per API token (429 above it). */
  rateLimit: RateLimit;
  /** How long a query may run, in ms (TIMEOUT after it). */
  requestTimeoutMs: number;
  query: QueryLimits;
  /** Live subscriptions (SSE) per token or client and in all, and how often they look at the view. */
  live: LiveLimits;
  /**
   * Requests reading the view at once (the others wait for a slot; requests that never read it,
   * such as `{ __typename }`, never wait); 0: no limit. Default: the machine's cores.
   */
  viewConcurrency: number;
}

export const DEFAULT_LIMITS: GatewayLimits = {
  corsOrigins: [],
  maxBodyBytes: 5 * 1024 * 1024,
  rateLimit: { perMinute: 600 },
  requestTimeoutMs: 15_000,
  query: DEFAULT_QUERY_LIMITS,
  live: DEFAULT_LIVE_LIMITS,
  viewConcurrency: availableParallelism(),
};

export interface GatewayOptions extends GatewayDeps {
  /** Log sink for failed operations. */
  log?: (line: string) => void;
  limits?: Partial<GatewayLimits>;
  /** How long a mutation waits for the view before answering VIEW_LAGGING (the command stays recorded). */
  viewWaitMs?: number;
  /** Served as JSON on GET /health (503 when its status is store-unavailable); none: no /health. */
  health?: () => Promise<HealthReport>;
  /** The streams' JSON Schemas and AsyncAPI, served without a token at /schemas/<type>.json and /asyncapi.yaml; none: not served. */
  streamDocs?: StreamDocuments;
}

/** The GraphQL gateway: graphql-yoga over the Pothos schema, GraphiQL at /graphql. */
export const createServer = (options: GatewayOptions) => {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const deps: GatewayDeps = { ...options, waitForView: boundedViewWait(options.waitForView, options.viewWaitMs ?? DEFAULT_VIEW_WAIT_MS) };
  // Reads the view's checkpoint without the request deadline: it outlives every request.
  const live = createLive(() => viewCheckpoint(options.view), limits.live);
  const importProgress = createImportProgress();
  const trustedProxies = limits.rateLimit.trustedProxies ?? LOOPBACK;
  const gate = limits.viewConcurrency > 0 ? createViewGate(limits.viewConcurrency) : undefined;
  const yoga = createYoga({
    schema,
    graphqlEndpoint: '/graphql',
    // GraphiQL sends the CSRF header with every operation, so it keeps working.
    graphiql: { title: 'Engagement Hub GraphQL', additionalHeaders: { [CSRF_HEADER]: 'graphiql' } },
    // GraphiQL's scripts and styles inlined from the package, not from a CDN: it loads with no
    // internet. Loaded with the first GraphiQL page: the bundle costs the process ~60 MB resident,
    // which the API and the console never need.
    renderGraphiQL: async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    maskedErrors,
    multipart: false,
    // No yoga landing page at other paths: a bare 404.
    landingPage: false,
    maxRequestBodySize: limits.maxBodyBytes,
    cors: corsAllowList(limits.corsOrigins),
    context: (initial) =>
      createContext(
        {
          ...deps,
          view: viewUntil(gate ? gate.view(options.view, initial.request, deadlineOf(initial.request)) : options.view, initial.request),
        },
        initial.request,
        live,
        importProgress,
        clientAddress(initial, initial.request, trustedProxies),
      ),
    plugins: [
      rateLimit(limits.rateLimit),
      csrfPrevention(),
      getParams(),
      storableText(),
      timeLimit(limits.requestTimeoutMs),
      ...queryLimits(limits.query),
      authenticate(options.tokens),
      validationErrorCode(),
      requestLog(options.log),
      securityHeaders(),
      ...(gate ? [gate.plugin()] : []),
    ],
    logging: false,
  });
  const { health, streamDocs } = options;
  const server = createHttpServer((req, res) => {
    if (refuseMalformedTarget(req, res)) return;
    if (streamDocs && serveStreamDocs(streamDocs, req, res)) return;
    if (health && req.method === 'GET' && req.url?.split('?')[0] === '/health') void serveHealth(health, res);
    else void yoga(req, res);
  });
  const lifecycle = httpLifecycle(server);
  return {
    yoga,
    server,
    live,
    listen: lifecycle.listen,
    // Open subscriptions first, so each SSE stream ends with its "complete" event, not a cut connection.
    close: async () => {
      live.close();
      await new Promise((r) => setImmediate(r));
      await lifecycle.close();
    },
  };
};
