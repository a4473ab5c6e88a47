/**
 * Every refusal the domain can give, by kind. The gateway maps `kind` to a GraphQL error code so
 * clients can tell "you sent nonsense" from "that breaks a rule" from "someone got there first".
 */
export type DomainErrorKind = 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN_BY_RULE' | 'IDEMPOTENCY_CONFLICT';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = `${kind}Error`;
  }
}

export const validationError = (message: string, details?: Record<string, unknown>) => new DomainError('VALIDATION', message, details);
export const notFound = (message: string, details?: Record<string, unknown>) => new DomainError('NOT_FOUND', message, details);
export const conflict = (message: string, details?: Record<string, unknown>) => new DomainError('CONFLICT', message, details);
export const forbiddenByRule = (message: string, details?: Record<string, unknown>) =>
  new DomainError('FORBIDDEN_BY_RULE', message, details);

/** The same command id was already used for a different command or input. */
export const idempotencyConflict = (message: string, details?: Record<string, unknown>) =>
  new DomainError('IDEMPOTENCY_CONFLICT', message, details);
export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
