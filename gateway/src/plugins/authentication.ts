import { ANONYMOUS, type Principal, type TokenStore } from '@hub/access';
import type { Plugin } from 'graphql-yoga';

/*
 * Who is asking, from `Authorization: Bearer <token>` and nothing else (no header names the
 * actor). No token: an anonymous VIEWER. A token nobody issued, or one expired or revoked, is
 * refused outright (401) rather than quietly treated as a VIEWER.
 */
const principals = new WeakMap<Request, Principal>();

/** The bearer token a request sends: undefined without an Authorization header, null for a malformed one. */
export const bearerOf = (request: Request): string | undefined | null => {
  const header = request.headers.get('authorization');
  if (header === null) return undefined;
  return /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? null;
};

/** The principal `authenticate` found for this request; anonymous when it ran none. */
export const principalOf = (request: Request): Principal => principals.get(request) ?? ANONYMOUS;

const unauthenticated = (message: string) =>
  new Response(JSON.stringify({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] }), {
    status: 401,
    headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer' },
  });

export const authenticate = (tokens: Pick<TokenStore, 'verify'>): Plugin => ({
  async onRequest({ request, endResponse }) {
    const token = bearerOf(request);
    if (token === undefined) return;
    if (token === null) return endResponse(unauthenticated('The Authorization header must be "Bearer <token>"'));
    const principal = await tokens.verify(token);
    if (!principal) return endResponse(unauthenticated('Unknown, expired or revoked API token'));
    principals.set(request, principal);
  },
});
