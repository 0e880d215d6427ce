import type { EntityManager } from '@mikro-orm/core';
import type { RefundOccasion } from '@parkeer/domain/balance/top-up-policy';
import { formatPlate, parsePlate } from '@parkeer/domain/plate/plate';
import { isUuid } from '../../db/uuid.js';
import { checkVehicles, permitZones } from '../vehicle/vehicle-check.js';
import { AppError, refuseProblems } from '../../graphql/app-error.js';
import { requireOwnTown, type AdminWork } from '../admin/admin-scope.js';
import { recordChange } from '../audit/audit-log.js';
import type { Delegation } from '../../model/delegation.entity.js';
import {
  withPermitTransaction,
  type ChangeSink,
  type PermitWork,
} from '../ledger/permit-transaction.js';
import { PermitPlate } from '../../model/permit-plate.entity.js';
import { Permit } from '../../model/permit.entity.js';
import { plateRightKinds } from '@parkeer/domain/product/product-kinds';
import { loadProductRules } from '../product/product-rules.js';
import { nudgeWaitingLists } from '../../db/job-nudges.js';
import type { PermitEvent } from '../session/permit-events.js';
import type { StoredSession } from '../session/session-store.js';
import { endOpenSessions, revokeOpenDelegations } from './permit-wind-down.js';
import { refundUnusedPurchase } from './unused-purchase.js';

const reasonMaxLength = 500;

/** What a change did to the permit. */
export interface PermitChange {
  readonly permit: Permit;
  readonly endedSessions: readonly StoredSession[];
  readonly revokedDelegations: readonly Delegation[];
}

export interface Revocation extends PermitChange {
  readonly refundCents: number | null;
  readonly refundedAmount: number;
  readonly refundRefusal: string | null;
}

/** The audit's picture of a permit's state: what block, revoke and plate change touch. */
function stateOf(permit: Permit) {
  return {
    status: permit.status,
    balance: permit.balance,
    addressSlot: permit.addressSlot ?? null,
  };
}

/**
 * The back office's changes to one permit of the admin's town (issue 6, Permits). Each runs in
 * one transaction on the locked permit and writes its audit entry in it; a permit of another
 * town answers NOT_FOUND, as an unknown id.
 */
export class AdminPermitService {
  /** `sink` hears, after each commit, the sessions ended, pots moved and access ended. */
  constructor(
    private readonly admin: AdminWork,
    private readonly sink: ChangeSink<PermitEvent> | null = null,
  ) {}

  private get actorId(): string {
    return this.admin.viewer!.accountId;
  }

  /** Runs `work` in the unit of work of the locked permit of the admin's town, settings loaded. */
  private inTransaction<T>(
    id: string,
    work: (tx: EntityManager, permit: Permit, unit: PermitWork<PermitEvent>) => Promise<T>,
  ) {
    if (!isUuid(id)) throw new AppError('NOT_FOUND');
    return withPermitTransaction<T, PermitEvent>(
      this.admin.em,
      id,
      this.admin.now,
      async (unit) => {
        const { tx } = unit;
        const permit = await tx.findOneOrFail(
          Permit,
          { id },
          {
            populate: ['productType', 'zone', 'municipality', 'holder', 'plates'],
            refresh: true,
          },
        );
        requireOwnTown(this.admin, permit.municipality.id);
        // Ended at the counter or by a move (docs/rules.md §1 early end refund, §2 Moving): over
        // for good, like a revoked one. Blocking and then unblocking it would make it active again.
        if (permit.status === 'ended') throw new AppError('COUNTER_PERMIT_NOT_ACTIVE');
        const result = await work(tx, permit, unit);
        await tx.flush();
        return result;
      },
      { sink: this.sink },
    );
  }

  private audit(
    tx: EntityManager,
    permit: Permit,
    action: string,
    before: unknown,
    after: unknown,
  ) {
    recordChange(tx, this.admin, {
      action,
      subjectType: 'permit',
      subjectId: permit.id,
      subjectLabel: permit.productCode,
      municipalityId: permit.municipality.id,
      before,
      after,
    });
  }

  /**
   * Takes the permit out of use until it is unblocked: no new sessions, no right in the
   * right-check, and its open sessions end now. Its balance and delegations stay.
   */
  block(id: string, reason: string): Promise<PermitChange> {
    const why = reason.trim();
    refuseProblems([
      ...(why === '' ? [{ code: 'SETTING_REQUIRED' as const, path: 'reason' }] : []),
      ...(why.length > reasonMaxLength
        ? [{ code: 'SETTING_TOO_LONG' as const, path: 'reason', params: { max: reasonMaxLength } }]
        : []),
    ]);
    return this.inTransaction(id, async (tx, permit, unit) => {
      if (permit.status === 'revoked') throw new AppError('PERMIT_ALREADY_REVOKED');
      if (permit.status === 'blocked') throw new AppError('PERMIT_ALREADY_BLOCKED');
      const before = stateOf(permit);
      // A product without sessions (a resident permit) has none to end, and no session rules.
      const endedSessions = permit.productType.sessionPolicy
        ? await endOpenSessions(
            unit,
            await loadProductRules(tx, permit),
            this.actorId,
            this.admin.now,
          )
        : [];
      permit.status = 'blocked';
      this.audit(tx, permit, 'permit.block', before, {
        ...stateOf(permit),
        reason: why,
        endedSessions: endedSessions.length,
      });
      return { permit, endedSessions, revokedDelegations: [] };
    });
  }

  unblock(id: string): Promise<PermitChange> {
    return this.inTransaction(id, async (tx, permit) => {
      if (permit.status === 'revoked') throw new AppError('PERMIT_ALREADY_REVOKED');
      if (permit.status !== 'blocked') throw new AppError('PERMIT_NOT_BLOCKED');
      const before = stateOf(permit);
      permit.status = 'active';
      this.audit(tx, permit, 'permit.unblock', before, stateOf(permit));
      return { permit, endedSessions: [], revokedDelegations: [] };
    });
  }

  /**
   * Ends the permit for good (docs/rules.md §2: moving out of paid parking, and other occasions): its
   * sessions are settled and its delegations returned first, then what is left of the bought
   * balance is refunded where the product's policy owes it on this occasion, as a 'refund'
   * ledger row. The address's one place is freed. A second revocation is refused under the
   * permit's lock, and the refund row's idempotency key stops a second refund in any case.
   */
  revoke(id: string, occasion: RefundOccasion): Promise<Revocation> {
    return this.inTransaction(id, async (tx, permit, unit) => {
      if (permit.status === 'revoked') throw new AppError('PERMIT_ALREADY_REVOKED');
      const before = stateOf(permit);
      // A product without sessions (a resident permit) has none to end, and no session rules.
      const endedSessions = permit.productType.sessionPolicy
        ? await endOpenSessions(
            unit,
            await loadProductRules(tx, permit),
            this.actorId,
            this.admin.now,
          )
        : [];
      const revokedDelegations = await revokeOpenDelegations(unit, this.actorId, this.admin.now);
      const refund = await refundUnusedPurchase(unit, permit, occasion, {
        idempotencyKey: `revoke:${permit.id}`,
        actorId: this.actorId,
        at: this.admin.now,
      });
      permit.status = 'revoked';
      permit.addressSlot = null;
      // Its place under the zone's quota is free: the first in line gets the offer at once
      // (docs/rules.md §2 quotas, passing offers along), not on the job's next round.
      await nudgeWaitingLists(tx, this.admin.now);
      const refundCents = refund.owed ? refund.value.refundCents : null;
      this.audit(tx, permit, 'permit.revoke', before, {
        ...stateOf(permit),
        occasion,
        refundCents,
        refundedAmount: refund.owed ? refund.amount : 0,
        refundRefusal: refund.owed ? null : refund.refusal,
        endedSessions: endedSessions.length,
        revokedDelegations: revokedDelegations.length,
      });
      return {
        permit,
        endedSessions,
        revokedDelegations,
        refundCents,
        refundedAmount: refund.owed ? refund.amount : 0,
        refundRefusal: refund.owed ? null : refund.refusal,
      };
    });
  }

  /**
   * docs/rules.md §2 vehicle check, as at the counter, asked before the permit's transaction so
   * no row lock waits on RDW. The official is the review: an unanswered register does not stop
   * the change, a refusing one does. Another town's permit is NOT_FOUND, as in the change.
   */
  private async checkVehicle(id: string, wanted: { normalised: string; country: string }) {
    if (!isUuid(id)) throw new AppError('NOT_FOUND');
    const permit = await this.admin.em.findOne(
      Permit,
      { id },
      { populate: ['productType', 'zone', 'municipality'] },
    );
    if (!permit) throw new AppError('NOT_FOUND');
    requireOwnTown(this.admin, permit.municipality.id);
    if (!plateRightKinds.includes(permit.productType.kind)) return;
    const [refused] =
      (
        await checkVehicles({
          eligibility: permit.productType.eligibility,
          zones: await permitZones(this.admin.em, permit.productType, permit.zone),
          plates: [{ plate: wanted.normalised, country: wanted.country }],
        })
      ).refusals ?? [];
    if (refused) throw new AppError(refused.rule, refused.params ?? undefined);
  }

  /**
   * Replaces the permit's active plate (a new car): the new plate becomes the active one and
   * the old active plate is taken off; other registered plates stay. A plate already active is
   * left as it is, so a retried change does nothing twice.
   */
  async changePlate(id: string, plate: string, country?: string | null): Promise<PermitChange> {
    const parsed = parsePlate(plate, country ?? undefined);
    if (!parsed.ok) throw new AppError(parsed.reason, parsed.params);
    const wanted = parsed.plate;
    await this.checkVehicle(id, wanted);
    return this.inTransaction(id, async (tx, permit) => {
      if (permit.status === 'revoked') throw new AppError('PERMIT_ALREADY_REVOKED');
      if (!plateRightKinds.includes(permit.productType.kind))
        throw new AppError('PERMIT_HAS_NO_PLATE');
      const plates = permit.plates.getItems();
      const active = plates.find((candidate) => candidate.active) ?? null;
      const shown = (p: { plate: string; country: string } | null) =>
        p ? formatPlate(p.plate, p.country) : null;
      if (active?.plate === wanted.normalised && active.country === wanted.country) {
        return { permit, endedSessions: [], revokedDelegations: [] };
      }
      const registered = plates.find((candidate) => candidate.plate === wanted.normalised);
      // Native statements in this order, as the plate switch: the unique active slot must be
      // free before it is taken, which a flush would not guarantee.
      await tx.nativeUpdate(PermitPlate, { permit: permit.id }, { activeSlot: null });
      // The same plate with another country is that plate's row: it stays, with the new country.
      if (active && active.id !== registered?.id) {
        await tx.nativeDelete(PermitPlate, { id: active.id });
      }
      if (registered) {
        await tx.nativeUpdate(
          PermitPlate,
          { id: registered.id },
          { activeSlot: permit.id, country: wanted.country },
        );
      } else {
        // Flushed at the end of the transaction, after the statements above.
        tx.create(PermitPlate, {
          permit,
          plate: wanted.normalised,
          country: wanted.country,
          activeSlot: permit.id,
        });
      }
      this.audit(
        tx,
        permit,
        'permit.plate.change',
        { plate: shown(active) },
        {
          plate: wanted.display,
        },
      );
      return { permit, endedSessions: [], revokedDelegations: [] };
    });
  }
}
