import type { EntityManager } from '@mikro-orm/core';
import type { AdminWork } from '../admin/admin-scope.js';
import { Delegation } from '../../model/delegation.entity.js';
import { ParkingSession } from '../../model/parking-session.entity.js';
import { PermitApplication } from '../../model/permit-application.entity.js';
import { permitOfTown } from './admin-permit-search.js';
import { toAdminPermitDetailsDto } from './admin-permit.mapper.js';
import type { AdminPermitDetailsDto } from './admin-permit.types.js';

/** The permit as the database now holds it, with its use counts (a fresh identity map). */
export async function details(
  work: AdminWork,
  id: string,
  em: EntityManager = work.em.fork(),
): Promise<AdminPermitDetailsDto> {
  const permit = await permitOfTown(work, em, id);
  const [openDelegations, openSessions, establishmentNumber] = await Promise.all([
    em.count(Delegation, { permit: id, status: { $in: ['invited', 'accepted'] } }),
    em.count(ParkingSession, {
      permit: id,
      status: { $in: ['planned', 'running'] },
      end: { $gt: work.now },
      stoppedAt: null,
    }),
    permit.holderType === 'business' ? establishmentOf(em, id) : null,
  ]);
  return toAdminPermitDetailsDto(
    permit,
    { openDelegations, openSessions, establishmentNumber },
    work.language,
  );
}

/**
 * The establishment a business permit is for (docs/rules.md §2 business permits): the permit
 * does not keep it, the application that granted it (or its newest renewal) does; a permit the
 * back office issued has none.
 */
async function establishmentOf(em: EntityManager, permitId: string): Promise<string | null> {
  const application = await em.findOne(
    PermitApplication,
    {
      permit: permitId,
      kind: { $in: ['new', 'renewal'] },
      status: 'granted',
      establishmentNumber: { $ne: null },
    },
    { orderBy: { createdAt: 'desc', id: 'desc' }, fields: ['establishmentNumber'] },
  );
  return application?.establishmentNumber ?? null;
}
