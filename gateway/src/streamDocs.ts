import type { IncomingMessage, ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from './http';

/** The streams' contract as files: JSON Schema text by CloudEvents type (hub.<Type>.v1), and the AsyncAPI YAML. */
export interface StreamDocuments {
  schemas: Record<string, string>;
  asyncapi: string;
}

const SCHEMA_PATH = /^\/schemas\/(hub\.[A-Za-z0-9]+\.v[0-9]+)\.json$/;

/**
 * GET (or HEAD) /schemas/<type>.json and /asyncapi.yaml — each message's `dataschema` points here.
 * Public on purpose, no token: the schemas describe message shapes, never the hub's data, and
 * downstream tools fetch them unauthenticated. Answers true when it handled the request.
 */
export const serveStreamDocs = (docs: StreamDocuments, req: IncomingMessage, res: ServerResponse): boolean => {
  const path = (req.url ?? '').split('?')[0]!;
  if (path !== '/asyncapi.yaml' && !path.startsWith('/schemas/')) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res
      .writeHead(405, { ...SECURITY_HEADERS, allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' })
      .end('Method not allowed\n');
    return true;
  }
  const type = SCHEMA_PATH.exec(path)?.[1];
  const body =
    path === '/asyncapi.yaml' ? docs.asyncapi : type !== undefined && Object.hasOwn(docs.schemas, type) ? docs.schemas[type] : undefined;
  if (body === undefined) {
    res.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' }).end('No such schema\n');
    return true;
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': path === '/asyncapi.yaml' ? 'application/yaml; charset=utf-8' : 'application/schema+json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    // A published v1 never changes incompatibly; an hour keeps it fresh enough for compatible additions.
    'cache-control': 'public, max-age=3600',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
};
