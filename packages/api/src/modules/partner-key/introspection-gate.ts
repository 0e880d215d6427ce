import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { isPartnerKeyViewer } from './partner-key-auth.js';
import type { Context } from '../../graphql/context.js';
import type { Viewer } from '../../graphql/viewer.js';

/**
 * In production the schema is not for browsing (docs/graphql.md): introspection is refused,
 * except to a request authenticated with a town's machine key, whose developers build against it
 * ("Machine keys"). Decided per request, not by a validation rule: Apollo and graphql-ws cache a
 * document's validation, which would let one key's allowed introspection through for anyone.
 * The refusal is the validation error graphql-js gives (BAD_USER_INPUT with its detail).
 */
export function introspectionRefusal(
  schema: GraphQLSchema,
  document: DocumentNode,
  viewer: Viewer | null,
  production: boolean,
): readonly GraphQLError[] {
  if (!production || isPartnerKeyViewer(viewer)) return [];
  return validate(schema, document, [NoSchemaIntrospectionCustomRule]).map(
    (error) =>
      new GraphQLError(error.message, {
        nodes: error.nodes,
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
      }),
  );
}

/** The same decision for Apollo (HTTP), once the operation is known. */
export function introspectionGatePlugin(options: {
  production: boolean;
}): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, contextValue }) {
          const [refused] = introspectionRefusal(
            schema,
            document,
            contextValue.viewer,
            options.production,
          );
          if (refused) throw refused;
        },
      };
    },
  };
}
