import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Language } from '@parkeer/shared/language';
import type { Viewer } from '../modules/auth/viewer.js';
import type { HttpSession } from './http-session.js';

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
};

/** Dutch unless the browser prefers English; an account's own setting wins once logged in. */
export function languageFromHeader(acceptLanguage: string | undefined): Language {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'nl';
}

export function createContext(
  em: EntityManager,
  req: IncomingMessage,
  viewer: Viewer | null,
  http: HttpSession,
  now: Date,
): Context {
  return {
    em,
    viewer,
    http,
    now,
    loaders: new Map(),
    language: viewer?.language ?? languageFromHeader(req.headers['accept-language']),
    requestId: (req.headers['x-request-id'] as string | undefined) ?? randomUUID(),
  };
}
