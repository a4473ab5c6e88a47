/**
 * A mutation's events were recorded, but the view did not include them within the bound: the
 * command happened, only reading it back is late. Clients must not take it for a failure (a retry
 * with the same commandId would be a no-op anyway).
 */
export class ViewLaggingError extends Error {
  constructor(
    readonly position: bigint,
    readonly waitedMs: number,
    override readonly cause?: unknown,
  ) {
    super(
      `The command was recorded (position ${position}), but the view has not caught up within ${waitedMs} ms; read it again shortly and do not resend it without its commandId`,
    );
    this.name = 'ViewLaggingError';
  }
}

/** How long a mutation waits for the view by default before answering VIEW_LAGGING. */
export const DEFAULT_VIEW_WAIT_MS = 5_000;

/**
 * The one place mutations wait for the view: bounded, and whatever goes wrong while waiting (a
 * timeout, a projector that is behind or restarting, a view database that is down) becomes
 * ViewLaggingError, because the events were already appended when this is called.
 */
export const boundedViewWait =
  (waitForView: (position: bigint | undefined) => Promise<void>, timeoutMs: number) =>
  async (position: bigint | undefined): Promise<void> => {
    if (position === undefined) return;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    try {
      const outcome = await Promise.race([waitForView(position).then(() => 'caught-up' as const), timedOut]);
      if (outcome === 'timeout') throw new ViewLaggingError(position, timeoutMs);
    } catch (e) {
      throw e instanceof ViewLaggingError ? e : new ViewLaggingError(position, timeoutMs, e);
    } finally {
      clearTimeout(timer);
    }
  };
