import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../../graphql/viewer.js';
import { Delegation } from '../../model/delegation.entity.js';
import { permitForViewer } from '../permit/permit-access.js';
import { Permit } from '../../model/permit.entity.js';

/** A product a subscriber listens to, and how it holds it. */
export interface WatchedProduct {
  readonly productId: string;
  /** Set for a delegate: it sees only this delegation's sessions and pot. */
  readonly delegationId: string | null;
}

/**
 * The products a subscription covers, decided once when it starts: the one asked for (an
 * unknown or someone else's is NOT_FOUND), or all the viewer holds or uses by delegation.
 * A product coupled later needs a new subscription.
 */
export async function watchedProducts(
  em: EntityManager,
  viewer: Viewer,
  productId: string | null,
): Promise<WatchedProduct[]> {
  // A registration number + PIN login's "all products" is its one permit.
  const asked = productId ?? viewer.permitOnly;
  if (asked !== null) {
    const { permit, delegation } = await permitForViewer(em, viewer, asked, 'read');
    return [{ productId: permit.id, delegationId: delegation?.id ?? null }];
  }
  const [owned, delegations] = await Promise.all([
    em.find(Permit, { holder: viewer.holderAccountId }, { fields: ['id'] }),
    em.find(
      Delegation,
      { delegate: viewer.holderAccountId, status: 'accepted' },
      { fields: ['id', 'permit'] },
    ),
  ]);
  return [
    ...owned.map((permit) => ({ productId: permit.id, delegationId: null })),
    ...delegations.map((d) => ({ productId: d.permit.id, delegationId: d.id })),
  ];
}
