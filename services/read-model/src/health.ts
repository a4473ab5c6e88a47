import { isConnectionFailure, type SqlExecutor } from '@hub/sql';
import { viewCheckpoint } from './projector';
import { deadLetterCount } from './queries/deadLetters';

/** What `/health` reports about the view. */
export interface ViewHealth {
  /** ok; lagging (more than `lagThreshold` events behind); store-unavailable or error (HTTP 503). */
  status: 'ok' | 'lagging' | 'store-unavailable' | 'error';
  view: {
    /** Last event in the view (decimal string; null before the first or when unknown). */
    position: string | null;
    /** Newest event in the store. */
    head: string | null;
    /** Positions the view is behind the store (0 when caught up; null when unknown). */
    lag: number | null;
  };
  /** Poison events parked by the projector (see `deadLetters`). */
  deadLetters: number | null;
  error?: string;
}

/**
 * The view's health for `/health`: how far it is behind the store and how many events were
 * parked. Never throws: a database that cannot be reached is reported as such.
 */
export const viewHealth = async (
  view: SqlExecutor,
  headPosition: () => Promise<bigint | undefined>,
  lagThreshold = 10_000,
): Promise<ViewHealth> => {
  try {
    const [checkpoint, head, deadLetters] = [await viewCheckpoint(view), await headPosition(), await deadLetterCount(view)];
    const lag = head === undefined ? 0 : Math.max(0, Number(head - checkpoint));
    return {
      status: lag > lagThreshold ? 'lagging' : 'ok',
      view: { position: checkpoint < 0n ? null : checkpoint.toString(), head: head === undefined ? null : head.toString(), lag },
      deadLetters,
    };
  } catch (e) {
    return {
      status: isConnectionFailure(e) ? 'store-unavailable' : 'error',
      view: { position: null, head: null, lag: null },
      deadLetters: null,
      error: e instanceof Error ? e.message : String(e),
    };
  }
};
