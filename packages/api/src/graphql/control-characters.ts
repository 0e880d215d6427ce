import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';

// Tab, line feed and carriage return are text; the other C0 controls and DEL never are, and
// NUL is even refused by the databases' drivers (PostgreSQL) or cuts statements short (SQLite).
// A UTF-16 surrogate without its other half (JSON allows "\uD800") is no character at all:
// it cannot be written as UTF-8, so PostgreSQL refuses it and other stores change it.
const controlCharacter =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether any string in a value (variables, say), however deep, holds one. */
export function hasControlCharacter(value: unknown): boolean {
  if (typeof value === 'string') return controlCharacter.test(value);
  if (Array.isArray(value)) return value.some(hasControlCharacter);
  if (value && typeof value === 'object') return Object.values(value).some(hasControlCharacter);
  return false;
}

/** Whether a string written in the document holds one. */
export function documentHasControlCharacter(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (controlCharacter.test(node.value)) found = true;
    },
  });
  return found;
}

/**
 * The refusal of an operation whose text, in its variables or written in the document, holds a
 * control character or a lone surrogate; null when it holds none. HTTP (the plugin below) and graphql-ws both ask.
 */
export function controlCharacterError(
  variables: unknown,
  document: DocumentNode,
): GraphQLError | null {
  if (!hasControlCharacter(variables) && !documentHasControlCharacter(document)) return null;
  return new GraphQLError('Text input contains a control character or a lone surrogate.', {
    extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
  });
}

/**
 * Refuses control characters and lone surrogates in any text a request brings, in its variables or written in the
 * query, before a resolver sees it: one check for every argument, BAD_USER_INPUT, never a
 * database error.
 */
export function controlCharactersPlugin<Context extends object>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const error = controlCharacterError(request.variables, document);
          if (error) throw error;
        },
      };
    },
  };
}
