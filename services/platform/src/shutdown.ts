/**
 * Stop on Ctrl-C or SIGTERM — or when the `npm start` process that launched us is gone (its IPC
 * channel closes; a killed parent must not leave the hub running): run the closers in order once,
 * then exit 0.
 */
export const onShutdown = (name: string, ...closers: (() => Promise<unknown>)[]) => {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[${name}] ${signal}: stopping…`);
    for (const close of closers) await close();
    console.log(`[${name}] stopped`);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  if (process.connected) process.on('disconnect', () => void stop('parent gone'));
};
