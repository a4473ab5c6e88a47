import type { Plugin } from 'graphql-yoga';
import { SECURITY_HEADERS } from '../http';

/** nosniff and no referrer on every gateway response (the console's server sets its own, with a CSP). */
export const securityHeaders = (): Plugin => ({
  onResponse({ response }) {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  },
});
