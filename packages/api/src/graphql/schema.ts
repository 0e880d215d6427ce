import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AboutResolver } from '../modules/about/about.resolver.js';

/** Builds the executable schema. Needs `reflect-metadata` loaded first (the entry or test setup). */
export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    // Every feature's resolver classes; a new module adds its resolver here.
    resolvers: [AboutResolver],
    // Input validation is the domain's job (reason codes), not class-validator's.
    validate: false,
  });
}
