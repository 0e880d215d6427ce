import type { EntityManager } from '@mikro-orm/core';
import type { AdminWork } from '../admin/admin-scope.js';
import { Delegation } from '../../model/delegation.entity.js';
import { ParkingSession } from '../../model/parking-session.entity.js';
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
  const [openDelegations, openSessions] = await Promise.all([
    em.count(Delegation, { permit: id, status: { $in: ['invited', 'accepted'] } }),
    em.count(ParkingSession, {
      permit: id,
      status: { $in: ['planned', 'running'] },
      end: { $gt: work.now },
      stoppedAt: null,
    }),
  ]);
  return toAdminPermitDetailsDto(permit, { openDelegations, openSessions }, work.language);
}
