import type { EntityManager } from '@mikro-orm/core';
import { checkPermitApplication } from '@parkeer/domain/eligibility/permit-application';
import type { ErrorCode, MessageParams } from '@parkeer/shared/messages/error-catalogue';
import { Address } from '../../model/address.entity.js';
import { Permit } from '../../model/permit.entity.js';
import { businessAccountIds, establishmentCheck } from '../business/business-establishments.js';
import { loadApplication } from './counter-grant.js';

/** One eligibility rule that refuses an application now. */
export interface EligibilityOutcome {
  readonly rule: ErrorCode;
  readonly params: MessageParams | null;
}

/**
 * docs/rules.md §2: the eligibility rules' outcome for a stored new application at this moment
 * (empty: they pass), for the official who decides it (`AdminPermitApplication.eligibility`).
 * A stated review case is what the official decides, so it is left out here. Renewals and plate
 * changes have no eligibility of their own: empty.
 */
export async function applicationEligibility(
  em: EntityManager,
  applicationId: string,
  now: Date,
): Promise<EligibilityOutcome[]> {
  const application = await loadApplication(em, applicationId);
  if (application.kind !== 'new') return [];
  const productType = application.productType;
  const address = await em.findOne(
    Address,
    { municipality: application.municipality.id, key: application.addressKey },
    { populate: ['zone'] },
  );
  const zone = address?.zone ?? application.zone ?? null;
  // A business's limits count its own permits at any establishment (docs/rules.md §2).
  const existing = await em.find(Permit, {
    productType: productType.id,
    ...(application.holderType === 'business'
      ? {
          holder: { $in: await businessAccountIds(em, application.applicant.id) },
          holderType: 'business' as const,
        }
      : { addressKey: application.addressKey }),
    status: { $in: ['active', 'blocked'] },
    $or: [{ validUntil: null }, { validUntil: { $gt: now } }],
  });
  const check = checkPermitApplication({
    product: productType.eligibility,
    applicant: {
      holderType: application.holderType,
      address: { key: application.addressKey, zoneCode: zone?.code ?? null },
      hasPrivateParking: false,
    },
    zone: zone ? { code: zone.code, excludedHolderTypes: zone.excludedHolderTypes } : null,
    existingPermits: existing.map((permit) => ({
      holderType: permit.holderType,
      addressKey: permit.addressKey,
    })),
  });
  const outcomes: EligibilityOutcome[] = check.ok
    ? []
    : check.reasons.map((reason) => ({ rule: reason.reason, params: reason.params ?? null }));
  if (application.holderType === 'business') {
    const establishment = await establishmentCheck(
      em,
      application.applicant.id,
      application.addressKey,
      application.establishmentNumber ?? null,
    );
    if (establishment === 'notAnEstablishment') {
      outcomes.push({ rule: 'ELIGIBILITY_NOT_AN_ESTABLISHMENT', params: null });
    }
  }
  return outcomes;
}
