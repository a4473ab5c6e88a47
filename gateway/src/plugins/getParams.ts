import { createGraphQLError, type Plugin } from 'graphql-yoga';

/*
 * A GET request's `variables` and `extensions` must be JSON. graphql-yoga parses them with
 * JSON.parse and answered 500 to `?variables={` (found by the hostile-input fuzzer); the same
 * mistake in a POST body is its 400 BAD_REQUEST, so this answers that too.
 */
export const getParams = (): Plugin => ({
  onRequestParse({ request }) {
    if (request.method.toUpperCase() !== 'GET') return;
    const params = new URL(request.url).searchParams;
    for (const name of ['variables', 'extensions']) {
      const value = params.get(name);
      if (value === null) continue;
      try {
        JSON.parse(value);
      } catch {
        throw createGraphQLError(`The ${name} parameter must be JSON`, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
      }
    }
  },
});
