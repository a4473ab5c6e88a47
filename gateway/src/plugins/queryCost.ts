import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

/*
 * What a query may cost before it runs: every field costs 1, and a list multiplies what is selected
 * under it by how many items it can return. A list under a field that takes `first` (a
 * connection's `edges`, `gaps(first:)`'s people) counts as many as that `first` asks (at most
 * MAX_FIRST; 20 when not given); any other plain list (a branch's FCs, a session's hosts) counts as
 * PLAIN_LIST items. Nesting lists therefore grows the cost geometrically, which
 * is exactly what made "a branch's FCs, each FC's branch, …" dangerous.
 */

/** The largest `first` any field accepts (connections take 100, `gaps` 500). */
export const MAX_FIRST = 500;
const DEFAULT_PAGE = 20;
export const PLAIN_LIST = 10;

const pageSize = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(Math.max(value, 0), MAX_FIRST) : DEFAULT_PAGE;

/** The estimated cost of one operation of `document`, with its variables (unknown ones count at their maximum). */
export const queryCost = (
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string | null,
  variables: Record<string, unknown> = {},
): number => {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    if (d.kind === Kind.OPERATION_DEFINITION) operations.push(d);
  }
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return 0;
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!root) return 0;

  // `visiting` stops a fragment that spreads itself (invalid, but cost runs before validation reports it).
  const visiting = new Set<string>();
  /** `first`: the page size the field above asked for, when it takes one; lists directly below count that many. */
  const costOf = (type: GraphQLCompositeType, set: SelectionSetNode, first: number | undefined): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD || selection.kind === Kind.INLINE_FRAGMENT) {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
        const name = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : undefined;
        if (!fragment || (name && visiting.has(name))) continue;
        const on = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
        if (name) visiting.add(name);
        if (on && (isObjectType(on) || isInterfaceType(on))) total += costOf(on, fragment.selectionSet, first);
        if (name) visiting.delete(name);
        continue;
      }
      total += 1;
      if (!selection.selectionSet || !(isObjectType(type) || isInterfaceType(type))) continue;
      const field = type.getFields()[selection.name.value];
      if (!field) continue;
      const child = getNamedType(field.type);
      if (!isObjectType(child) && !isInterfaceType(child)) continue;
      const firstArg = selection.arguments?.find((a) => a.name.value === 'first');
      const asked = firstArg
        ? pageSize(valueFromASTUntyped(firstArg.value, variables))
        : field.args.some((a) => a.name === 'first')
          ? DEFAULT_PAGE
          : undefined;
      // The page size of the field above applies to the list below it; a list bounded by its own
      // arguments declares its largest length (`extensions: { listSize }`); any other counts PLAIN_LIST items.
      const declared = typeof field.extensions.listSize === 'number' ? field.extensions.listSize : undefined;
      const many = isListType(getNullableType(field.type)) ? (first ?? declared ?? PLAIN_LIST) : 1;
      total += many * costOf(child, selection.selectionSet, asked);
    }
    return total;
  };
  return costOf(root, operation.selectionSet, undefined);
};

export const tooComplex = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });

/**
 * Refuses, before any resolver runs, an operation whose estimated cost exceeds `maxCost`. It runs
 * at execution because the cost depends on variables (`first: $first`).
 */
export const costLimit = (maxCost: number): Plugin => ({
  onExecute({ args, setResultAndStopExecution }) {
    const cost = queryCost(args.schema, args.document, args.operationName, args.variableValues ?? {});
    if (cost > maxCost)
      setResultAndStopExecution({
        errors: [
          tooComplex(
            `This query would cost about ${cost}, more than the ${maxCost} allowed: ask for fewer items per page or nest fewer lists`,
          ),
        ],
      });
  },
});
