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
  },
});

builder.globalConnectionField('totalCount', (t) =>
  t.int({ description: 'Items matching the filters, over all pages.', resolve: (connection) => connection.totalCount }),
);

builder.queryType({ description: 'Read the one view: who was reached, by whom, through which channel, how often and how recently.' });
builder.mutationType({ description: 'Record what happened. Every mutation appends events; a refused one appends nothing.' });
