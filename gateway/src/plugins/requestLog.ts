import type { Plugin } from 'graphql-yoga';
import { errorCodeOf } from './errorCodes';

/** One line per operation that failed, with its correlation id, so a refusal can be traced to its events. */
export const requestLog = (log: (line: string) => void = (l) => console.warn(l)): Plugin => ({
  onExecute({ args }) {
    return {
      onExecuteDone({ result }) {
        if (!('errors' in result) || !result.errors?.length) return;
        const ctx = args.contextValue as { correlationId?: string; actor?: string };
        const codes = result.errors.map(errorCodeOf).join(',');
        log(`[gateway] ${args.operationName ?? 'anonymous'} by ${ctx.actor ?? '?'} (${ctx.correlationId ?? '-'}) failed: ${codes}`);
      },
    };
  },
});
