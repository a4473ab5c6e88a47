import { isDomainError } from '@hub/events';
import { ConcurrencyConflictError } from '@hub/event-store';
import { isStoreUnavailable } from '@hub/sql';
import { GraphQLError } from 'graphql';
import { maskError, type Plugin, type YogaServerOptions } from 'graphql-yoga';
import { ViewLaggingError } from '../viewLag';

/*
 * Every refusal reaches the client as a typed GraphQL error it can branch on (`extensions.code`):
 * VALIDATION, NOT_FOUND, CONFLICT, FORBIDDEN_BY_RULE, FORBIDDEN (role), UNAUTHENTICATED (unknown
 * token), STORE_UNAVAILABLE (the database is down: nothing happened, try again), VIEW_LAGGING (the
 * mutation WAS recorded at `details.position`, only its read-back is late). Anything unexpected
 * stays masked.
 */

const rootCause = (error: unknown): unknown => {
  let cause = error;
  while (cause instanceof GraphQLError && cause.originalError) cause = cause.originalError;
  return cause;
};

const classify = (cause: unknown): { code: string; message: string; details?: Record<string, unknown> } | undefined => {
  if (isDomainError(cause)) return { code: cause.kind, message: cause.message, details: cause.details };
  if (cause instanceof ViewLaggingError)
    return { code: 'VIEW_LAGGING', message: cause.message, details: { recorded: true, position: cause.position.toString() } };
  if (isStoreUnavailable(cause))
    return { code: 'STORE_UNAVAILABLE', message: 'The hub cannot reach its database right now; nothing was done. Try again shortly.' };
  if (cause instanceof ConcurrencyConflictError) return { code: 'CONFLICT', message: cause.message, details: { stream: cause.streamName } };
  // Our own refusals raised as GraphQL errors (FORBIDDEN from the roles plugin) keep their code.
  if (cause instanceof GraphQLError && typeof cause.extensions.code === 'string')
    return { code: cause.extensions.code, message: cause.message };
  return undefined;
};

const withCode = (error: GraphQLError, message: string, code: string, details?: Record<string, unknown>) =>
  new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { ...error.extensions, code, ...(details ? { details } : {}) },
  });

/**
 * graphql-js's own complaint about the request, outside any field: the client sent something
 * invalid. Also when it wraps another of its own errors, as a variable's does ("Variable $input got
 * invalid value null at input.id; Expected non-nullable type…"), which else went out without a code.
 */
const isRequestError = (error: unknown): error is GraphQLError =>
  error instanceof GraphQLError && !error.path && rootCause(error) instanceof GraphQLError;

/** The code a client will see for this error (before masking), for logs. */
export const errorCodeOf = (error: unknown): string => {
  const known = classify(rootCause(error));
  if (known) return known.code;
  if (isRequestError(error)) return 'VALIDATION';
  return error instanceof GraphQLError && typeof error.extensions.code === 'string' ? error.extensions.code : 'INTERNAL';
};

export const maskedErrors: NonNullable<Exclude<YogaServerOptions<object, object>['maskedErrors'], boolean>> = {
  maskError(error, message, isDev) {
    if (!(error instanceof GraphQLError)) return maskError(error, message, isDev);
    const known = classify(rootCause(error));
    // A variable's error wraps ours with graphql-js's context ("Variable $i got invalid value…"): keep it.
    if (known) return withCode(error, error.message.includes(known.message) ? error.message : known.message, known.code, known.details);
    if (isRequestError(error)) return withCode(error, error.message, 'VALIDATION');
    return maskError(error, message, isDev);
  },
};

/** A query that fails validation (unknown field, wrong literal) is the client's mistake too. */
export const validationErrorCode = (): Plugin => ({
  onValidate() {
    return ({ valid, result, setResult }) => {
      // A rule that set its own code (QUERY_TOO_COMPLEX from the query limits) keeps it.
      if (!valid)
        setResult(result.map((e) => withCode(e, e.message, typeof e.extensions.code === 'string' ? e.extensions.code : 'VALIDATION')));
    };
  },
});
