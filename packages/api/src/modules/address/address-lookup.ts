import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { zoneOfAddress } from '@parkeer/domain/zone-shape/zone-shape';
import { AppError, refuseProblems, type InputProblem } from '../../graphql/app-error.js';
import { logger } from '../../logging/logger.js';
import { adminTown, type Actor } from '../admin/admin-scope.js';
import { Address } from '../../model/address.entity.js';
import { Municipality } from '../../model/municipality.entity.js';
import { Zone } from '../../model/zone.entity.js';
import { RegistryUnavailableError } from '../registry/registry-names.js';
import { addressKeyOf, addressLabelOf } from './address-key.js';
import { bagConfigured, findBagAddress, findBagObject, type BagAddress } from './bag-client.js';

export interface AddressQuestion {
  readonly postcode: string;
  readonly houseNumber: number;
  readonly addition?: string | null;
}

const postcodePattern = /^[1-9]\d{3}[A-Z]{2}$/;
const maxHouseNumber = 99_999;
const maxAddition = 10;

/** '2611 ha' → '2611HA': as the registry writes postcodes. */
export const normalisePostcode = (postcode: string) => postcode.replace(/\s+/g, '').toUpperCase();

/** ' a ' → 'A', '-bis' → 'BIS': letter and suffix as the town's table writes them. */
export const normaliseAddition = (addition: string | null | undefined) =>
  (addition ?? '').replace(/[\s-]+/g, '').toUpperCase();

/**
 * The admin's town's address (for a resident or business at the permit counter: any town's) at
 * a postcode and house number (and addition), or null when neither the town nor the address
 * registry knows it (docs/rules.md §2). The town's own table answers first, as it always did;
 * an address it lacks is asked of the registry (BAG), stored with its BAG identifiers, point
 * and the zone whose shape holds it (docs/rules.md §3), and answered from the table next time.
 * A registry that does not answer is `ADDRESS_REGISTRY_UNAVAILABLE`, never "not found".
 */
export async function findAddress(
  em: EntityManager,
  actor: Pick<Actor, 'viewer'>,
  question: AddressQuestion,
): Promise<Address | null> {
  const postcode = normalisePostcode(question.postcode);
  const addition = normaliseAddition(question.addition);
  const problems: InputProblem[] = [];
  if (!postcodePattern.test(postcode)) {
    problems.push({ code: 'ADDRESS_POSTCODE_INVALID', path: 'postcode' });
  }
  if (
    !Number.isSafeInteger(question.houseNumber) ||
    question.houseNumber < 1 ||
    question.houseNumber > maxHouseNumber ||
    addition.length > maxAddition
  ) {
    problems.push({ code: 'ADDRESS_HOUSE_NUMBER_INVALID', path: 'houseNumber' });
  }
  refuseProblems(problems);
  const where = { postcode, houseNumber: question.houseNumber, addition };
  const adminTownId = actor.viewer?.role === 'municipalAdmin' ? adminTown(actor) : null;
  const known = await inTable(em, where, adminTownId);
  if (known !== undefined) return known;
  if (!(await bagConfigured())) return null;

  let found: BagAddress | null;
  try {
    found = await findBagAddress(where);
  } catch (error) {
    if (error instanceof RegistryUnavailableError)
      throw new AppError('ADDRESS_REGISTRY_UNAVAILABLE');
    throw error;
  }
  if (!found) return null;
  // BAG identifiers begin with the municipality's code: the registry's address is that town's.
  const town = await em.findOne(Municipality, { gemeentecode: found.bagAddressId.slice(0, 4) });
  if (!town || (adminTownId !== null && town.id !== adminTownId)) return null;
  let object;
  try {
    object = found.bagObjectId ? await findBagObject(found.bagObjectId) : null;
  } catch (error) {
    if (error instanceof RegistryUnavailableError)
      throw new AppError('ADDRESS_REGISTRY_UNAVAILABLE');
    throw error;
  }
  return storeFromRegistry(em, town, found, object?.point ?? null);
}

/**
 * The table's answer: the address, null when the question is ambiguous across towns, or
 * undefined when the table does not have it (then the registry is asked).
 */
async function inTable(
  em: EntityManager,
  where: { postcode: string; houseNumber: number; addition: string },
  adminTownId: string | null,
): Promise<Address | null | undefined> {
  if (adminTownId !== null) {
    const own = await em.findOne(
      Address,
      { ...where, municipality: adminTownId },
      { populate: ['zone'] },
    );
    return own ?? undefined;
  }
  // A resident or business at the permit counter: a postcode names one place in the country,
  // so every town's table is asked; a (made-up) clash between towns answers nothing.
  const found = await em.find(Address, where, { populate: ['zone'], limit: 2 });
  if (found.length === 0) return undefined;
  return found.length === 1 ? found[0]! : null;
}

/** Stores the registry's address in the town's table, in the zone whose shape holds it. */
async function storeFromRegistry(
  em: EntityManager,
  town: Municipality,
  found: BagAddress,
  point: { x: number; y: number } | null,
): Promise<Address> {
  const zones = (await em.find(Zone, { municipality: town.id })).filter((zone) => zone.shape);
  const placement = zoneOfAddress(
    { postcode: found.postcode, houseNumber: found.houseNumber, point },
    zones.map((zone) => ({ code: zone.code, shape: zone.shape! })),
  );
  const zone =
    placement.kind === 'inZone'
      ? zones.find((candidate) => candidate.code === placement.code)!
      : null;
  const fork = em.fork();
  fork.create(Address, {
    municipality: fork.getReference(Municipality, town.id),
    postcode: found.postcode,
    houseNumber: found.houseNumber,
    addition: found.addition,
    key: addressKeyOf(town.code, found.street, found.houseNumber, found.addition),
    label: addressLabelOf(found.street, found.houseNumber, found.addition, found.town),
    zone: zone ? fork.getReference(Zone, zone.id) : null,
    bagAddressId: found.bagAddressId,
    bagObjectId: found.bagObjectId,
    pointX: point?.x ?? null,
    pointY: point?.y ?? null,
    source: 'bag',
  });
  try {
    // Its own unit of work: the address is a fact of the registry, kept whatever the caller does next.
    await fork.flush();
    logger.info(
      { town: town.code, zone: zone?.code ?? null, placement: placement.kind },
      'address taken from BAG',
    );
  } catch (error) {
    // Another request stored it first: that row is the answer.
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
  }
  return em.findOneOrFail(
    Address,
    {
      municipality: town.id,
      postcode: found.postcode,
      houseNumber: found.houseNumber,
      addition: found.addition,
    },
    { populate: ['zone'] },
  );
}
