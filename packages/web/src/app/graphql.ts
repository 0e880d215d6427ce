import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

/**
 * Typed GraphQL documents: results and variables come from the API's schema file
 * (packages/api/schema.graphql → graphql-env.d.ts, made by `npm run codegen`).
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: {
    DateTimeISO: string;
    JSONObject: Record<string, unknown>;
  };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';
