import { createGraphQLError, type Plugin } from 'graphql-yoga';

/*
 * Cross-site request forgery: a page on another site can make a browser send a form post
 * (form-urlencoded, multipart, text/plain) or a GET without asking anyone, but it cannot set a
 * custom header or send application/json without a CORS preflight, which the allow-list refuses.
 * So every GraphQL request must carry CSRF_HEADER, and a POST must be application/json. (GET
 * never mutates: graphql-yoga refuses mutations over GET.) Same idea as
 * @graphql-yoga/plugin-csrf-prevention, which however lets any application/json POST through
 * without the header.
 */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

const refuse = (status: number, message: string, code: string) => createGraphQLError(message, { extensions: { code, http: { status } } });

export const csrfPrevention = (): Plugin => ({
  // onRequestParse runs only for GraphQL requests, after GraphiQL's page (a plain GET) is served.
  onRequestParse({ request }) {
    const method = request.method.toUpperCase();
    if (method === 'POST') {
      const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/json' && type !== 'application/graphql-response+json') {
        throw refuse(415, 'GraphQL requests must be sent as application/json', 'UNSUPPORTED_MEDIA_TYPE');
      }
    }
    if (!request.headers.has(CSRF_HEADER)) {
      throw refuse(403, `Required CSRF header ${CSRF_HEADER} is missing`, 'CSRF_HEADER_MISSING');
    }
  },
});
