/*
 * What an event-store adapter is built from (adapters live in their own packages:
 * @hub/event-store-sql, @hub/event-store-esdb): the catch-up subscription over a change signal, and
 * the checks every append passes before it reaches an engine.
 */
export * from './subscription';
export * from './validation';
