import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { BillingContext } from '@parkeer/domain/billing/bill';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import {
  connectionFrom,
  decodeDateCursor,
  decodeSequenceCursor,
  encodeDateCursor,
  encodeSequenceCursor,
  newestFirstAfter,
  pageSize,
  type Connection,
} from '../../graphql/connection.js';
import { AppError } from '../../graphql/app-error.js';
import type { Viewer } from '../../graphql/viewer.js';
import { LedgerEntry } from '../../model/ledger-entry.entity.js';
import { permitForViewer } from '../permit/permit-access.js';
import type { Permit } from '../../model/permit.entity.js';
import { tariffsOf } from '../product/product-rules.js';
import { ParkingSession } from '../../model/parking-session.entity.js';

export interface PageRequest {
  readonly first: number;
  readonly after?: string | null;
}

export interface SessionHistoryPage {
  readonly connection: Connection<ParkingSession>;
  /** How the product bills, to split ended sessions into segments; null without a balance. */
  readonly billing: BillingContext | null;
  readonly unit: BalanceUnit | null;
}

export interface TransactionPage {
  readonly connection: Connection<LedgerEntry>;
  readonly unit: BalanceUnit | null;
}

/**
 * The two history tabs (docs/rules.md §8). The owner sees all sessions of the permit, the delegates'
 * too, and the permit's own balance changes; a delegate sees only its own sessions and no
 * transactions. Counting and paging happen in SQL: a permit's history grows without bound.
 */
export class HistoryService {
  constructor(private readonly em: EntityManager) {}

  async sessions(viewer: Viewer, permitId: string, page: PageRequest): Promise<SessionHistoryPage> {
    const first = pageSize(page.first);
    const after = page.after != null ? decodeDateCursor(page.after) : null;
    const { permit, delegation } = await permitForViewer(this.em, viewer, permitId, 'read');
    // Deleted planned sessions never happened.
    const where: FilterQuery<ParkingSession> = {
      permit: permit.id,
      status: { $ne: 'deleted' },
      ...(delegation ? { delegation: delegation.id } : {}),
    };
    const [totalCount, rows] = await Promise.all([
      this.em.count(ParkingSession, where),
      this.em.find(
        ParkingSession,
        after ? { $and: [where, newestFirstAfter('start', after)] } : where,
        {
          orderBy: { start: 'desc', id: 'desc' },
          limit: first + 1,
          populate: ['startedBy', 'startedByApp'],
        },
      ),
    ]);
    const connection = connectionFrom(rows, { first, totalCount }, (session) =>
      encodeDateCursor(session.start, session.id),
    );
    // Segments are shown for ended sessions; one past its end may not be settled yet.
    const needsBilling = connection.edges.some((edge) => edge.node.status !== 'planned');
    return {
      connection,
      billing: needsBilling ? await this.billingOf(permit) : null,
      unit: permit.productType.balanceUnit ?? null,
    };
  }

  async transactions(
    viewer: Viewer,
    permitId: string,
    page: PageRequest,
  ): Promise<TransactionPage> {
    const first = pageSize(page.first);
    const after = page.after != null ? decodeSequenceCursor(page.after) : null;
    const { permit, delegation } = await permitForViewer(this.em, viewer, permitId, 'read');
    // docs/rules.md §8: transactions are for the owner's own products only.
    if (delegation) throw new AppError('PRODUCT_OWNER_ONLY');
    const where: FilterQuery<LedgerEntry> = { permit: permit.id, pot: 'permit' };
    const [totalCount, rows] = await Promise.all([
      this.em.count(LedgerEntry, where),
      this.em.find(
        LedgerEntry,
        after ? { $and: [where, newestFirstAfter('sequence', after)] } : where,
        // Write order, not arrival time: each row's balanceAfter follows from the one below it.
        { orderBy: { sequence: 'desc', id: 'desc' }, limit: first + 1, populate: ['session'] },
      ),
    ]);
    const connection = connectionFrom(rows, { first, totalCount }, (entry) =>
      encodeSequenceCursor(entry.sequence, entry.id),
    );
    return { connection, unit: permit.productType.balanceUnit ?? null };
  }

  /** Loaded once per page, not per session: one tariff query at most. */
  private async billingOf(permit: Permit): Promise<BillingContext | null> {
    const { productType, zone, municipality } = permit;
    const unit = productType.balanceUnit;
    if (!unit) return null;
    return {
      regime: zone.regime,
      timeZone: municipality.timeZone,
      billing: {
        unit,
        minuteCounting: productType.minuteCounting,
        tariffs: await tariffsOf(this.em, permit),
      },
    };
  }
}
