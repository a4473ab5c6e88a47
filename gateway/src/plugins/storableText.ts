import { GraphQLError, type StringValueNode, type ValidationContext } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/*
 * Text the database cannot store: PostgreSQL refuses U+0000 in text and JSON, and a lone UTF-16
 * surrogate is not Unicode at all (it cannot be encoded as UTF-8). Such a string anywhere in a
 * request (a variable, an object key, a literal in the document, a command id) is refused before
 * anything runs, with VALIDATION, instead of failing deep in a command or a query as an internal
 * error. Found by the hostile-input fuzzer (tests/src/fuzz).
 */
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what this looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const isUnstorable = (text: string) => UNSTORABLE.test(text);

const MESSAGE = 'holds text that cannot be stored (the character U+0000 or a lone UTF-16 surrogate)';

/** The path of the first unstorable string (or key) in a JSON value, walked without recursion. */
export const findUnstorable = (value: unknown, path: string): string | undefined => {
  const stack: [unknown, string][] = [[value, path]];
  while (stack.length) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'string') {
      if (isUnstorable(v)) return at;
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push([item, `${at}[${i}]`]));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        if (isUnstorable(k)) return at;
        stack.push([item, `${at}.${k}`]);
      }
    }
  }
  return undefined;
};

const refuse = (message: string) => createGraphQLError(message, { extensions: { code: 'VALIDATION', http: { status: 400 } } });

/** A string literal of the document ("\u0000" is a valid GraphQL escape). */
const storableLiterals = (ctx: ValidationContext) => ({
  StringValue(node: StringValueNode) {
    if (isUnstorable(node.value))
      ctx.reportError(new GraphQLError(`A string in the query ${MESSAGE}`, { nodes: node, extensions: { code: 'VALIDATION' } }));
  },
});

export const storableText = (): Plugin => ({
  onParams({ params }) {
    const at = findUnstorable(params.variables, 'variables');
    if (at) throw refuse(`${at.replace(/^variables\.?/, 'Variable $')} ${MESSAGE}`);
  },
  onValidate({ addValidationRule }) {
    addValidationRule(storableLiterals);
  },
});
