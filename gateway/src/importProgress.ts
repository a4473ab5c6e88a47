import { Repeater, SlidingBuffer } from 'graphql-yoga';

/*
 * How far a CSV import has got, for the console's progress bar: the import mutation reports rows
 * done here as it goes, and a subscription (csvImportProgress) follows it by the id the client
 * chose. In memory, in the gateway that runs the import; only whoever started it may follow it.
 */

export interface ImportProgress {
  importId: string;
  done: number;
  total: number;
  finished: boolean;
}

interface Job extends ImportProgress {
  owner: string;
  listeners: Set<() => void>;
}

/** A finished import stays visible this long, so a subscriber that comes late still sees the end. */
const KEEP_FINISHED_MS = 60_000;
/** A subscription for an import that has not started waits this long for it. */
const WAIT_FOR_START_MS = 60_000;

export const createImportProgress = () => {
  const jobs = new Map<string, Job>();
  const waiting = new Map<string, Set<() => void>>();
  const changed = (job: Job) => {
    for (const listener of job.listeners) {
      try {
        listener();
      } catch {
        // A watcher's trouble is the watcher's: the import goes on.
      }
    }
  };

  return {
    /** An import begins; `owner` is the actor who sent it. */
    start(importId: string, owner: string) {
      const job: Job = { importId, owner, done: 0, total: 0, finished: false, listeners: new Set() };
      jobs.set(importId, job);
      for (const wake of waiting.get(importId) ?? []) wake();
      waiting.delete(importId);
      return {
        update(done: number, total: number) {
          job.done = done;
          job.total = total;
          changed(job);
        },
        finish() {
          job.finished = true;
          changed(job);
          setTimeout(() => jobs.get(importId) === job && jobs.delete(importId), KEEP_FINISHED_MS).unref();
        },
      };
    },

    /** Whether someone other than `owner` runs an import with this id (its progress is theirs). */
    ownedByOther(importId: string, owner: string) {
      const job = jobs.get(importId);
      return job !== undefined && job.owner !== owner;
    },

    /** The import's progress from now until it finishes (ends after a minute if it never starts). */
    follow(importId: string, owner: string, release: () => void, onClose: (end: () => void) => () => void): AsyncIterable<ImportProgress> {
      return new Repeater<ImportProgress>(async (push, stop) => {
        const forget = onClose(() => stop());
        let job = jobs.get(importId);
        if (!job) {
          let wake!: () => void;
          const started = new Promise<void>((r) => (wake = r));
          waiting.set(importId, new Set([...(waiting.get(importId) ?? []), wake]));
          const timer = setTimeout(wake, WAIT_FOR_START_MS);
          await Promise.race([started, stop]);
          clearTimeout(timer);
          waiting.get(importId)?.delete(wake);
          job = jobs.get(importId);
        }
        if (job && job.owner === owner) {
          const current = job;
          let last = '';
          const send = () => {
            const now: ImportProgress = { importId, done: current.done, total: current.total, finished: current.finished };
            const key = `${now.done}/${now.total}/${now.finished}`;
            if (key === last) return;
            last = key;
            void push(now);
            if (now.finished) stop();
          };
          current.listeners.add(send);
          send();
          await stop;
          current.listeners.delete(send);
        } else stop();
        await stop;
        forget();
        release();
        // Only the newest progress waits for a slow client: the import never waits on, or fails for, a watcher.
      }, new SlidingBuffer(1));
    },
  };
};

export type ImportProgressRegistry = ReturnType<typeof createImportProgress>;
