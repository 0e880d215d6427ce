import type { GraphQLSchema } from 'graphql';
import { AppError } from './app-error.js';
import type { Context } from './context.js';
import { guardRootFields, type RootKind } from './root-field-guard.js';

/**
 * What a visitor permit's registration number + PIN login may call (docs/rules.md §6,
 * "Sign-in with registration number and PIN"): its permit's balance and product view, sessions
 * on it, its favorites and recent plates to pick from, its PIN, top-ups where the town allows
 * them (the top-up service's check), and signing in and out. Every
 * other operation, a new one too, answers FORBIDDEN: the list is the one place that lets one in.
 * Each allowed operation's service keeps such a login to its one permit (`permitForViewer`).
 */
export const permitOnlyOperations: Readonly<
  Record<'query' | 'mutation' | 'subscription', ReadonlySet<string>>
> = {
  query: new Set([
    // Null for such a login: it has no account. The SPA asks it on every page.
    'me',
    'registrationLogin',
    'product',
    'sessions',
    'session',
    'quoteSession',
    'favorites',
    'recentPlates',
    // Top-ups: let through here, refused by TopUpService unless the town allows them
    // (Municipality.registrationLoginTopUps); a payment is shown only for its own permit.
    'topUpOffers',
    'payment',
  ]),
  mutation: new Set([
    'loginWithRegistration',
    'logout',
    'startSession',
    'changeSessionEnd',
    'stopSession',
    'deleteSession',
    'changePin',
    'startTopUp',
  ]),
  subscription: new Set(['sessionEvents', 'balanceEvents']),
};

function refuse(kind: RootKind, name: string, context: unknown): void {
  if (permitOnlyOperations[kind].has(name)) return;
  if ((context as Context | undefined)?.viewer?.permitOnly) throw new AppError('FORBIDDEN');
}

/** Puts the registration login's allow-list in front of every root field of `schema`, in place. */
export function withPermitOnlyGate(schema: GraphQLSchema): GraphQLSchema {
  return guardRootFields(schema, refuse);
}
