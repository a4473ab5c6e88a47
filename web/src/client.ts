import { Client, cacheExchange, fetchExchange } from 'urql';
import { currentToken } from './session';

/**
 * Same-origin /graphql (the web server forwards it to the gateway), with the signed-in token if
 * any, and the CSRF header the gateway requires (a page on another site cannot set one without
 * CORS allowing it).
 */
export const createClient = (token: string | null = currentToken()) =>
  new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    fetchOptions: (): RequestInit => {
      const headers: Record<string, string> = { 'x-graphql-yoga-csrf': 'console', ...(token ? { authorization: `Bearer ${token}` } : {}) };
      return { headers };
    },
  });
