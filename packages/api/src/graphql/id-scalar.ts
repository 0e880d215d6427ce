import { rewireTypes } from '@graphql-tools/utils';
import type { GraphQLObjectType } from 'graphql';
import { GraphQLID, GraphQLScalarType, GraphQLSchema, type ValueNode } from 'graphql';
import { isUuid } from '../db/uuid.js';
import { AppError } from './app-error.js';

function uuidOf(id: unknown): string {
  // Every id the API hands out is a lower-case uuid; anything else names nothing, on both
  // dialects alike (PostgreSQL would fail on it, SQLite would find nothing).
  if (typeof id !== 'string' || !isUuid(id)) throw new AppError('NOT_FOUND');
  return id.toLowerCase();
}

/**
 * `ID` as GraphQL defines it for output, but as input only a uuid, lower-cased: one place for
 * every id argument and input field, so a malformed id is NOT_FOUND like an unknown one and an
 * upper-case one finds the same row.
 */
export const UuidID = new GraphQLScalarType({
  ...GraphQLID.toConfig(),
  parseValue: (value: unknown) => uuidOf(GraphQLID.parseValue(value)),
  parseLiteral: (node: ValueNode) => uuidOf(GraphQLID.parseLiteral(node)),
});

/**
 * The schema with every use of `ID` (arguments, input fields, results) read by `UuidID`. The
 * schema's text stays the same. graphql-tools' `mapSchema` leaves built-in scalars alone, so its
 * rewiring is used directly: every type is rebuilt to refer to the replacement.
 */
export function withUuidIds(schema: GraphQLSchema): GraphQLSchema {
  const { typeMap, directives } = rewireTypes(
    { ...schema.getTypeMap(), [GraphQLID.name]: UuidID },
    schema.getDirectives(),
  );
  const root = (type: GraphQLObjectType | null | undefined) =>
    type ? (typeMap[type.name] as GraphQLObjectType) : undefined;
  return new GraphQLSchema({
    ...schema.toConfig(),
    query: root(schema.getQueryType()),
    mutation: root(schema.getMutationType()),
    subscription: root(schema.getSubscriptionType()),
    types: Object.values(typeMap),
    directives,
  });
}
