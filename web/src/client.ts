import { Client, cacheExchange, fetchExchange } from 'urql';

/**
 * Same-origin /graphql: the web server forwards it to the gateway. The gateway refuses requests
 * without its CSRF header (a page on another site cannot set one without CORS allowing it).
 */
export const client = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  fetchOptions: () => ({ headers: { 'x-hub-actor': 'console', 'x-graphql-yoga-csrf': 'console' } }),
});
