import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a health source reports; `status` decides the HTTP code. */
export interface HealthReport {
  status: string;
  error?: string;
}

/** Statuses that mean the gateway cannot serve (load balancers take it out): HTTP 503. */
const UNAVAILABLE = new Set(['store-unavailable', 'error']);

/** GET /health: the report as JSON, 200 when it can serve, 503 when its store is unreachable. */
export const serveHealth = async (health: () => Promise<HealthReport>, res: ServerResponse<IncomingMessage>) => {
  let report: HealthReport;
  try {
    report = await health();
  } catch (e) {
    report = { status: 'error', error: e instanceof Error ? e.message : String(e) };
  }
  res.writeHead(UNAVAILABLE.has(report.status) ? 503 : 200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(report));
};
