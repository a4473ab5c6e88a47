/*
 * Who may do what. A role comes from the caller's API token; a caller without a token is a VIEWER.
 * The GraphQL schema declares, on every query, mutation and personal-data field, which of these
 * roles may use it (gateway/src/access.ts groups them); the README's "Security and privacy"
 * section has the table.
 */
export const ROLES = ['VIEWER', 'LEADERSHIP', 'HR', 'SALES', 'PRIVACY_OFFICER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Roles a token can carry: VIEWER needs none. */
export const TOKEN_ROLES = ['LEADERSHIP', 'HR', 'SALES', 'PRIVACY_OFFICER', 'ADMIN'] as const satisfies readonly Role[];
export type TokenRole = (typeof TOKEN_ROLES)[number];

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  VIEWER: 'figures and the directory (employees, FCs, branches); customers only in aggregate; no writes',
  LEADERSHIP: 'everything but customers’ personal data; records café sessions, town halls, visits and videos',
  HR: 'employees and the org tree; records café sessions, town halls and video messages',
  SALES: 'FCs, branches and customers with their personal data; records branch and customer visits, contracts, PRIDE activity',
  PRIVACY_OFFICER: 'customers’ personal data, its erasure and the log of who read it',
  ADMIN: 'API tokens, CSV imports, the directory, dead letters',
};

/** Who a request acts as: stamped as `actor` on every event it causes. */
export interface Principal {
  /** The token's subject (a person or system name); "anonymous" without a token. */
  subject: string;
  role: Role;
  /** The token's id (never the token itself), for logs; absent without a token. */
  tokenId?: string;
}

export const ANONYMOUS: Principal = { subject: 'anonymous', role: 'VIEWER' };
