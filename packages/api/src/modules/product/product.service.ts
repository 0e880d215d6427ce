import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../../graphql/viewer.js';
import { Delegation } from '../../model/delegation.entity.js';
import { permitForViewer, type PermitUse } from '../permit/permit-access.js';
import { Permit } from '../../model/permit.entity.js';

const shown = ['productType', 'zone', 'municipality', 'holder'] as const;

/**
 * The viewer's products: the permits they hold and those delegated to them, in two statements
 * whatever their number. Ordered by municipality, then product name, then zone.
 */
export async function productsOfViewer(em: EntityManager, viewer: Viewer): Promise<PermitUse[]> {
  const [held, delegations] = await Promise.all([
    em.find(
      Permit,
      { holder: viewer.holderAccountId, status: { $ne: 'revoked' } },
      { populate: shown },
    ),
    em.find(
      Delegation,
      {
        delegate: viewer.holderAccountId,
        status: 'accepted',
        permit: { status: { $ne: 'revoked' } },
      },
      { populate: shown.map((relation) => `permit.${relation}` as const) },
    ),
  ]);
  const uses: PermitUse[] = [
    ...held.map((permit) => ({ permit, delegation: null })),
    ...delegations.map((delegation) => ({ permit: delegation.permit, delegation })),
  ];
  const sortKey = ({ permit }: PermitUse) =>
    [permit.municipality.name, permit.productType.code, permit.zone.code, permit.id].join('\u0000');
  return uses.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}

/** One product of the viewer (owner or delegate), for the product page. */
export async function productOfViewer(
  em: EntityManager,
  viewer: Viewer,
  permitId: string,
): Promise<PermitUse> {
  const use = await permitForViewer(em, viewer, permitId, 'read');
  await em.populate(use.permit, ['holder']);
  return use;
}
