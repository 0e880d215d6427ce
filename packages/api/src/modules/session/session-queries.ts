import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../../graphql/viewer.js';
import { permitForViewer } from '../permit/permit-access.js';
import { ParkingSession } from '../../model/parking-session.entity.js';

/**
 * Running and planned sessions the viewer may see, oldest start first: of one product, or of
 * all products (the owner sees its delegates' sessions too; a delegate only its own).
 */
export async function openSessions(
  em: EntityManager,
  viewer: Viewer,
  now: Date,
  permitId: string | null,
): Promise<ParkingSession[]> {
  const open: FilterQuery<ParkingSession> = {
    status: { $in: ['planned', 'running'] },
    end: { $gt: now },
    stoppedAt: null,
  };
  let scope: FilterQuery<ParkingSession>;
  // A registration number + PIN login's "all products" is its one permit.
  const asked = permitId ?? viewer.permitOnly;
  if (asked) {
    const use = await permitForViewer(em, viewer, asked, 'read');
    scope = use.delegation
      ? { permit: use.permit.id, delegation: use.delegation.id }
      : { permit: use.permit.id };
  } else {
    scope = {
      $or: [
        { permit: { holder: viewer.holderAccountId } },
        { delegation: { delegate: viewer.holderAccountId, status: 'accepted' } },
      ],
    };
  }
  return em.find(
    ParkingSession,
    { $and: [open, scope] },
    { populate: ['permit.productType'], orderBy: { start: 'asc', id: 'asc' } },
  );
}
