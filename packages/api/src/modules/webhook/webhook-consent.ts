import type { EntityManager } from '@mikro-orm/core';

/** A webhook subscription whose app a permit's holder has allowed to read their parking. */
export interface ConsentedSubscription {
  readonly subscriptionId: string;
  readonly eventTypes: readonly string[];
  readonly permitId: string;
  readonly accountId: string;
}

interface Row {
  subscription_id: string;
  event_types: string | string[];
  permit_id: string;
  account_id: string;
  grant_payload: string | Record<string, unknown>;
  grant_expires_at: Date | number | string | null;
}

const parsed = <T>(value: string | T): T =>
  typeof value === 'string' ? (JSON.parse(value) as T) : value;

/**
 * Events go only to apps the permit's holder consented to with `readParking`, the scope that
 * lets an app see sessions and balances (graphql/scope-gate.ts), by a grant not expired (on the
 * wall clock, as the authorization server keeps it) of an app not disabled; a subscription
 * paused by the platform admin gets none. One indexed, joined SELECT: the permit, its holder's
 * grants, their apps, the apps' subscriptions. `subscriptionId` narrows to one subscription.
 */
export async function consentedSubscriptions(
  tx: EntityManager,
  permitIds: readonly string[],
  subscriptionId: string | null = null,
): Promise<ConsentedSubscription[]> {
  if (permitIds.length === 0) return [];
  const rows = await tx.getConnection().execute<Row[]>(
    `select s.id as subscription_id, s.event_types, p.id as permit_id,
        g.account_id, g.payload as grant_payload, g.expires_at as grant_expires_at
      from permit p
      join oauth_record g on g.model = 'Grant' and g.account_id = p.holder_id
      join partner_app a on a.client_id = g.client_id and not a.disabled
      join webhook_subscription s on s.app_id = a.id and not s.disabled
      where p.id in (${permitIds.map(() => '?').join(', ')})${subscriptionId ? ' and s.id = ?' : ''}`,
    [...permitIds, ...(subscriptionId ? [subscriptionId] : [])],
    'all',
    tx.getTransactionContext(),
  );
  return rows
    .filter((row: Row) => {
      const expires = row.grant_expires_at === null ? null : new Date(row.grant_expires_at);
      if (expires !== null && expires.getTime() <= Date.now()) return false;
      const grant = parsed<{ openid?: { scope?: string } }>(row.grant_payload);
      return (grant.openid?.scope ?? '').split(' ').includes('readParking');
    })
    .map((row: Row) => ({
      subscriptionId: row.subscription_id,
      eventTypes: parsed<string[]>(row.event_types),
      permitId: row.permit_id,
      accountId: row.account_id,
    }));
}
