export * from './ledger';
export * from './idempotent';
