import { notFound } from '@hub/events';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { ApiTokenRef, TokenRoleEnum } from '../types/access';

const IssueApiTokenInput = builder.inputType('IssueApiTokenInput', {
  description: 'A token to issue.',
  fields: (t) => ({
    subject: t.string({
      required: true,
      description: 'Whom it stands for (a person or system; letters, digits, . _ @ : -): stamped as the actor on every event it records.',
    }),
    role: t.field({ type: TokenRoleEnum, required: true, description: 'Its role.' }),
    expiresInDays: t.int({ required: false, description: 'Days until it stops working (1 to 366; default 90).' }),
  }),
});

builder.mutationFields((t) => ({
  issueApiToken: t.field({
    type: ApiTokenRef,
    description: 'Issue an API token (ADMIN). The answer carries its secret once; store it safely.',
    authScopes: ACCESS.admin,
    args: { input: t.arg({ type: IssueApiTokenInput, required: true }) },
    resolve: (_, { input }, ctx) =>
      ctx.tokens.issue(
        { subject: input.subject, role: input.role, ...(input.expiresInDays == null ? {} : { expiresInDays: input.expiresInDays }) },
        ctx.actor,
      ),
  }),
  revokeApiToken: t.field({
    type: ApiTokenRef,
    description: 'Revoke an API token at once (ADMIN); requests with it are then refused (401) within seconds.',
    authScopes: ACCESS.admin,
    args: { id: t.arg.id({ required: true, description: 'The token’s id.' }) },
    resolve: async (_, args, ctx) => {
      const id = String(args.id);
      if (!(await ctx.tokens.revoke(id))) throw notFound(`No active API token ${id}`, { tokenId: id });
      const token = (await ctx.tokens.list({ includeInactive: true })).find((x) => x.tokenId === id);
      if (!token) throw notFound(`No API token ${id}`, { tokenId: id });
      return token;
    },
  }),
}));
