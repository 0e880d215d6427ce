import type { EntityManager } from '@mikro-orm/core';
import type { RefundOccasion } from '@parkeer/domain/balance/top-up-policy';
import { checkReportedMoveDate, decideMove } from '@parkeer/domain/eligibility/moving';
import { formatPlate } from '@parkeer/domain/plate/plate';
import { localDateOf } from '@parkeer/domain/time/zoned-time';
import type { Language } from '@parkeer/shared/language';
import {
  errorMessage,
  type ErrorCode,
  type MessageParams,
} from '@parkeer/shared/messages/error-catalogue';
import { AppError } from '../../graphql/app-error.js';
import type { Viewer } from '../../graphql/viewer.js';
import { Account } from '../../model/account.entity.js';
import type { Address } from '../../model/address.entity.js';
import { PermitApplication } from '../../model/permit-application.entity.js';
import { Permit } from '../../model/permit.entity.js';
import { findAddress, type AddressQuestion } from '../address/address-lookup.js';
import { endOpenSessions, revokeOpenDelegations } from '../admin-permit/permit-wind-down.js';
import { refundUnusedPurchase, unusedPurchaseOf } from '../admin-permit/unused-purchase.js';
import { recordChange } from '../audit/audit-log.js';
import { actorForAccount } from '../counter/counter-actor.js';
import { CounterService } from '../counter/counter.service.js';
import {
  withPermitTransaction,
  type ChangeSink,
  type PermitWork,
} from '../ledger/permit-transaction.js';
import { requestLetter } from '../letter/letter-request.js';
import { loadProductRules } from '../product/product-rules.js';
import { nudgeWaitingLists } from '../quota/quota-places.js';
import type { PermitEvent } from '../session/permit-events.js';

/**
 * What a move does to one permit (docs/rules.md §2 moving):
 * - `moveAlong`: same zone; the permit, its plates and its balance move to the new address;
 * - `block`: a permit with a balance (a visitor permit) moving to another zone, or to an
 *   address that already has one: no more use; its unused purchase back on request;
 * - `end`: a permit without a balance (a resident permit) to another zone or out of paid
 *   parking: ends now with the pro-rata refund of its term, and an offer to apply anew;
 * - `revoke`: a permit with a balance moving out of paid parking: revoked, unused purchase back.
 */
export type MoveAction = 'moveAlong' | 'block' | 'end' | 'revoke';

export interface PermitMoveOutcome {
  readonly permit: Permit;
  readonly action: MoveAction;
  /** The rule that decided (a MOVE_* code). */
  readonly reason: ErrorCode;
  readonly params: MessageParams | null;
  /** Paid back with the move itself (a term's unused part, a revoked permit's balance). */
  readonly refundCents: number;
  /** What the holder may ask back later (a blocked visitor permit's unused purchase). */
  readonly refundOnRequestCents: number;
  /** The zone where the holder may apply again (a resident permit that ended). */
  readonly applyInZoneCode: string | null;
}

export interface MovePlan {
  readonly holderId: string;
  /** Our address at the new place; null when no town of ours knows it (no paid parking). */
  readonly address: Address | null;
  readonly addressLabel: string;
  readonly movedOn: string;
  readonly outcomes: readonly PermitMoveOutcome[];
}

/** Who reported the move: the holder in the SPA, or the population register. */
export type MoveSource = 'resident' | 'register';

const balanceOf = (permit: Permit) => Boolean(permit.productType.balanceUnit);

/**
 * Asks for the permit's letter about a move, from the permit itself (docs/rules.md §1 letters),
 * mailed to the holder; in the transaction of the outcome it tells.
 */
function requestMoveLetter(
  tx: EntityManager,
  permit: Permit,
  holder: Account,
  outcome: { reason: ErrorCode; params: MessageParams | null; refundCents: number },
  actorId: string,
  now: Date,
): void {
  const language: Language = holder.language;
  const plates = permit.plates.isInitialized()
    ? permit.plates
        .getItems()
        .sort((a, b) => Number(b.active) - Number(a.active))
        .map((plate) => formatPlate(plate.plate, plate.country))
    : [];
  const data = {
    language,
    town: { name: permit.municipality.name, logoUrl: permit.municipality.logoUrl ?? null },
    recipient: { name: holder.displayName ?? null, addressLabel: permit.addressLabel },
    product: { name: permit.productType.name[language], kind: permit.productType.kind },
    zone: { code: permit.zone.code, name: permit.zone.name },
    plates,
    validFrom: permit.validFrom.toISOString(),
    validUntil: permit.validUntil ? permit.validUntil.toISOString() : null,
    amounts: {
      priceCents: 0,
      feeCents: 0,
      totalCents: 0,
      refundCents: outcome.refundCents || null,
    },
    productCode: null,
    reason: errorMessage(outcome.reason, language, outcome.params ?? undefined),
    reference: permit.productCode,
  };
  requestLetter(tx, {
    kind: 'moved',
    municipalityId: permit.municipality.id,
    permitId: permit.id,
    applicationId: null,
    data,
    mailTo: holder.email ?? null,
    createdById: actorId,
    at: now,
  });
}

/**
 * docs/rules.md §2 moving: moves a household's permits when it moves, reported by the resident
 * or by the population register. Each permit's outcome is its own transaction on the locked
 * permit with its ledger rows, letter and audit entry; balance never moves between households
 * (a permit moves along with its own balance, or stops).
 */
export class MoveService {
  constructor(
    private readonly em: EntityManager,
    private readonly sink: ChangeSink<PermitEvent> | null = null,
  ) {}

  /** The resident's own move: the new address by postcode and number, and the date. */
  async planFor(viewer: Viewer, question: AddressQuestion, movedOn: string, now: Date) {
    const address = await findAddress(this.em, { viewer }, question);
    const today = localDateOf(now, 'Europe/Amsterdam');
    const dated = checkReportedMoveDate(movedOn, today);
    if (!dated.ok) throw new AppError(dated.reason, dated.params);
    const label =
      address?.label ??
      `${question.postcode.replace(/\s+/g, '').toUpperCase()} ${question.houseNumber}${(question.addition ?? '').trim().toUpperCase()}`;
    return this.plan(viewer.holderAccountId, address, label, movedOn, now);
  }

  /** What the move would do to each of the holder's active resident permits elsewhere. */
  async plan(
    holderId: string,
    address: Address | null,
    addressLabel: string,
    movedOn: string,
    now: Date,
  ): Promise<MovePlan> {
    const permits = await this.em.find(
      Permit,
      {
        holder: holderId,
        holderType: 'resident',
        status: 'active',
        $or: [{ validUntil: null }, { validUntil: { $gt: now } }],
      },
      {
        populate: ['productType', 'zone', 'municipality', 'plates'],
        orderBy: { createdAt: 'asc' },
      },
    );
    const outcomes: PermitMoveOutcome[] = [];
    for (const permit of permits) {
      if (address && permit.addressKey === address.key) continue;
      outcomes.push(await this.outcomeOf(permit, address, now));
    }
    return { holderId, address, addressLabel, movedOn, outcomes };
  }

  private async outcomeOf(
    permit: Permit,
    address: Address | null,
    now: Date,
  ): Promise<PermitMoveOutcome> {
    // A zone of another town is no zone of this permit's town: out of its paid parking.
    const toZone =
      address?.zone && address.municipality.id === permit.municipality.id ? address.zone : null;
    const newAddressHasPermit =
      toZone !== null &&
      permit.productType.onePerAddress &&
      (await this.em.count(Permit, {
        productType: permit.productType.id,
        addressSlot: address!.key,
        status: 'active',
        id: { $ne: permit.id },
      })) > 0;
    const decision = decideMove({
      fromZone: permit.zone.id,
      toZone: toZone?.id ?? null,
      newAddressHasPermit,
      policy: { refundUnusedOnRequest: true },
    });
    if (decision.action === 'keep') {
      return {
        permit,
        action: 'moveAlong',
        reason: 'MOVE_PERMIT_MOVES_ALONG',
        params: { address: address!.label },
        refundCents: 0,
        refundOnRequestCents: 0,
        applyInZoneCode: null,
      };
    }
    const params: MessageParams | null =
      decision.reason === 'MOVE_BLOCKED_OTHER_ZONE' ? { zone: toZone!.code } : null;
    if (balanceOf(permit)) {
      const occasion: RefundOccasion =
        decision.action === 'revoke' ? 'movedOutOfPaidParking' : 'movedToOtherZone';
      const refund = await unusedPurchaseOf(this.em, permit, occasion);
      const cents = refund.owed ? refund.value.refundCents : 0;
      return {
        permit,
        action: decision.action,
        reason: decision.reason,
        params,
        refundCents: decision.action === 'revoke' ? cents : 0,
        refundOnRequestCents: decision.action === 'block' ? cents : 0,
        applyInZoneCode: null,
      };
    }
    // A resident permit is bought per term: it ends, the unused part of the term comes back,
    // and the holder may apply in the new zone (docs/rules.md §1 early end refund).
    const refundCents = (await this.boughtAtCounter(permit))
      ? (
          await new CounterService(this.em).counterPermit(
            actorForAccount(permit.holder!.id, now).viewer!,
            permit.id,
            now,
          )
        ).refundIfEndedNowCents
      : 0;
    return {
      permit,
      action: 'end',
      reason: toZone ? 'MOVE_ENDED_OTHER_ZONE' : 'MOVE_REVOKED_NO_PAID_PARKING',
      params: toZone ? { zone: toZone.code } : null,
      refundCents,
      refundOnRequestCents: 0,
      applyInZoneCode: toZone?.code ?? null,
    };
  }

  /** Whether the permit's terms were bought at the counter (its early end refunds them). */
  private async boughtAtCounter(permit: Permit): Promise<boolean> {
    if (!permit.productType.counter) return false;
    const granted = await this.em.count(PermitApplication, {
      permit: permit.id,
      status: 'granted',
    });
    return granted > 0;
  }

  /** Carries out a plan: each permit in its own transaction (docs/rules.md §2 moving). */
  async carryOut(plan: MovePlan, source: MoveSource, actorId: string, now: Date) {
    const holder = await this.em.findOneOrFail(Account, plan.holderId);
    for (const outcome of plan.outcomes) {
      if (outcome.action === 'end' && (await this.boughtAtCounter(outcome.permit))) {
        // The counter's early end: the refund through the provider, its ledger rows, the
        // `ended` letter and its audit entry in one transaction; the move is audited after.
        const ended = await new CounterService(this.em, this.sink).end(
          actorForAccount(plan.holderId, now).viewer!,
          outcome.permit.id,
          null,
          now,
        );
        if ('refused' in ended) continue;
        await this.em.transactional(async (tx) => {
          recordChange(tx, actorForAccount(actorId, now), {
            action: 'permit.move',
            subjectType: 'permit',
            subjectId: outcome.permit.id,
            subjectLabel: outcome.permit.productCode,
            municipalityId: outcome.permit.municipality.id,
            before: { addressKey: outcome.permit.addressKey },
            after: {
              action: 'end',
              reason: outcome.reason,
              source,
              movedOn: plan.movedOn,
              refundCents: ended.ok.refundCents,
            },
          });
        });
        continue;
      }
      await withPermitTransaction<void, PermitEvent>(
        this.em,
        outcome.permit.id,
        now,
        async (unit) => this.apply(unit, outcome, plan, holder, source, actorId, now),
        { clear: true, sink: this.sink },
      );
    }
  }

  private async apply(
    unit: PermitWork<PermitEvent>,
    outcome: PermitMoveOutcome,
    plan: MovePlan,
    holder: Account,
    source: MoveSource,
    actorId: string,
    now: Date,
  ) {
    const { tx } = unit;
    const permit = await tx.findOneOrFail(
      Permit,
      { id: outcome.permit.id },
      { populate: ['productType', 'zone', 'municipality', 'plates'], refresh: true },
    );
    // Decided on what was read before the lock: a permit changed since is left for the next run.
    if (permit.status !== 'active' || permit.addressKey !== outcome.permit.addressKey) return;
    const before = {
      status: permit.status,
      addressKey: permit.addressKey,
      addressLabel: permit.addressLabel,
    };
    let refundCents = 0;
    let refundedAmount = 0;
    if (outcome.action === 'moveAlong') {
      permit.addressKey = plan.address!.key;
      permit.addressLabel = plan.address!.label;
      if (permit.addressSlot) permit.addressSlot = plan.address!.key;
    } else {
      // A product with sessions (a visitor permit) ends them as the holder would.
      if (permit.productType.sessionPolicy) {
        await endOpenSessions(unit, await loadProductRules(tx, permit), actorId, now);
      }
      // The household's place at the old address goes: the next household may apply there.
      permit.addressSlot = null;
      if (outcome.action === 'block') {
        permit.status = 'blocked';
        permit.movedAt = now;
      } else {
        await revokeOpenDelegations(unit, actorId, now);
        if (outcome.action === 'revoke') {
          const refund = await refundUnusedPurchase(unit, permit, 'movedOutOfPaidParking', {
            idempotencyKey: `move:${permit.id}`,
            actorId,
            at: now,
          });
          if (refund.owed && refund.amount > 0) {
            refundCents = refund.value.refundCents;
            refundedAmount = refund.amount;
          }
          permit.status = 'revoked';
        } else {
          permit.status = 'ended';
        }
        permit.validUntil = now;
        permit.movedAt = now;
        // Its place under the zone's quota is free: the first in line gets the offer at once
        // (docs/rules.md §2 quotas, passing offers along).
        await nudgeWaitingLists(tx, now);
      }
    }
    requestMoveLetter(
      tx,
      permit,
      holder,
      { reason: outcome.reason, params: outcome.params, refundCents },
      actorId,
      now,
    );
    recordChange(tx, actorForAccount(actorId, now), {
      action: 'permit.move',
      subjectType: 'permit',
      subjectId: permit.id,
      subjectLabel: permit.productCode,
      municipalityId: permit.municipality.id,
      before,
      after: {
        status: permit.status,
        addressKey: permit.addressKey,
        addressLabel: permit.addressLabel,
        action: outcome.action,
        reason: outcome.reason,
        source,
        movedOn: plan.movedOn,
        refundCents,
        refundedAmount,
        refundOnRequestCents: outcome.refundOnRequestCents,
      },
    });
    await tx.flush();
  }

  /**
   * docs/rules.md §2 moving: the holder of a visitor permit blocked by a move asks for its unused
   * purchase back (where the product refunds on moving); the permit is revoked with the refund.
   */
  async refundBlocked(viewer: Viewer, permitId: string, now: Date): Promise<number> {
    const holderId = viewer.holderAccountId;
    const holder = await this.em.findOneOrFail(Account, holderId);
    return withPermitTransaction<number, PermitEvent>(
      this.em,
      permitId,
      now,
      async (unit) => {
        const { tx } = unit;
        const permit = await tx.findOne(
          Permit,
          { id: permitId, holder: holderId },
          { populate: ['productType', 'zone', 'municipality', 'plates'], refresh: true },
        );
        if (!permit) throw new AppError('NOT_FOUND');
        if (permit.status !== 'blocked' || !permit.movedAt) {
          throw new AppError('MOVE_REFUND_NOT_BLOCKED');
        }
        await revokeOpenDelegations(unit, viewer.accountId, now);
        const refund = await refundUnusedPurchase(unit, permit, 'movedToOtherZone', {
          idempotencyKey: `move-refund:${permit.id}`,
          actorId: viewer.accountId,
          at: now,
        });
        const refundCents = refund.owed ? refund.value.refundCents : 0;
        const before = { status: permit.status };
        permit.status = 'revoked';
        permit.validUntil = now;
        // A blocked permit still holds its quota place until it is revoked (docs/rules.md §2
        // quotas, places taken): now it is free.
        await nudgeWaitingLists(tx, now);
        requestMoveLetter(
          tx,
          permit,
          holder,
          { reason: 'MOVE_BALANCE_REFUNDED', params: null, refundCents },
          viewer.accountId,
          now,
        );
        recordChange(tx, actorForAccount(viewer.accountId, now), {
          action: 'permit.move.refund',
          subjectType: 'permit',
          subjectId: permit.id,
          subjectLabel: permit.productCode,
          municipalityId: permit.municipality.id,
          before,
          after: {
            status: permit.status,
            refundCents,
            refundRefusal: refund.owed ? null : refund.refusal,
          },
        });
        await tx.flush();
        return refundCents;
      },
      { clear: true, sink: this.sink },
    );
  }
}
