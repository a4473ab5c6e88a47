import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { GraphQLError, ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { costLimit, tooComplex } from './queryCost';

/*
 * How big a query may be, checked before anything runs (GraphQL Armor for the document's shape,
 * our own estimate for what it would fetch). The console's largest operation has depth 5, 89
 * tokens, no alias and a cost of about 400; every test query stays within depth 6 and 2 aliases.
 * Refusals carry extensions.code QUERY_TOO_COMPLEX.
 */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 8, maxAliases: 15, maxTokens: 1_000, maxDirectives: 10, maxCost: 10_000 };

// Armor's errors are "Syntax Error: …" without a code; report ours instead, and (for the tokens
// limit, which runs inside the parser where there is no validation context) stop the parse there.
const typed = (ctx: ValidationContext | null, error: GraphQLError) => {
  const refusal = tooComplex(error.message.replace(/^Syntax Error: /, ''));
  if (!ctx) throw refusal;
  ctx.reportError(refusal);
};
const reject = { exposeLimits: true, propagateOnRejection: false, onReject: [typed] };

export const queryLimits = (limits: QueryLimits = DEFAULT_QUERY_LIMITS): Plugin[] => [
  maxTokensPlugin({ n: limits.maxTokens, ...reject }),
  maxDepthPlugin({ n: limits.maxDepth, ignoreIntrospection: true, ...reject }),
  maxAliasesPlugin({ n: limits.maxAliases, ...reject }),
  maxDirectivesPlugin({ n: limits.maxDirectives, ...reject }),
  costLimit(limits.maxCost),
];
