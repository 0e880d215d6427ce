import {
  defaultOfferDays,
  freePlaces,
  moveTo,
  positionOf,
  validateQuotaSetting,
  type PlacesHeld,
} from '@parkeer/domain/quota/quota';
import type { Language } from '@parkeer/shared/language';
import { isUuid } from '../../db/uuid.js';
import { AppError, refuseProblems } from '../../graphql/app-error.js';
import { Account } from '../../model/account.entity.js';
import { PermitApplication } from '../../model/permit-application.entity.js';
import { ProductType } from '../../model/product-type.entity.js';
import { Zone } from '../../model/zone.entity.js';
import { ZoneQuota } from '../../model/zone-quota.entity.js';
import { adminTown, requireOwnTown, type AdminWork } from '../admin/admin-scope.js';
import { applicationSubject, recordChange } from '../audit/audit-log.js';
import { composeMail } from '../mail/mail-composer.js';
import { queueMail } from '../mail/mail-outbox.js';
import { makeOffer } from './quota-offers.js';
import {
  claimQuota,
  entryOf,
  nudgeWaitingLists,
  placesHeld,
  waitingOn,
  type ListKey,
} from './quota-places.js';

export interface QuotaView {
  readonly quota: ZoneQuota;
  readonly held: PlacesHeld;
  readonly waiting: number;
}

export interface WaitingListEntryView {
  readonly application: PermitApplication;
  /** 1 for the first in line; null for an open offer. */
  readonly position: number | null;
}

export interface QuotaInput {
  readonly zoneId: string;
  readonly productTypeId: string;
  /** Null removes the quota. */
  readonly limit: number | null;
  readonly offerDays: number;
}

const maxReason = 2000;
const populated = ['productType', 'municipality', 'zone', 'applicant'] as const;

/**
 * The back office of quotas and waiting lists (docs/rules.md §2 quotas), for the admin's own
 * town: another town's zone, type or application is NOT_FOUND. Every change is audited in its
 * own transaction, which holds the quota's claim.
 */
export class QuotaAdminService {
  constructor(private readonly work: AdminWork) {}

  private get em() {
    return this.work.em;
  }

  async quotas(): Promise<QuotaView[]> {
    const town = adminTown(this.work);
    const quotas = await this.em.find(
      ZoneQuota,
      { municipality: town },
      { populate: ['zone', 'productType'], orderBy: { zone: { code: 'asc' } } },
    );
    return Promise.all(quotas.map((quota) => this.viewOf(quota)));
  }

  private async viewOf(quota: ZoneQuota): Promise<QuotaView> {
    const key = { zoneId: quota.zone.id, productTypeId: quota.productType.id };
    const [held, waiting] = await Promise.all([
      placesHeld(this.em, key, this.work.now),
      waitingOn(this.em, key),
    ]);
    return { quota, held, waiting: waiting.length };
  }

  /** The zone and permit type of the admin's town, or NOT_FOUND. */
  private async ownList(key: ListKey): Promise<{ zone: Zone; productType: ProductType }> {
    if (!isUuid(key.zoneId) || !isUuid(key.productTypeId)) throw new AppError('NOT_FOUND');
    const [zone, productType] = await Promise.all([
      this.em.findOne(Zone, key.zoneId),
      this.em.findOne(ProductType, key.productTypeId),
    ]);
    requireOwnTown(this.work, zone?.municipality.id);
    requireOwnTown(this.work, productType?.municipality.id);
    return { zone: zone!, productType: productType! };
  }

  /**
   * Sets (or with a null limit removes) the quota of a type in a zone. Validated whole, audited.
   * A quota raised or removed frees places: the waiting lists' job runs at once.
   */
  async setQuota(input: QuotaInput): Promise<QuotaView | null> {
    const { zone, productType } = await this.ownList(input);
    if (input.limit !== null) {
      refuseProblems(
        validateQuotaSetting({ limit: input.limit, offerDays: input.offerDays }, 'quota'),
      );
    }
    const { now } = this.work;
    const id = await this.em.transactional(async (tx) => {
      const existing = await tx.findOne(ZoneQuota, { zone: zone.id, productType: productType.id });
      const before = existing ? { limit: existing.limit, offerDays: existing.offerDays } : null;
      let quota: ZoneQuota | null = existing;
      if (input.limit === null) {
        if (existing) tx.remove(existing);
        quota = null;
      } else if (existing) {
        existing.limit = input.limit;
        existing.offerDays = input.offerDays;
        existing.updatedAt = now;
      } else {
        quota = tx.create(ZoneQuota, {
          municipality: zone.municipality.id,
          zone: zone.id,
          productType: productType.id,
          limit: input.limit,
          offerDays: input.offerDays,
          updatedAt: now,
        });
      }
      recordChange(tx, this.work, {
        action: 'quota.set',
        subjectType: 'zoneQuota',
        subjectId: quota?.id ?? existing?.id ?? `${zone.id}:${productType.id}`,
        subjectLabel: `${zone.code} ${productType.code}`,
        municipalityId: zone.municipality.id,
        before,
        after: quota ? { limit: quota.limit, offerDays: quota.offerDays } : null,
      });
      await tx.flush();
      await nudgeWaitingLists(tx, now);
      return quota?.id ?? null;
    });
    if (!id) return null;
    const quota = await this.em.findOneOrFail(
      ZoneQuota,
      { id },
      { populate: ['zone', 'productType'], refresh: true },
    );
    return this.viewOf(quota);
  }

  /** The list of a zone and type: open offers first (with their deadlines), then in line. */
  async waitingList(key: ListKey): Promise<WaitingListEntryView[]> {
    await this.ownList(key);
    const entries = await this.em.find(
      PermitApplication,
      {
        zone: key.zoneId,
        productType: key.productTypeId,
        kind: 'new',
        status: { $in: ['offered', 'waitlisted'] },
      },
      { populate: populated },
    );
    const waiting = entries.filter((entry) => entry.status === 'waitlisted').map(entryOf);
    const offered = entries
      .filter((entry) => entry.status === 'offered')
      .sort((a, b) => a.offerExpiresAt!.getTime() - b.offerExpiresAt!.getTime());
    const inLine = entries
      .filter((entry) => entry.status === 'waitlisted')
      .map((application) => ({ application, position: positionOf(waiting, application.id) }))
      .sort((a, b) => a.position! - b.position!);
    return [...offered.map((application) => ({ application, position: null })), ...inLine];
  }

  /** An application of the admin's town on a waiting list (waiting or offered), for a change. */
  private async entry(applicationId: string): Promise<PermitApplication> {
    if (!isUuid(applicationId)) throw new AppError('NOT_FOUND');
    const application = await this.em.findOne(
      PermitApplication,
      { id: applicationId },
      { populate: populated },
    );
    requireOwnTown(this.work, application?.municipality.id);
    if (!application!.zone) throw new AppError('QUOTA_NOT_WAITING');
    return application!;
  }

  private keyOf(application: PermitApplication): ListKey {
    return { zoneId: application.zone!.id, productTypeId: application.productType.id };
  }

  /** Moves a waiting application to a place in line (1 is first); the list is renumbered. */
  async move(applicationId: string, position: number): Promise<WaitingListEntryView[]> {
    const found = await this.entry(applicationId);
    const key = this.keyOf(found);
    await this.em.transactional(async (tx) => {
      await claimQuota(tx, key);
      const waiting = await waitingOn(tx, key);
      const entries = waiting.map(entryOf);
      const from = positionOf(entries, applicationId);
      if (from === null) throw new AppError('QUOTA_NOT_WAITING');
      const ranks = moveTo(entries, applicationId, position);
      for (const { id, rank } of ranks) {
        waiting.find((application) => application.id === id)!.waitlistRank = rank;
      }
      recordChange(tx, this.work, {
        action: 'waitingList.move',
        subjectType: 'permitApplication',
        subjectId: applicationId,
        subjectLabel: applicationId.slice(0, 8).toUpperCase(),
        municipalityId: found.municipality.id,
        before: { position: from },
        after: { position: ranks.findIndex((rank) => rank.id === applicationId) + 1 },
      });
      await tx.flush();
    });
    return this.waitingList(key);
  }

  /**
   * Takes an application off the list (waiting, or with an open offer) with the official's
   * reason: refused, mailed to the applicant, audited. An offered place is free again at once.
   */
  async remove(applicationId: string, reasonTyped: string): Promise<WaitingListEntryView[]> {
    const reason = reasonTyped.trim();
    if (reason === '' || reason.length > maxReason) throw new AppError('QUOTA_REASON_REQUIRED');
    const found = await this.entry(applicationId);
    const key = this.keyOf(found);
    const { now } = this.work;
    await this.em.transactional(async (tx) => {
      await claimQuota(tx, key);
      const application = await tx.findOneOrFail(
        PermitApplication,
        { id: applicationId },
        { populate: populated, refresh: true },
      );
      if (application.status !== 'waitlisted' && application.status !== 'offered') {
        throw new AppError('QUOTA_NOT_WAITING');
      }
      const before = { status: application.status };
      application.status = 'refused';
      application.decisionReason = reason;
      application.decidedAt = now;
      application.decidedBy = tx.getReference(Account, this.work.viewer!.accountId);
      recordChange(tx, this.work, {
        action: 'waitingList.remove',
        ...applicationSubject(application),
        before,
        after: { status: application.status, reason },
      });
      const to = application.contactEmail ?? application.applicant.email;
      if (to) {
        const language: Language = application.language === 'en' ? 'en' : 'nl';
        const productName = application.productType.name[language];
        const mail = composeMail(language, {
          subject: { message: 'QUOTA_REMOVED_SUBJECT', values: {} },
          body: [
            {
              message: 'QUOTA_REMOVED_BODY',
              values: { productName, addressLabel: application.addressLabel, reason },
            },
          ],
        });
        queueMail(tx, { to, ...mail }, now);
      }
      await tx.flush();
      if (before.status === 'offered') await nudgeWaitingLists(tx, now);
    });
    return this.waitingList(key);
  }

  /**
   * Offers a place now to a waiting application, wherever it stands in line: only while a
   * place is free (QUOTA_FULL otherwise), so grants never exceed the quota.
   */
  async offerNow(applicationId: string): Promise<WaitingListEntryView[]> {
    const found = await this.entry(applicationId);
    const key = this.keyOf(found);
    await this.em.transactional(async (tx) => {
      const quota = await claimQuota(tx, key);
      const application = await tx.findOneOrFail(
        PermitApplication,
        { id: applicationId },
        { populate: populated, refresh: true },
      );
      if (application.status !== 'waitlisted') throw new AppError('QUOTA_NOT_WAITING');
      const held = await placesHeld(tx, key, this.work.now);
      if (freePlaces(quota, held) <= 0) throw new AppError('QUOTA_FULL');
      await makeOffer(tx, application, quota?.offerDays ?? defaultOfferDays, this.work, 'admin');
      await tx.flush();
    });
    return this.waitingList(key);
  }
}
