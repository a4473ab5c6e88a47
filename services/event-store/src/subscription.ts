import type { ReadAllOptions, RecordedEvent, SubscribeOptions, Subscription } from './port';

/** Wakes a waiting reader when something was appended, or after a timeout (other processes' appends). */
export interface ChangeSignal {
  wait(timeoutMs: number): Promise<void>;
  notify(): void;
}

export const createChangeSignal = (): ChangeSignal => {
  let waiters: Array<() => void> = [];
  return {
    wait(timeoutMs) {
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters = waiters.filter((w) => w !== done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        waiters.push(done);
      });
    },
    notify() {
      for (const w of [...waiters]) w();
    },
  };
};

/**
 * A catch-up subscription built on `readAll`: read batches after the checkpoint until none is
 * left (caught up), then wait for a change signal and read again. Correct only over a store whose
 * `readAll` never reveals a position before a smaller one still to commit (see postgres/README).
 */
export const catchUpSubscription = (
  readAll: (options: ReadAllOptions) => Promise<RecordedEvent[]>,
  signal: ChangeSignal,
  options: SubscribeOptions & { pollIntervalMs?: number },
  onClose: () => void = () => undefined,
): Subscription => {
  const batchSize = options.batchSize ?? 500;
  const pollMs = options.pollIntervalMs ?? 500;
  let position = options.after;
  let closed = false;
  let failure: unknown;
  let markCaughtUp!: () => void;
  let failCaughtUp!: (e: unknown) => void;
  const caughtUp = new Promise<void>((resolve, reject) => {
    markCaughtUp = resolve;
    failCaughtUp = reject;
  });
  caughtUp.catch(() => undefined); // failure is reported through onError/waitFor too
  let waiters: Array<{ target: bigint; resolve: () => void; reject: (e: unknown) => void }> = [];

  const settleWaiters = () => {
    waiters = waiters.filter((w) => {
      if (failure !== undefined) {
        w.reject(failure);
        return false;
      }
      if (position !== undefined && position >= w.target) {
        w.resolve();
        return false;
      }
      return true;
    });
  };

  const loop = (async () => {
    try {
      while (!closed) {
        const batch = await readAll({ ...(position === undefined ? {} : { after: position }), limit: batchSize });
        if (closed) break;
        if (batch.length === 0) {
          markCaughtUp();
          await signal.wait(pollMs);
          continue;
        }
        await options.handler(batch);
        position = batch[batch.length - 1]!.position;
        settleWaiters();
      }
    } catch (e) {
      failure = e;
      failCaughtUp(e);
      settleWaiters();
      if (options.onError) options.onError(e);
      else console.error('[event-store] subscription stopped:', e);
    }
  })();

  return {
    caughtUp,
    get position() {
      return position;
    },
    waitFor(target, timeoutMs = 30_000) {
      if (failure !== undefined) return Promise.reject(failure);
      if (position !== undefined && position >= target) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`Subscription did not reach position ${target} within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          target,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
          reject: (e) => {
            clearTimeout(timer);
            reject(e);
          },
        });
      });
    },
    async close() {
      closed = true;
      signal.notify();
      await loop;
      onClose();
    },
  };
};
