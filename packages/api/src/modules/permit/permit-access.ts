import type { EntityManager } from '@mikro-orm/core';
import { isUuid } from '../../db/uuid.js';
import { AppError } from '../../graphql/app-error.js';
import type { Viewer } from '../../graphql/viewer.js';
import { Delegation } from '../../model/delegation.entity.js';
import { Permit, type PermitStatus } from '../../model/permit.entity.js';

/** How the viewer holds a permit: as its owner, or through an accepted delegation. */
export interface PermitUse {
  readonly permit: Permit;
  /** Set when the viewer is a delegate: they act within this delegation's budget and plate. */
  readonly delegation: Delegation | null;
}

/**
 * 'read': see it; 'use': start and change sessions (owner or delegate, product active);
 * 'own': top-up, favorites, delegations, plate switch (owner only, product active).
 */
export type PermitNeed = 'read' | 'use' | 'own';

/**
 * The one place that decides whether a resident or business may touch a permit. An unknown id
 * and someone else's permit answer alike (NOT_FOUND), so ids reveal nothing.
 */
export async function permitForViewer(
  em: EntityManager,
  viewer: Viewer,
  permitId: string,
  need: PermitNeed,
): Promise<PermitUse> {
  if (!isUuid(permitId)) throw new AppError('NOT_FOUND');
  const permit = await em.findOne(
    Permit,
    { id: permitId },
    { populate: ['productType', 'zone', 'municipality'] },
  );
  if (!permit) throw new AppError('NOT_FOUND');
  // A registration number + PIN login holds its one permit, and no other (docs/rules.md §6).
  if (viewer.permitOnly !== null) {
    if (permit.id !== viewer.permitOnly) throw new AppError('NOT_FOUND');
    checkPermitNeed(permit.status, false, need);
    return { permit, delegation: null };
  }
  let delegation: Delegation | null = null;
  // Whose products: the represented holder when acting for someone (docs/rules.md §6).
  if (permit.holder?.id !== viewer.holderAccountId) {
    delegation = await em.findOne(Delegation, {
      permit: permit.id,
      delegate: viewer.holderAccountId,
      status: 'accepted',
    });
    if (!delegation) throw new AppError(await noDelegationCode(em, permit.id, viewer));
  }
  checkPermitNeed(permit.status, delegation !== null, need);
  return { permit, delegation };
}

/**
 * A former delegate is told its delegation was revoked (docs/graphql.md, Errors): it knew the
 * permit already, so this reveals nothing; to anyone else the permit stays NOT_FOUND.
 */
async function noDelegationCode(
  em: EntityManager,
  permitId: string,
  viewer: Viewer,
): Promise<'DELEGATION_REVOKED' | 'NOT_FOUND'> {
  const revoked = await em.count(Delegation, {
    permit: permitId,
    delegate: viewer.holderAccountId,
    status: 'revoked',
  });
  return revoked > 0 ? 'DELEGATION_REVOKED' : 'NOT_FOUND';
}

/** What the product's state and the viewer's way of holding it allow (see `PermitNeed`). */
export function checkPermitNeed(status: PermitStatus, isDelegate: boolean, need: PermitNeed): void {
  if (need !== 'read') {
    if (status === 'blocked') throw new AppError('PRODUCT_BLOCKED');
    if (status === 'revoked') throw new AppError('PRODUCT_REVOKED');
  }
  if (need === 'own' && isDelegate) throw new AppError('PRODUCT_OWNER_ONLY');
}
