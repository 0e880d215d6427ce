import type { EntityManager } from '@mikro-orm/core';
import type { Language } from '@parkeer/shared/language';
import { AppError } from '../../graphql/app-error.js';
import type { Viewer } from '../../graphql/viewer.js';

/**
 * Who changes something in the back office, and when: all that the admin rules and the audit log
 * read of a request. Resolvers pass these values; services never see the GraphQL context.
 */
export interface Actor {
  readonly viewer: Viewer | null;
  readonly now: Date;
}

/**
 * The audit log's actor for work no signed-in request does (a payment's webhook grants what its
 * payer applied for; the waiting lists' job passes an offer along): the account that caused it.
 */
export function actorForAccount(accountId: string, now: Date): Actor {
  return {
    viewer: {
      accountId,
      role: 'resident',
      municipalityId: null,
      language: 'nl',
      authSessionId: '',
      via: 'cookie',
      holderAccountId: accountId,
      permitOnly: null,
      scopes: null,
      signIn: { method: 'password', assurance: null },
      actingFor: null,
    },
    now,
  };
}

/** An admin's work on permits: the actor, its unit of work and the language labels are in. */
export interface AdminWork extends Actor {
  readonly em: EntityManager;
  readonly language: Language;
}

/** The values an admin service uses, taken from a resolver's context (and nothing more). */
export function adminWorkOf(ctx: AdminWork): AdminWork {
  return { em: ctx.em, viewer: ctx.viewer, now: ctx.now, language: ctx.language };
}

/**
 * The municipality a municipal admin manages. The role gate (`@Authorized('municipalAdmin')`)
 * has run before, and an admin account has a municipality by construction.
 */
export function adminTown({ viewer }: Pick<Actor, 'viewer'>): string {
  const town = viewer?.municipalityId;
  if (!town) throw new AppError('FORBIDDEN');
  return town;
}

/**
 * Refuses a subject of another town as if it did not exist: an admin of town A learns nothing
 * of town B, not even that an id is in use there.
 */
export function requireOwnTown(
  actor: Pick<Actor, 'viewer'>,
  municipalityId: string | null | undefined,
): void {
  if (!municipalityId || municipalityId !== adminTown(actor)) throw new AppError('NOT_FOUND');
}
