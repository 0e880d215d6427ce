import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';

export type RootKind = 'query' | 'mutation' | 'subscription';

/**
 * Runs `check` before every root field of `schema`, in place: a subscription once, when it
 * starts; a query or mutation on each call. The gates of restricted logins (permit-only-gate.ts,
 * scope-gate.ts) throw from it. Only root fields: what an allowed operation returns is its own
 * service's to decide.
 */
export function guardRootFields(
  schema: GraphQLSchema,
  check: (kind: RootKind, name: string, context: unknown) => void,
): GraphQLSchema {
  const roots = {
    query: schema.getQueryType(),
    mutation: schema.getMutationType(),
    subscription: schema.getSubscriptionType(),
  };
  for (const [kind, root] of Object.entries(roots) as [RootKind, typeof roots.query][]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      const name = field.name;
      if (field.subscribe) {
        const subscribe = field.subscribe;
        field.subscribe = (source, args, context, info) => {
          check(kind, name, context);
          return subscribe(source, args, context, info);
        };
      } else {
        const resolve: GraphQLFieldResolver<unknown, unknown> =
          field.resolve ?? defaultFieldResolver;
        field.resolve = (source, args, context, info) => {
          check(kind, name, context);
          return resolve(source, args, context, info);
        };
      }
    }
  }
  return schema;
}
