import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AboutResolver } from '../modules/about/about.resolver.js';
import { AuthResolver } from '../modules/auth/auth.resolver.js';
import { authChecker } from './auth-checker.js';

/** Builds the executable schema. Needs `reflect-metadata` loaded first (the entry or test setup). */
export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    // Every feature's resolver classes; a new module adds its resolver here.
    resolvers: [AboutResolver, AuthResolver],
    authChecker,
    // Every type-graphql argument is checked by GraphQL itself; ours by the domain and services.
    // Input validation is the domain's job (reason codes), not class-validator's.
    validate: false,
  });
}
