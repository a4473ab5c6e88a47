import { GraphQLError } from 'graphql';
import { Repeater } from 'graphql-yoga';

/*
 * Live answers (GraphQL subscriptions over SSE) fed from the view, not from the event store: a
 * subscriber is told about a question only once the projector has applied it, so what it then
 * reads (the asker's name, the answer) is what every query reads. One poll of the view's
 * checkpoint serves every subscription of the gateway (it runs only while someone listens); each
 * subscription reads its own rows only when the checkpoint has moved. That works the same with
 * the projector in this process or in another one.
 */

export interface LiveLimits {
  /** Subscriptions one API token (or, without one, one client address) may hold open at once. */
  perClient: number;
  /** Subscriptions the whole gateway holds open at once. */
  total: number;
  /** How often the view's checkpoint is read while anyone listens, in ms. */
  pollMs: number;
}

export const DEFAULT_LIVE_LIMITS: LiveLimits = { perClient: 5, total: 200, pollMs: 250 };

export const liveLimitError = (message: string) => new GraphQLError(message, { extensions: { code: 'LIVE_LIMIT' } });

export interface LiveFeed<T> {
  /** Who holds it, for the per-client cap: a token id, or the client's address. */
  client: string;
  /** The rows now (in order); called once at the start and again whenever the view has moved. */
  load: () => Promise<readonly T[]>;
  /** A row's identity: a row already seen is never sent again. */
  idOf: (row: T) => string;
  /**
   * The rows the subscriber already has (by id), when it says so: every other row the first read
   * finds is sent, so nothing added between its own read and this subscription is lost. Without
   * it, what is there at the start is taken as known.
   */
  known?: readonly string[];
}

export const createLive = (checkpoint: () => Promise<bigint>, limits: LiveLimits = DEFAULT_LIVE_LIMITS) => {
  const listeners = new Set<() => void>();
  const held = new Map<string, number>();
  const stops = new Set<() => void>();
  let timer: NodeJS.Timeout | undefined;
  let last: bigint | undefined;
  let closed = false;

  const tick = async () => {
    timer = undefined;
    try {
      const position = await checkpoint();
      if (last === undefined || position !== last) {
        last = position;
        for (const listener of listeners) listener();
      }
    } catch {
      // The view is unreachable for a moment: the next tick tries again; subscribers just wait.
    }
    if (!closed && listeners.size > 0 && !timer) timer = setTimeout(() => void tick(), limits.pollMs);
  };
  const listen = (listener: () => void) => {
    listeners.add(listener);
    if (!timer && !closed) timer = setTimeout(() => void tick(), limits.pollMs);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && timer) {
        clearTimeout(timer);
        timer = undefined;
      }
    };
  };

  /** Takes one of the client's (and the gateway's) places, or refuses LIVE_LIMIT; the answer gives it back. */
  const hold = (client: string) => {
    if (closed) throw liveLimitError('The gateway is shutting down');
    const open = [...held.values()].reduce((a, b) => a + b, 0);
    if (open >= limits.total) throw liveLimitError(`The gateway holds its ${limits.total} live subscriptions already; try again later`);
    if ((held.get(client) ?? 0) >= limits.perClient)
      throw liveLimitError(`At most ${limits.perClient} live subscriptions at once per token or client; close one first`);
    held.set(client, (held.get(client) ?? 0) + 1);
    return () => {
      const left = (held.get(client) ?? 1) - 1;
      if (left > 0) held.set(client, left);
      else held.delete(client);
    };
  };

  return {
    hold,
    /** Registers how to end a subscription that is not a view feed (import progress) when the gateway stops. */
    onClose(end: () => void) {
      stops.add(end);
      return () => void stops.delete(end);
    },

    /** Subscriptions open now (for tests and health). */
    get open() {
      return stops.size;
    },

    /**
     * New rows as the view gains them: refused at once (LIVE_LIMIT) when the client or the
     * gateway already holds as many as allowed, so a subscription is no way around the limits.
     */
    follow<T>({ client, load, idOf, known }: LiveFeed<T>): AsyncIterable<T> {
      let release: (() => void) | undefined = hold(client);
      const free = () => {
        release?.();
        release = undefined;
      };
      const feed = new Repeater<T>(async (push, stop) => {
        const end = () => stop();
        stops.add(end);
        const seen = new Set<string>(known);
        let stopped = false;
        // One read at a time: a change while reading is picked up by the read after it.
        let reading: Promise<void> = Promise.resolve();
        let again = false;
        const read = (announce: boolean) => {
          if (again) return;
          again = true;
          reading = reading
            .then(async () => {
              again = false;
              if (stopped) return;
              for (const row of await load()) {
                const id = idOf(row);
                if (seen.has(id)) continue;
                seen.add(id);
                if (announce && !stopped) await push(row);
              }
            })
            .catch((e: unknown) => stop(e));
        };
        // What is there already is not news, unless the subscriber said what it has: then only that
        // is. Listening starts first, so a change while that first read runs is read again after it.
        const unlisten = listen(() => read(true));
        read(known !== undefined);
        await reading;
        await stop;
        stopped = true;
        unlisten();
        stops.delete(end);
        free();
      });
      // A client that hangs up before the first value never runs the body above: free its place here too.
      const finish = feed.return.bind(feed);
      feed.return = (value?: PromiseLike<T> | T) => {
        free();
        return finish(value);
      };
      return feed;
    },

    /** Ends every open subscription (its SSE stream completes) and stops polling: the gateway is stopping. */
    close() {
      closed = true;
      for (const end of [...stops]) end();
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
};

export type Live = ReturnType<typeof createLive>;
