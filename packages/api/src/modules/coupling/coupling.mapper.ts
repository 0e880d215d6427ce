import type { Language } from '@parkeer/shared/language';
import type { Permit } from '../../model/permit.entity.js';
import type { CouplingLinkFacts } from './coupling-link.service.js';
import { AddedProductDto, CouplingLinkInfoDto } from './coupling.types.js';

export function toCouplingLinkInfoDto(
  facts: CouplingLinkFacts,
  language: Language,
): CouplingLinkInfoDto {
  const { permit } = facts;
  return Object.assign(new CouplingLinkInfoDto(), {
    productName: permit.productType.name[language],
    municipalityName: permit.municipality.name,
    addressLabel: permit.addressLabel,
    email: facts.email,
    accountExists: facts.accountExists,
  });
}

export function toAddedProductDto(permit: Permit, language: Language): AddedProductDto {
  return Object.assign(new AddedProductDto(), {
    id: permit.id,
    name: permit.productType.name[language],
  });
}
