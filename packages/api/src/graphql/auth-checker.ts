import type { AuthChecker } from 'type-graphql';
import type { Role } from '../model/account.entity.js';
import { AppError } from './app-error.js';
import type { Context } from './context.js';

/**
 * The first gate of every operation: `@Authorized()` needs a viewer, `@Authorized('enforcement')`
 * one of the listed roles. What a viewer may do with a particular permit is the service's check.
 */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  // Nobody logged in is UNAUTHENTICATED whatever the roles; a wrong role is FORBIDDEN.
  if (!context.viewer) throw new AppError('UNAUTHENTICATED');
  return roles.length === 0 || roles.includes(context.viewer.role);
};

/**
 * The same gate for a subscription, checked once when it starts. `@Authorized` on a
 * subscription field would also run for every event delivered to every subscriber, and that
 * showed in the delivery time of a thousand subscribers.
 */
export function authorizeSubscription(context: Context, roles: readonly Role[]): void {
  if (!context.viewer) throw new AppError('UNAUTHENTICATED');
  if (roles.length > 0 && !roles.includes(context.viewer.role)) throw new AppError('FORBIDDEN');
}
