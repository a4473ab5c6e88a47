import { issueTokenInput } from '@hub/access';
import { notFound } from '@hub/events';
import { ACCESS } from '../access';
import { builder } from '../builder';
import { ApiTokenRef } from '../types/apiToken';
import { zodInput } from '../zodInput';

const IssueApiTokenInput = zodInput('IssueApiTokenInput', issueTokenInput);

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
