import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/*
 * Roles, from API tokens (`Authorization: Bearer <token>`). Everyone sees the figures, employees
 * and FCs; customers' personal data (PIPA) only SALES and PRIVACY_OFFICER; erasing it only
 * PRIVACY_OFFICER. A token nobody issued is refused outright rather than treated as a VIEWER.
 */
export const ROLES = ['VIEWER', 'SALES', 'PRIVACY_OFFICER'] as const;
export type Role = (typeof ROLES)[number];

const bearer = (request: Request) => /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];

export const roleOf = (tokens: ReadonlyMap<string, Exclude<Role, 'VIEWER'>> | undefined, request: Request): Role => {
  const token = bearer(request);
  return token === undefined ? 'VIEWER' : (tokens?.get(token) ?? 'VIEWER');
};

/** Answers 401 to a request whose token is unknown, before any resolver runs. */
export const rejectUnknownTokens = (tokens: ReadonlyMap<string, unknown> | undefined): Plugin => ({
  onRequest({ request, endResponse }) {
    const token = bearer(request);
    if (token !== undefined && !tokens?.has(token)) {
      endResponse(
        new Response(JSON.stringify({ errors: [{ message: 'Unknown API token', extensions: { code: 'UNAUTHENTICATED' } }] }), {
          status: 401,
          headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer' },
        }),
      );
    }
  },
});

/** Refuses a field or mutation to roles that do not need it; the error says which roles do. */
export const requireRole = (role: Role, allowed: readonly Role[], what: string) => {
  if (!allowed.includes(role)) {
    throw new GraphQLError(`${what} is shown only to ${allowed.join(' or ')}; you are ${role}`, { extensions: { code: 'FORBIDDEN', http: { status: 200 } } });
  }
};
