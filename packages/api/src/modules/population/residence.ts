import type { EntityManager } from '@mikro-orm/core';
import { Address } from '../../model/address.entity.js';
import { IdentityLink } from '../../model/identity-link.entity.js';
import { unsealIdentifier } from '../identity/identity-seal.js';
import { RegistryUnavailableError } from '../registry/registry-names.js';
import { personByBsn, type BrpResidence } from './brp-client.js';

/** What the population register says about where an account's person lives. */
export type Residence =
  /** No sealed BSN: a password-only account, or a link from before seals were kept. */
  | { readonly kind: 'noBsn' }
  /** The register did not answer (down, silent): decide nothing, ask again later. */
  | { readonly kind: 'unanswered' }
  /** The register knows nobody by the BSN, or the person has no Dutch address. */
  | { readonly kind: 'unknown' }
  | {
      readonly kind: 'registered';
      readonly residence: BrpResidence;
      /** Our address at that postcode + number + addition, in any town; null if we know none. */
      readonly address: Address | null;
    };

/** The BSN sealed on the account's DigiD link, or null (docs/security.md §Identity). */
export async function sealedBsnOf(em: EntityManager, accountId: string): Promise<string | null> {
  const link = await em.findOne(
    IdentityLink,
    { account: accountId, kind: 'bsn' },
    { populate: ['subjectSealed'] },
  );
  return link?.subjectSealed ? unsealIdentifier(link.subjectSealed) : null;
}

/**
 * Our address for the register's: the same postcode, house number and letter/addition (the BAG
 * key; docs/rules.md §2 registered address). Several towns may know the same postcode only in
 * tests; the first is taken.
 */
export async function addressOfResidence(
  em: EntityManager,
  residence: BrpResidence,
): Promise<Address | null> {
  const found = await em.find(
    Address,
    {
      postcode: residence.postcode,
      houseNumber: residence.houseNumber,
      addition: residence.addition,
    },
    { populate: ['zone', 'municipality'], limit: 1, orderBy: { id: 'asc' } },
  );
  return found[0] ?? null;
}

/** docs/rules.md §2 registered address: asks the register where the account's person lives. */
export async function residenceOf(em: EntityManager, accountId: string): Promise<Residence> {
  const bsn = await sealedBsnOf(em, accountId);
  if (!bsn) return { kind: 'noBsn' };
  try {
    const person = await personByBsn(bsn);
    if (!person?.residence) return { kind: 'unknown' };
    return {
      kind: 'registered',
      residence: person.residence,
      address: await addressOfResidence(em, person.residence),
    };
  } catch (error) {
    if (error instanceof RegistryUnavailableError) return { kind: 'unanswered' };
    throw error;
  }
}

/** Whether the register's address is this address of ours (postcode + number + addition). */
export const livesAt = (residence: BrpResidence, address: Address) =>
  residence.postcode === address.postcode &&
  residence.houseNumber === address.houseNumber &&
  residence.addition === address.addition.toUpperCase();
