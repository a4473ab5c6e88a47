/**
 * A progress bar on stderr for the long commands (`npm run generate`, `npm run rebuild`): one line
 * redrawn on a terminal, a line per tenth in a log file, with the rate and the time left.
 */
export const progressBar = (label: string, total: number, unit = 'events') => {
  const started = Date.now();
  const tty = process.stderr.isTTY;
  // Steps of 0.5 % on a terminal, 10 % in a log.
  const step = total / (tty ? 200 : 10);
  let shown = 0;
  const draw = (done: number) => {
    const width = 30;
    const filled = total > 0 ? Math.min(width, Math.round((width * done) / total)) : width;
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 ? Math.ceil(Math.max(0, total - done) / rate) : null;
    const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${unit}, ${rate.toFixed(0)}/s, ETA ${eta === null ? '?' : `${eta} s`}`;
    process.stderr.write(tty ? `\r${line}   ` : `${line}\n`);
  };
  return {
    update(done: number) {
      if (done - shown < step && done < total) return;
      shown = done;
      draw(done);
    },
    /** Ends the bar's line on a terminal. */
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
};
