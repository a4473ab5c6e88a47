import { validationError } from '@hub/events';
import type { Page } from '@hub/read-model';

const MAX_PAGE = 100;

/** Reads the Relay arguments of a forward-only connection; refuses what it does not support. */
export const forwardPage = (
  field: string,
  args: { first?: number | null; after?: string | null; last?: number | null; before?: string | null },
) => {
  if (args.last != null || args.before != null) throw validationError(`${field} pages forward only: use first/after`);
  const first = args.first ?? 20;
  if (first < 0 || first > MAX_PAGE) throw validationError(`first must be between 0 and ${MAX_PAGE}`);
  return { first, after: args.after ?? null };
};

/** A page from the read model as a Relay connection. */
export const toConnection = <T>(page: Page<T>, after: string | null) => ({
  totalCount: page.totalCount,
  edges: page.nodes,
  pageInfo: {
    hasNextPage: page.hasNextPage,
    hasPreviousPage: after !== null,
    startCursor: page.nodes[0]?.cursor ?? null,
    endCursor: page.nodes[page.nodes.length - 1]?.cursor ?? null,
  },
});
