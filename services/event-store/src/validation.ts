import type { EventToAppend } from './port';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks every adapter makes before touching its store, so all of them refuse the same input. */
export const assertAppendable = (streamName: string, events: EventToAppend[]) => {
  if (!streamName || streamName.startsWith('$')) throw new TypeError(`Invalid stream name "${streamName}"`);
  if (events.length === 0) throw new TypeError(`Append to ${streamName} has no events`);
  const ids = new Set<string>();
  for (const e of events) {
    if (!UUID.test(e.id)) throw new TypeError(`Event id "${e.id}" is not a UUID`);
    if (ids.has(e.id.toLowerCase())) throw new TypeError(`Event id ${e.id} appears twice in one append`);
    ids.add(e.id.toLowerCase());
    if (!e.type) throw new TypeError('Event type must not be empty');
  }
};
