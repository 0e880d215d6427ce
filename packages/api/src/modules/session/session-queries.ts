import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { isUuid } from '../../db/uuid.js';
import { AppError } from '../../graphql/app-error.js';
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

/**
 * One session the viewer may see, whatever its status: of a permit it holds, or, for a delegate,
 * one of its own delegation's. Anyone else's is NOT_FOUND, as in `openSessions`.
 */
export async function sessionOfViewer(
  em: EntityManager,
  viewer: Viewer,
  sessionId: string,
): Promise<ParkingSession> {
  if (!isUuid(sessionId)) throw new AppError('NOT_FOUND');
  const session = await em.findOne(
    ParkingSession,
    { id: sessionId },
    { populate: ['permit.productType'] },
  );
  if (!session) throw new AppError('NOT_FOUND');
  const use = await permitForViewer(em, viewer, session.permit.id, 'read');
  if (use.delegation && session.delegation?.id !== use.delegation.id) {
    throw new AppError('NOT_FOUND');
  }
  return session;
}
