import type { GraphQLSchema } from 'graphql';
import { AppError } from './app-error.js';
import type { Context } from './context.js';
import { guardRootFields, type RootKind } from './root-field-guard.js';

type Operations = Readonly<Partial<Record<RootKind, readonly string[]>>>;

/**
 * What each partner scope lets a credential call (docs/partners.md, "Scopes"). A town's machine
 * key (scan cars, the town's own systems) and an app acting for a consenting resident (OAuth)
 * hold a set of these; the viewer's `scopes`. A scoped login may call an operation only when one
 * of its scopes lists it: this catalogue is the one place that lets one in, a new operation is
 * refused until a scope names it. The operation's own `@Authorized` roles and its service's
 * checks (the key's town, the resident's products) still apply on top.
 */
export const scopeOperations = {
  // Machine keys: a town's scan cars and systems (docs/graphql.md, "Machine keys"), each
  // operation limited to the key's town by its service (enforcement-towns.ts `checkerTowns`).
  // A scan car reads the town's zones to choose where it checks, then checks one plate or many.
  rightCheck: { query: ['rightCheck', 'enforcementPlaces'] },
  batchCheck: { query: ['rightCheckBatch', 'enforcementPlaces'] },
  readZones: { query: ['enforcementPlaces'] },
  // The town's telephony provider posts the phone line's webhooks with the key (modules/phone,
  // phone-line-key.ts): no GraphQL operation at all.
  phoneLine: {},
  // End of machine keys.

  // Apps acting for a resident (OAuth 2, docs/graphql.md "Acting for a resident"): granted by
  // the resident on the consent page, limited to that resident's own products.
  /** See the resident's products with their balance, the sessions and history, live too. */
  readParking: {
    query: [
      'productGroups',
      'product',
      'sessions',
      'session',
      'sessionHistory',
      'transactionHistory',
    ],
    subscription: ['sessionEvents', 'balanceEvents'],
  },
  /** Start, change and stop sessions on the resident's products, and follow them live. */
  parkSessions: {
    query: ['quoteSession', 'sessions', 'recentPlates'],
    mutation: ['startSession', 'changeSessionEnd', 'stopSession', 'deleteSession'],
    subscription: ['sessionEvents', 'balanceEvents'],
  },
  /** See and change the resident's favourite plates. */
  manageFavorites: {
    query: ['favorites'],
    mutation: ['addFavorite', 'renameFavorite', 'deleteFavorite'],
  },
} as const satisfies Record<string, Operations>;

export type PartnerScope = keyof typeof scopeOperations;

// Machine keys: the scopes a town admin may give a machine key (partner-key.service.ts).
export const machineKeyScopes = [
  'rightCheck',
  'batchCheck',
  'readZones',
  'phoneLine',
] as const satisfies readonly PartnerScope[];
export type MachineKeyScope = (typeof machineKeyScopes)[number];
// End of machine keys.
export const partnerScopes = Object.keys(scopeOperations) as PartnerScope[];

/** The scopes an app acting for a resident may be registered for and ask for. */
export const residentAppScopes = ['readParking', 'parkSessions', 'manageFavorites'] as const;
export type ResidentAppScope = (typeof residentAppScopes)[number];

/** Every login may ask who it is and end itself. */
const alwaysAllowed: Readonly<Record<RootKind, ReadonlySet<string>>> = {
  query: new Set(['me']),
  mutation: new Set(['logout']),
  subscription: new Set(),
};

function allowedFor(kind: RootKind, name: string, scopes: ReadonlySet<string>): boolean {
  if (alwaysAllowed[kind].has(name)) return true;
  for (const scope of scopes) {
    const operations: Operations | undefined = (scopeOperations as Record<string, Operations>)[
      scope
    ];
    if (operations?.[kind]?.includes(name)) return true;
  }
  return false;
}

function refuse(kind: RootKind, name: string, context: unknown): void {
  const scopes = (context as Context | undefined)?.viewer?.scopes;
  if (scopes && !allowedFor(kind, name, scopes)) throw new AppError('FORBIDDEN');
}

/** Puts the scope check in front of every root field of `schema`, in place. */
export function withScopeGate(schema: GraphQLSchema): GraphQLSchema {
  return guardRootFields(schema, refuse);
}
