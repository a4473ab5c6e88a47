import { ROLE_DESCRIPTIONS, ROLES, TOKEN_ROLES, type Role } from '@hub/access';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { zodEnum } from '../zodInput';

import { ApiTokenRef } from './apiToken';
import { PrincipalRef } from './principal';
const describedRoles = <R extends Role>(roles: readonly R[]) =>
  Object.fromEntries(roles.map((r) => [r, { description: ROLE_DESCRIPTIONS[r] }])) as Record<R, { description: string }>;

export const RoleEnum = builder.enumType('Role', {
  description: 'What a caller may see and do; from its API token (no token: VIEWER).',
  values: describedRoles(ROLES),
});

export const TokenRoleEnum = builder.enumType('TokenRole', {
  description: 'A role a token can carry (VIEWER needs no token).',
  values: describedRoles(TOKEN_ROLES),
});
zodEnum(TOKEN_ROLES, TokenRoleEnum);

builder.queryFields((t) => ({
  me: t.field({
    type: PrincipalRef,
    description: 'Who you are to the hub and in which role (what the console shows in its header).',
    authScopes: ACCESS.read,
    resolve: (_, __, ctx) => ctx.principal,
  }),
  apiTokens: t.field({
    type: [ApiTokenRef],
    description: 'API tokens, oldest first: active ones, or all with includeInactive (ADMIN).',
    authScopes: ACCESS.admin,
    args: { includeInactive: t.arg.boolean({ required: false, description: 'Include expired and revoked tokens.' }) },
    resolve: (_, args, ctx) => ctx.tokens.list({ includeInactive: args.includeInactive ?? false }),
  }),
}));
