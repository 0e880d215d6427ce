import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { checkPermitApplication } from '@parkeer/domain/eligibility/permit-application';
import { holderTypes, type HolderType } from '@parkeer/shared/holder-type';
import { AppError, refuseProblems, type InputProblem } from '../../graphql/app-error.js';
import { adminTown, type AdminWork } from '../admin/admin-scope.js';
import { recordChange } from '../audit/audit-log.js';
import { normaliseEmail } from '../auth/auth.service.js';
import { sendCouplingLink } from '../coupling/coupling-link.service.js';
import { createPermit } from '../permit/permit-create.js';
import { Permit } from '../../model/permit.entity.js';
import { ProductType } from '../../model/product-type.entity.js';
import { Tariff } from '../../model/tariff.entity.js';
import { Zone } from '../../model/zone.entity.js';

export interface IssueCommand {
  readonly productType: string;
  readonly zone: string;
  readonly addressKey: string;
  readonly addressLabel: string;
  readonly holderType: HolderType;
  readonly validFrom: Date;
  readonly validUntil?: Date | null;
  readonly email: string;
}

export interface IssuedPermit {
  readonly permit: Permit;
  readonly productCode: string;
  readonly pin: string;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// The columns' widths (Permit entity).
const addressKeyMaxLength = 80;
const addressLabelMaxLength = 200;

function textProblems(command: IssueCommand): InputProblem[] {
  const problems: InputProblem[] = [];
  const text = (path: 'addressKey' | 'addressLabel', max: number) => {
    const value = command[path].trim();
    if (value === '') problems.push({ code: 'SETTING_REQUIRED', path });
    else if (value.length > max) problems.push({ code: 'SETTING_TOO_LONG', path, params: { max } });
  };
  text('addressKey', addressKeyMaxLength);
  text('addressLabel', addressLabelMaxLength);
  const email = normaliseEmail(command.email);
  if (email.length > 254 || !emailPattern.test(email)) {
    problems.push({ code: 'PERMIT_EMAIL_INVALID', path: 'email' });
  }
  if (!holderTypes.includes(command.holderType)) {
    problems.push({ code: 'SETTING_INVALID_CHOICE', path: 'holderType' });
  }
  if (command.validUntil && command.validUntil <= command.validFrom) {
    problems.push({ code: 'PERMIT_VALIDITY_INVALID', path: 'validUntil' });
  }
  return problems;
}

/**
 * Issues a permit of one of the town's product types to an address, until the permit counter
 * exists (issue 6): with a product code and PIN for the letter, and the coupling e-mail to the
 * holder (docs/rules.md §6), both in the transaction that creates it. One per address is the database's
 * unique address slot; the check before it only gives the usual case a clear answer.
 */
export async function issuePermit(work: AdminWork, command: IssueCommand): Promise<IssuedPermit> {
  const town = adminTown(work);
  const [productType, zone] = await Promise.all([
    work.em.findOne(ProductType, { municipality: town, code: command.productType.trim() }),
    work.em.findOne(Zone, { municipality: town, code: command.zone.trim() }),
  ]);
  refuseProblems([
    ...(productType ? [] : [{ code: 'SETTING_INVALID_CHOICE' as const, path: 'productType' }]),
    ...(zone ? [] : [{ code: 'SETTING_UNKNOWN_ZONE' as const, path: 'zone' }]),
    ...textProblems(command),
  ]);
  // A money balance is spent at the zone's hourly tariff: without one, no session could be priced.
  if (productType!.balanceUnit === 'cents') {
    const priced = await work.em.count(Tariff, { productType: productType!.id, zone: zone!.id });
    if (priced === 0) refuseProblems([{ code: 'PERMIT_ZONE_WITHOUT_TARIFF', path: 'zone' }]);
  }
  const addressKey = command.addressKey.trim();
  const taken = () =>
    new AppError('PERMIT_ADDRESS_TAKEN', { product: productType!.name[work.language] });

  const atAddress = await work.em.find(Permit, {
    productType: productType!.id,
    addressKey,
    status: { $ne: 'revoked' },
  });
  const eligibility = checkPermitApplication({
    product: productType!.eligibility,
    applicant: {
      holderType: command.holderType,
      // The admin issues for this zone: the address lies in it.
      address: { key: addressKey, zoneCode: zone!.code },
      hasPrivateParking: false,
    },
    zone: { code: zone!.code, excludedHolderTypes: zone!.excludedHolderTypes },
    existingPermits: atAddress.map((permit) => ({ holderType: permit.holderType, addressKey })),
  });
  if (!eligibility.ok) {
    if (eligibility.reason === 'ELIGIBILITY_ADDRESS_LIMIT_REACHED') throw taken();
    throw new AppError(eligibility.reason, eligibility.params);
  }
  if (productType!.onePerAddress && atAddress.length > 0) throw taken();

  try {
    return await work.em.transactional(async (tx) => {
      const { permit, productCode, pin } = await createPermit(tx, {
        municipalityId: town,
        productType: productType!,
        zone: zone!,
        holderId: null,
        holderType: command.holderType,
        addressKey,
        addressLabel: command.addressLabel.trim(),
        validFrom: command.validFrom,
        validUntil: command.validUntil ?? null,
        at: work.now,
      });
      await sendCouplingLink(tx, permit, command.email, work.now);
      recordChange(tx, work, {
        action: 'permit.issue',
        subjectType: 'permit',
        subjectId: permit.id,
        subjectLabel: productCode,
        municipalityId: town,
        before: null,
        after: {
          productCode,
          productType: productType!.code,
          zone: zone!.code,
          addressKey,
          addressLabel: permit.addressLabel,
          holderType: permit.holderType,
          validFrom: permit.validFrom,
          validUntil: permit.validUntil,
          status: permit.status,
          couplingEmail: normaliseEmail(command.email),
        },
      });
      await tx.flush();
      return { permit, productCode, pin };
    });
  } catch (error) {
    // Issued at the same address meanwhile: the database's one place per address held.
    if (error instanceof UniqueConstraintViolationException && productType!.onePerAddress) {
      throw taken();
    }
    throw error;
  }
}
