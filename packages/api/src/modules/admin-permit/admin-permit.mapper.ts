import type { Language } from '@parkeer/shared/language';
import type { Permit } from '../../model/permit.entity.js';
import { plateRightKinds } from '@parkeer/domain/product/product-kinds';
import { toPermitPlateDto } from '../plate/plate.mapper.js';
import { AdminPermitDetailsDto, AdminPermitDto } from './admin-permit.types.js';

/** The fields every permit row shows; productType, zone, holder and plates are loaded. */
function permitFields(permit: Permit, language: Language) {
  const plates = [...permit.plates.getItems()].sort((a, b) => a.plate.localeCompare(b.plate));
  return {
    id: permit.id,
    productCode: permit.productCode,
    productTypeCode: permit.productType.code,
    productName: permit.productType.name[language],
    kind: permit.productType.kind,
    hasPlateRight: plateRightKinds.includes(permit.productType.kind),
    zoneCode: permit.zone.code,
    holderEmail: permit.holder?.email ?? null,
    holderType: permit.holderType,
    addressLabel: permit.addressLabel,
    status: permit.status,
    balance: permit.balance,
    unit: permit.productType.balanceUnit ?? null,
    plates: plates.map(toPermitPlateDto),
  };
}

export function toAdminPermitDto(permit: Permit, language: Language): AdminPermitDto {
  return Object.assign(new AdminPermitDto(), permitFields(permit, language));
}

/** What the details add to the permit's own row: its use now and its establishment. */
export interface PermitUseCounts {
  readonly openDelegations: number;
  readonly openSessions: number;
  readonly establishmentNumber: string | null;
}

export function toAdminPermitDetailsDto(
  permit: Permit,
  counts: PermitUseCounts,
  language: Language,
): AdminPermitDetailsDto {
  return Object.assign(new AdminPermitDetailsDto(), {
    ...permitFields(permit, language),
    addressKey: permit.addressKey,
    validFrom: permit.validFrom,
    validUntil: permit.validUntil ?? null,
    createdAt: permit.createdAt,
    ...counts,
  });
}
