import { ROLE_DESCRIPTIONS, ROLES, TOKEN_ROLES, type ApiToken, type Principal, type Role } from '@hub/access';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { zodEnum } from '../zodInput';

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

const PrincipalRef = builder.objectRef<Principal>('Principal');
PrincipalRef.implement({
  description: 'Who the hub takes the caller to be.',
  fields: (t) => ({
    subject: t.exposeString('subject', {
      description: 'The token’s subject ("anonymous" without a token): the actor on every event this caller records.',
    }),
    role: t.field({ type: RoleEnum, description: 'The role.', resolve: (p) => p.role }),
    tokenId: t.exposeString('tokenId', { nullable: true, description: 'The token’s public id; null without a token.' }),
  }),
});

export const ApiTokenRef = builder.objectRef<ApiToken & { token?: string }>('ApiToken');
ApiTokenRef.implement({
  description: 'An API token. Its secret is shown once, in the answer to `issueApiToken`; the hub keeps only a hash.',
  fields: (t) => ({
    id: t.exposeID('tokenId', { description: 'Public id, for lists and revocation.' }),
    subject: t.exposeString('subject', { description: 'Whom it stands for.' }),
    role: t.field({ type: TokenRoleEnum, description: 'Its role.', resolve: (x) => x.role }),
    issuedBy: t.exposeString('issuedBy', { description: 'Who issued it.' }),
    issuedAt: t.expose('issuedAt', { type: 'DateTime', description: 'When.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When it stops working.' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true, description: 'When it was revoked; null while active.' }),
    token: t.string({
      nullable: true,
      description: 'The secret to send as `Authorization: Bearer …`: only in the answer to issueApiToken, never again.',
      resolve: (x) => x.token ?? null,
    }),
  }),
});

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
