import { formatPlate } from '@parkeer/domain/plate/plate';
import type { Language } from '@parkeer/shared/language';
import type { Delegation } from '../../model/delegation.entity.js';
import { DelegationDto, DelegationInvitation } from './delegation.types.js';

const shownPlate = (delegation: Delegation) =>
  delegation.plate ? formatPlate(delegation.plate, delegation.country ?? undefined) : null;

export function toDelegationDto(delegation: Delegation): DelegationDto {
  return Object.assign(new DelegationDto(), {
    id: delegation.id,
    permitId: delegation.permit.id,
    productId: delegation.permit.id,
    email: delegation.email,
    delegateEmail: delegation.delegate?.email ?? null,
    plate: delegation.plate ?? null,
    formattedPlate: shownPlate(delegation),
    budget: delegation.budget,
    balance: delegation.balance,
    unit: delegation.permit.productType.balanceUnit ?? 'minutes',
    status: delegation.status,
    accepted: delegation.status === 'accepted',
    createdAt: delegation.createdAt,
    acceptedAt: delegation.acceptedAt ?? null,
    revokedAt: delegation.revokedAt ?? null,
  });
}

export function toDelegationInvitation(
  delegation: Delegation,
  language: Language,
): DelegationInvitation {
  const { permit } = delegation;
  return Object.assign(new DelegationInvitation(), {
    ownerEmail: permit.holder?.email ?? '',
    invitedEmail: delegation.email,
    productName: permit.productType.name[language],
    municipality: permit.municipality.name,
    zone: permit.zone.name,
    budget: delegation.budget,
    unit: permit.productType.balanceUnit ?? 'minutes',
    formattedPlate: shownPlate(delegation),
  });
}
