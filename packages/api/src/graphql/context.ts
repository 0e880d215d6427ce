import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Language } from '@parkeer/shared/language';
import type { Viewer } from './viewer.js';
import type { HttpSession } from './http-session.js';
import type { LivePubSub } from './pubsub.js';
import { currentRequestId } from '../logging/request-id.js';
import { clientAddressOf } from '../http/client-address.js';
import { languageFromHeader } from '../http/accept-language.js';

/**
 * What one GraphQL operation (or one subscription) works with: its own EntityManager fork, so
 * no identity map is shared between requests, the authenticated viewer and the language.
 */
export type Context = {
  readonly em: EntityManager;
  readonly viewer: Viewer | null;
  readonly language: Language;
  readonly requestId: string;
  readonly http: HttpSession;
  /** The clock of this operation; tests set it, production reads the system clock once. */
  readonly now: Date;
  /** This operation's DataLoaders by name (see `loader`): batches field resolvers' lookups. */
  readonly loaders: Map<string, unknown>;
  /** Where changes are published for subscribers (see pubsub.ts). */
  readonly pubSub: LivePubSub;
  /** The client's address (TRUST_PROXY honoured), the same over HTTP and graphql-ws: per-client limits. */
  readonly clientAddress: string;
};

export function createContext(
  em: EntityManager,
  req: IncomingMessage,
  viewer: Viewer | null,
  http: HttpSession,
  now: Date,
  pubSub: LivePubSub,
): Context {
  return {
    em,
    viewer,
    http,
    now,
    pubSub,
    loaders: new Map(),
    clientAddress: clientAddressOf(req),
    language: viewer?.language ?? languageFromHeader(req.headers['accept-language']),
    requestId: currentRequestId() ?? randomUUID(),
  };
}

/** Who acts and when, as services take it: the values, not the context (admin-scope.ts). */
export function actorOf(ctx: Pick<Context, 'viewer' | 'now'>): {
  readonly viewer: Viewer | null;
  readonly now: Date;
} {
  return { viewer: ctx.viewer, now: ctx.now };
}
