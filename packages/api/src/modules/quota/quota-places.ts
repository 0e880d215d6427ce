import type { EntityManager } from '@mikro-orm/core';
import {
  hasFreePlace,
  rankOfNewcomer,
  type PlacesHeld,
  type QuotaSetting,
} from '@parkeer/domain/quota/quota';
import { PermitApplication } from '../../model/permit-application.entity.js';
import { Permit } from '../../model/permit.entity.js';
import { ZoneQuota } from '../../model/zone-quota.entity.js';

/** A quota as its claimer holds it: no one else hands out its places until the commit. */
export interface ClaimedQuota extends QuotaSetting {
  readonly id: string;
}

/** The list one application waits on: its zone and permit type. */
export interface ListKey {
  readonly zoneId: string;
  readonly productTypeId: string;
}

/**
 * Takes the quota's row lock (docs/rules.md §2 quotas): the first statement of every
 * transaction that hands out a place or changes the list, so two of them take turns and grants
 * never exceed the quota (PostgreSQL's row lock; SQLite runs one writer at a time). Null: no
 * quota, nothing to take turns for.
 */
export async function claimQuota(tx: EntityManager, key: ListKey): Promise<ClaimedQuota | null> {
  await tx
    .getConnection()
    .execute(
      'update zone_quota set claims = claims + 1 where zone_id = ? and product_type_id = ?',
      [key.zoneId, key.productTypeId],
      'run',
      tx.getTransactionContext(),
    );
  const quota = await tx.findOne(
    ZoneQuota,
    { zone: key.zoneId, productType: key.productTypeId },
    { refresh: true },
  );
  return quota ? { id: quota.id, limit: quota.limit, offerDays: quota.offerDays } : null;
}

/** Statuses of a new application that hold a place: an open offer, or on its way to a permit. */
export const placeHoldingStatuses = ['offered', 'awaitingPayment', 'awaitingReview'] as const;

/** What holds the list's places now (docs/rules.md §2 quotas, places taken). */
export async function placesHeld(tx: EntityManager, key: ListKey, now: Date): Promise<PlacesHeld> {
  const [permits, offers, applications] = await Promise.all([
    tx.count(Permit, {
      zone: key.zoneId,
      productType: key.productTypeId,
      status: { $in: ['active', 'blocked'] },
      $or: [{ validUntil: null }, { validUntil: { $gt: now } }],
    }),
    tx.count(PermitApplication, {
      zone: key.zoneId,
      productType: key.productTypeId,
      kind: 'new',
      status: 'offered',
    }),
    tx.count(PermitApplication, {
      zone: key.zoneId,
      productType: key.productTypeId,
      kind: 'new',
      status: { $in: ['awaitingPayment', 'awaitingReview'] },
    }),
  ]);
  return { permits, offers, applications };
}

/** The applications waiting on a list, each with what ordering needs. */
export async function waitingOn(tx: EntityManager, key: ListKey): Promise<PermitApplication[]> {
  return tx.find(
    PermitApplication,
    { zone: key.zoneId, productType: key.productTypeId, kind: 'new', status: 'waitlisted' },
    { orderBy: { waitlistRank: 'asc', createdAt: 'asc', id: 'asc' } },
  );
}

/** An application as the domain's waiting-list entry. */
export const entryOf = (application: PermitApplication) => ({
  id: application.id,
  rank: application.waitlistRank ?? 0,
  joinedAt: application.createdAt,
});

/**
 * docs/rules.md §2 quotas (full quota): called by the counter inside the transaction that stores
 * a new application, before it is stored. Null: there is a place (or no quota), it goes on to
 * payment. Otherwise the rank it joins the waiting list with, behind everyone waiting; a free
 * place goes to those already waiting first.
 */
export async function waitingListPlace(
  tx: EntityManager,
  key: ListKey,
  now: Date,
): Promise<{ readonly rank: number } | null> {
  const quota = await claimQuota(tx, key);
  if (!quota) return null;
  const [held, waiting] = await Promise.all([placesHeld(tx, key, now), waitingOn(tx, key)]);
  if (hasFreePlace(quota, held, waiting.length)) return null;
  return { rank: rankOfNewcomer(waiting.map(entryOf)) };
}

/** Brings the waiting lists' job forward to now (docs/rules.md §2 quotas); see db/job-nudges. */
export { nudgeWaitingLists } from '../../db/job-nudges.js';
