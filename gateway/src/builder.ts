import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import type { HubContext } from './context';

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
}>({
  plugins: [RelayPlugin],
  defaultFieldNullability: false,
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
