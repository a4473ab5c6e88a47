import { z } from 'zod';
import { branchVisitEventSchemas } from './branchVisits';
import { cafeSessionEventSchemas } from './cafeSessions';
import { customerSmileEventSchemas } from './customerSmile';
import { directoryEventSchemas } from './directory';
import { emailLetterEventSchemas } from './emailLetters';
import { prideEventSchemas } from './pride';
import { townHallEventSchemas } from './townHalls';
import { videoMessageEventSchemas } from './videoMessages';

export * from './branchVisits';
export * from './cafeSessions';
export * from './customerSmile';
export * from './directory';
export * from './emailLetters';
export * from './pride';
export * from './questions';
export * from './townHalls';
export * from './videoMessages';

/**
 * Every event the hub records, as one discriminated union on `type`. This schema is applied
 * wherever an event crosses a boundary: before it is appended and when it is read back.
 */
export const hubEventSchema = z.discriminatedUnion('type', [
  ...directoryEventSchemas,
  ...cafeSessionEventSchemas,
  ...townHallEventSchemas,
  ...branchVisitEventSchemas,
  ...videoMessageEventSchemas,
  ...customerSmileEventSchemas,
  ...prideEventSchemas,
  ...emailLetterEventSchemas,
]);
export type HubEvent = z.infer<typeof hubEventSchema>;
export type HubEventType = HubEvent['type'];
export type EventOf<T extends HubEventType> = Extract<HubEvent, { type: T }>;

/** The version of each event's `data` shape; bump it when a shape changes incompatibly. */
export const SCHEMA_VERSION = 1;

/** The codec command handlers use: parse with the union, stamp the schema version. */
export const hubEventCodec = { parse: (x: unknown): HubEvent => hubEventSchema.parse(x), schemaVersion: SCHEMA_VERSION };
