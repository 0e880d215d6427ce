import type { EntityManager } from '@mikro-orm/core';
import { normalisePlate } from '@parkeer/domain/plate/plate';
import { AppError } from '../../graphql/app-error.js';
import { pageSize } from '../../graphql/connection.js';
import type { Viewer } from '../../graphql/viewer.js';
import { lockPermit } from '../ledger/balance-book.js';
import { permitForViewer } from '../permit/permit-access.js';
import { PermitPlate } from '../../model/permit-plate.entity.js';
import { findRecentPlates, type RecentPlate } from './recent-plates.repository.js';

/** A permit's plates in a stable order, so a switch does not reorder the list on screen. */
export async function platesOfPermit(em: EntityManager, permitId: string): Promise<PermitPlate[]> {
  const plates = await em.find(PermitPlate, { permit: permitId });
  return plates.sort((a, b) => a.plate.localeCompare(b.plate));
}

/** Where the app gets plates from: the permit's own, and the ones parked lately (docs/rules.md §5, §6). */
export class PlateService {
  constructor(private readonly em: EntityManager) {}

  async recentPlates(viewer: Viewer, permitId: string, first: number): Promise<RecentPlate[]> {
    const limit = pageSize(first);
    const { permit, delegation } = await permitForViewer(this.em, viewer, permitId, 'read');
    return findRecentPlates(this.em, {
      permitId: permit.id,
      delegationId: delegation?.id ?? null,
      // The owner sees the favorites beside this list; a delegate cannot see them (docs/rules.md §7),
      // so hiding them would hide plates the delegate parked without showing them elsewhere.
      excludeFavorites: !delegation,
      limit,
    });
  }

  /** The owner's registered plates: a delegate sees no more of the owner than it needs. */
  async permitPlates(viewer: Viewer, permitId: string): Promise<PermitPlate[]> {
    const { permit, delegation } = await permitForViewer(this.em, viewer, permitId, 'read');
    if (delegation) throw new AppError('PRODUCT_OWNER_ONLY');
    return platesOfPermit(this.em, permit.id);
  }

  /**
   * Makes `plate` the permit's active plate (owner only). The unique index on `activeSlot` keeps
   * one active plate per permit, so the old slot is cleared before the new one is taken, in one
   * transaction; the permit row lock queues concurrent switches on PostgreSQL.
   */
  async switchPlate(viewer: Viewer, permitId: string, plate: string): Promise<PermitPlate[]> {
    const { permit } = await permitForViewer(this.em, viewer, permitId, 'own');
    const wanted = normalisePlate(plate);
    await this.em.transactional(async (tx) => {
      await lockPermit(tx, permit.id);
      const plates = await tx.find(PermitPlate, { permit: permit.id });
      const target = plates.find((candidate) => candidate.plate === wanted);
      if (!target) throw new AppError('PLATE_NOT_ON_PERMIT', { plate: wanted });
      if (target.active) return;
      // Native updates, in this order: a flush could write the new slot before clearing the old.
      await tx.nativeUpdate(PermitPlate, { permit: permit.id }, { activeSlot: null });
      await tx.nativeUpdate(PermitPlate, { id: target.id }, { activeSlot: permit.id });
    });
    // Read back after commit: what the database holds, not what this request assumed.
    return platesOfPermit(this.em.fork(), permit.id);
  }
}
