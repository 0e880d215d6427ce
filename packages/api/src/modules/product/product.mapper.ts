import type { Language } from '@parkeer/shared/language';
import type { Delegation } from '../../model/delegation.entity.js';
import type { Municipality } from '../../model/municipality.entity.js';
import type { Permit } from '../../model/permit.entity.js';
import { Balance, MunicipalityDto, ProductDto, ZoneDto } from './product.types.js';

export function toMunicipalityDto(municipality: Municipality): MunicipalityDto {
  return Object.assign(new MunicipalityDto(), {
    id: municipality.id,
    code: municipality.code,
    name: municipality.name,
    logoUrl: municipality.logoUrl ?? null,
  });
}

/** A permit as its owner sees it, or as a delegate does (its budget, no address or code). */
export function toProductDto(
  permit: Permit,
  delegation: Delegation | null,
  language: Language,
): ProductDto {
  const { productType, zone } = permit;
  const unit = productType.balanceUnit ?? null;
  const amount = delegation ? delegation.balance : permit.balance;
  return Object.assign(new ProductDto(), {
    id: permit.id,
    name: productType.name[language],
    kind: productType.kind,
    zone: Object.assign(new ZoneDto(), { id: zone.id, code: zone.code, name: zone.name }),
    municipality: toMunicipalityDto(permit.municipality),
    status: permit.status,
    validFrom: permit.validFrom,
    validUntil: permit.validUntil ?? null,
    balance: unit ? Object.assign(new Balance(), { amount, unit }) : null,
    delegatedBy: delegation ? (permit.holder?.email ?? null) : null,
    delegationPlate: delegation?.plate ?? null,
    address: delegation ? null : permit.addressLabel,
    productCode: delegation ? null : permit.productCode,
    isOwner: !delegation,
    delegationAllowed: productType.delegationAllowed && !delegation,
    hasSessions: productType.sessionPolicy != null && unit != null,
    // docs/rules.md §4: a balance is bought only where the municipality set a top-up policy.
    canTopUp: !delegation && unit != null && productType.topUpPolicy != null,
    permit,
    delegation,
  });
}
