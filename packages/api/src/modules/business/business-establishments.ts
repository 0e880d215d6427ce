import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../../graphql/viewer.js';
import { AppError } from '../../graphql/app-error.js';
import { Account } from '../../model/account.entity.js';
import { Address } from '../../model/address.entity.js';
import { ProductType } from '../../model/product-type.entity.js';
import { RegistryUnavailableError } from '../registry/registry-names.js';
import { kvkEstablishments, type KvkEstablishment } from './kvk-client.js';

/** An establishment of the business with the town's address at its visiting address. */
export interface EstablishmentView {
  readonly establishment: KvkEstablishment;
  /** The town's address (with zone and town) at the visiting address; null: no town knows it. */
  readonly address: Address | null;
  /** Whether the town of the address sells a permit to businesses there at the counter. */
  readonly sold: boolean;
}

/** The town's address at an establishment's visiting address, among every town's. */
async function townAddressOf(
  em: EntityManager,
  establishment: KvkEstablishment,
): Promise<Address | null> {
  const visiting = establishment.address;
  if (!visiting) return null;
  const [found] = await em.find(
    Address,
    {
      postcode: visiting.postcode,
      houseNumber: visiting.houseNumber,
      addition: visiting.addition,
    },
    { populate: ['zone', 'municipality'], limit: 1 },
  );
  return found ?? null;
}

/**
 * The KvK number of the business the viewer applies for: the holder's (an eHerkenning login
 * keeps it on the account). Null for a resident holder; a business account without one has
 * never signed in with eHerkenning, so the registry cannot be asked.
 */
export async function holderKvkNumber(
  em: EntityManager,
  viewer: Viewer,
): Promise<{ readonly business: boolean; readonly kvkNumber: string | null }> {
  const holder = await em.findOneOrFail(Account, viewer.holderAccountId);
  return { business: holder.role === 'business', kvkNumber: holder.kvkNumber ?? null };
}

/**
 * docs/rules.md §2 business permits: the holder's establishments from the business registry
 * (KvK), each with the town's address at it, its zone, and whether its town sells a business a
 * permit there. Throws `RegistryUnavailableError` when KvK does not answer.
 */
export async function establishmentsOfKvk(
  em: EntityManager,
  kvkNumber: string,
): Promise<EstablishmentView[]> {
  const establishments = (await kvkEstablishments(kvkNumber)) ?? [];
  const views: EstablishmentView[] = [];
  const sellsTo = new Map<string, boolean>();
  for (const establishment of establishments) {
    const address = await townAddressOf(em, establishment);
    let sold = false;
    if (address?.zone) {
      const town = address.municipality.id;
      if (!sellsTo.has(town)) {
        const types = await em.find(ProductType, { municipality: town });
        sellsTo.set(
          town,
          types.some((type) => type.counter && type.eligibility.holderTypes.includes('business')),
        );
      }
      sold = sellsTo.get(town)!;
    }
    views.push({ establishment, address, sold });
  }
  // The main establishment first, then by name, so the list reads the same each time.
  return views.sort(
    (a, b) =>
      Number(b.establishment.isMain) - Number(a.establishment.isMain) ||
      a.establishment.name.localeCompare(b.establishment.name, 'nl'),
  );
}

/** The viewer's establishments for the counter's query; typed errors for what the page shows. */
export async function viewerEstablishments(
  em: EntityManager,
  viewer: Viewer,
): Promise<EstablishmentView[]> {
  const { business, kvkNumber } = await holderKvkNumber(em, viewer);
  if (!business) throw new AppError('FORBIDDEN');
  if (!kvkNumber) throw new AppError('BUSINESS_KVK_NUMBER_UNKNOWN');
  try {
    return await establishmentsOfKvk(em, kvkNumber);
  } catch (error) {
    if (error instanceof RegistryUnavailableError)
      throw new AppError('BUSINESS_REGISTRY_UNAVAILABLE');
    throw error;
  }
}

/**
 * The accounts that are one business: those with the holder's KvK number (an eHerkenning login
 * and a password account of the same business), or the holder alone without one. A business's
 * maximums count the permits of all of them (docs/rules.md §2 business permits).
 */
export async function businessAccountIds(em: EntityManager, holderId: string): Promise<string[]> {
  const holder = await em.findOne(Account, holderId);
  if (!holder?.kvkNumber) return [holderId];
  const accounts = await em.find(Account, { kvkNumber: holder.kvkNumber, role: 'business' });
  return [...new Set([holderId, ...accounts.map((account) => account.id)])];
}

/**
 * docs/rules.md §2 business permits, for the official who decides a stored application: whether
 * its address is (still) one of the business's establishments, asked of KvK now. `unanswered`
 * when KvK does not answer: the application already names it among its unanswered registries.
 */
export async function establishmentCheck(
  em: EntityManager,
  holderId: string,
  addressKey: string,
  establishmentNumber: string | null,
): Promise<'ok' | 'notAnEstablishment' | 'unanswered'> {
  const holder = await em.findOne(Account, holderId);
  if (!holder?.kvkNumber) return 'notAnEstablishment';
  try {
    const establishments = await establishmentsOfKvk(em, holder.kvkNumber);
    const here = establishments.some(
      (view) =>
        view.address?.key === addressKey &&
        (establishmentNumber === null ||
          view.establishment.establishmentNumber === establishmentNumber),
    );
    return here ? 'ok' : 'notAnEstablishment';
  } catch (error) {
    if (error instanceof RegistryUnavailableError) return 'unanswered';
    throw error;
  }
}
