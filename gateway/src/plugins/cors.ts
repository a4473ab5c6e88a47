import type { YogaServerOptions } from 'graphql-yoga';

type CorsOption = NonNullable<YogaServerOptions<object, object>['cors']>;

/*
 * CORS from an allow-list: an allowed Origin gets itself back (no credentials: the API takes
 * bearer tokens, never cookies); any other Origin gets no CORS header at all, so a browser keeps
 * the answer from that page and refuses the preflight a JSON request with the CSRF header needs.
 * (graphql-yoga's default echoes every Origin, with credentials.)
 */
export const corsAllowList =
  (origins: readonly string[] | (() => readonly string[])): CorsOption =>
  (request) => {
    const origin = request.headers.get('origin');
    const allowed = typeof origins === 'function' ? origins() : origins;
    if (!origin || !allowed.includes(origin)) return false;
    return {
      origin: [origin],
      credentials: false,
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'authorization', 'x-graphql-yoga-csrf', 'x-correlation-id'],
      maxAge: 600,
    };
  };
