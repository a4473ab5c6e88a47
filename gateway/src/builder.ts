import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin, { AuthScopeFailureType, type AuthFailure } from '@pothos/plugin-scope-auth';
import type { Role } from '@hub/access';
import { GraphQLError } from 'graphql';
import type { HubContext } from './context';

/** The roles a refused `anyRole` scope asked for, wherever scope-auth nested the failure. */
const rolesIn = (failure: AuthFailure): Role[] => {
  if (failure.kind === AuthScopeFailureType.AuthScope && failure.scope === 'anyRole') return [...(failure.parameter as readonly Role[])];
  if (failure.kind === AuthScopeFailureType.AnyAuthScopes || failure.kind === AuthScopeFailureType.AllAuthScopes)
    return failure.failures.flatMap(rolesIn);
  return [];
};

/** The one schema builder (code-first); every type registers itself on it from its own file. */
export const builder = new SchemaBuilder<{
  Context: HubContext;
  Scalars: {
    DateTime: { Input: string; Output: string };
    Date: { Input: string; Output: string };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  /** Every connection resolver returns its total, so every connection has `totalCount`. */
  Connection: { totalCount: number };
  /** `anyRole`: the caller's role is one of these (gateway/src/access.ts names the groups). */
  AuthScopes: { anyRole: readonly Role[] };
}>({
  // Relay first, so scope checks see the connection arguments already parsed.
  plugins: [RelayPlugin, ScopeAuthPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    // A subscription is refused when it is opened, not after its first event.
    authorizeOnSubscribe: true,
    authScopes: (ctx) => ({ anyRole: (roles) => roles.includes(ctx.principal.role) }),
    // Refused: say which roles may, so a client knows which token it needs.
    unauthorizedError: (_parent, ctx, info, result) => {
      const roles = rolesIn(result.failure);
      const what = `${info.parentType.name}.${info.fieldName}`;
      return new GraphQLError(`${what} is only for ${roles.join(' or ') || 'other roles'}; you are ${ctx.principal.role}`, {
        extensions: { code: 'FORBIDDEN', allowedRoles: roles },
      });
    },
  },
  relay: {
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    cursorType: 'String',
    pageInfoTypeOptions: { description: 'Where a page sits in the whole list.' },
    hasNextPageFieldOptions: { description: 'More items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'Items precede this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first item on this page.' },
    endCursorFieldOptions: { description: 'Cursor of the last item on this page: pass it as `after` for the next page.' },
    edgesFieldOptions: { description: 'The items on this page, each with its cursor.' },
    pageInfoFieldOptions: { description: 'Paging information.' },
    cursorFieldOptions: { description: 'Opaque position of this item in the list.' },
    nodeFieldOptions: { description: 'The item.' },
    defaultEdgeTypeOptions: { description: 'An item in a paged list, with its cursor.' },
  },
});

builder.globalConnectionField('totalCount', (t) =>
  t.int({ description: 'Items matching the filters, over all pages.', resolve: (connection) => connection.totalCount }),
);

builder.queryType({ description: 'Read the one view: who was reached, by whom, through which channel, how often and how recently.' });
builder.mutationType({ description: 'Record what happened. Every mutation appends events; a refused one appends nothing.' });
builder.subscriptionType({
  description: 'Follow what is happening, over server-sent events (Accept: text/event-stream): each item once the view has it.',
});
