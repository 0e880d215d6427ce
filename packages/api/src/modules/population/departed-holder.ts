import type { EntityManager } from '@mikro-orm/core';
import {
  decideDepartedHolder,
  type DepartedHolderDecision,
} from '@parkeer/domain/eligibility/departed-holder';
import type { Address } from '../../model/address.entity.js';
import { Permit } from '../../model/permit.entity.js';
import { RegistryUnavailableError } from '../registry/registry-names.js';
import { personByBsn, personsAtAddressableObject } from './brp-client.js';
import { livesAt, sealedBsnOf } from './residence.js';

/** The register's word on the holders of an address's taken place, with who they are. */
export interface DepartedHolderCheck {
  readonly decision: DepartedHolderDecision;
  /** The accounts holding the place (for the moving re-check). */
  readonly holderIds: readonly string[];
}

/** The citizen service numbers the register has living at our address; null: no answer. */
async function registeredAt(address: Address, bsns: readonly string[]): Promise<string[] | null> {
  try {
    if (address.bagObjectId) {
      // Haal Centraal ZoekMetAdresseerbaarObjectIdentificatie: everyone at the dwelling.
      const people = await personsAtAddressableObject(address.bagObjectId);
      return people.map((person) => person.bsn);
    }
    // A town's address without BAG ids cannot be asked by dwelling: ask per holder instead.
    const people = await Promise.all(bsns.map((bsn) => personByBsn(bsn)));
    return people.flatMap((person) =>
      person?.residence && livesAt(person.residence, address) ? [person.bsn] : [],
    );
  } catch (error) {
    if (error instanceof RegistryUnavailableError) return null;
    throw error;
  }
}

/**
 * docs/rules.md §2 departed holder: when a resident's application is refused because the
 * address's one place is taken, and the town checks residence with the register, asks the
 * register whether the place's holders still live there.
 */
export async function departedHolderCheck(
  em: EntityManager,
  address: Address,
  productTypeId: string,
  now: Date,
): Promise<DepartedHolderCheck> {
  const permits = await em.find(Permit, {
    productType: productTypeId,
    addressKey: address.key,
    holderType: 'resident',
    status: { $in: ['active', 'blocked'] },
    $or: [{ validUntil: null }, { validUntil: { $gt: now } }],
  });
  const holderIds = [...new Set(permits.flatMap((permit) => permit.holder?.id ?? []))];
  // A permit without a coupled holder has nobody the register could be asked about.
  const holders = permits.some((permit) => !permit.holder)
    ? [null]
    : await Promise.all(holderIds.map((id) => sealedBsnOf(em, id)));
  const known = holders.filter((bsn): bsn is string => bsn !== null);
  const registered =
    holders.length > 0 && known.length === holders.length ? await registeredAt(address, known) : [];
  return { decision: decideDepartedHolder({ holders, registered }), holderIds };
}
