import { Client, cacheExchange, fetchExchange } from 'urql';

/** Same-origin /graphql: the web server forwards it to the gateway. */
export const client = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  fetchOptions: () => ({ headers: { 'x-hub-actor': 'console' } }),
});
