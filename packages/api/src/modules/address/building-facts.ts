import { logger } from '../../logging/logger.js';
import type { FactsQuestion, RegistryFactsPart } from '../registry/registry-facts.js';
import { RegistryUnavailableError } from '../registry/registry-names.js';
import { bagConfigured, findBagAddress, findBagObject } from './bag-client.js';

/**
 * The uses of a building unit that mean a parking space of its own: BAG records a garage that
 * belongs to a dwelling as a use of the unit besides living ('overige gebruiksfunctie'). The
 * demo towns read it so; a town with better data imports it (`privateParking`), which wins.
 */
const parkingUses = new Set(['overige gebruiksfunctie']);

/**
 * docs/rules.md §2 own parking: whether the address has a parking space of its own, asked only
 * where the product refuses such addresses. The town's imported data answers first; else the
 * address registry (BAG) is asked for the building unit's uses. A registry that does not answer
 * sends the application to an official (`unanswered`), never to a yes; a town without a BAG
 * endpoint decides on what the applicant stated.
 */
export async function buildingFacts(question: FactsQuestion): Promise<RegistryFactsPart> {
  if (!question.productType.eligibility.privateParkingDisqualifies) return {};
  const { address } = question;
  if (address.privateParking !== null) return { hasPrivateParking: address.privateParking };
  if (!(await bagConfigured())) return {};
  try {
    const objectId =
      address.bagObjectId ??
      (
        await findBagAddress({
          postcode: address.postcode,
          houseNumber: address.houseNumber,
          addition: address.addition,
        })
      )?.bagObjectId ??
      null;
    if (!objectId) return {};
    const object = await findBagObject(objectId);
    const hasPrivateParking = (object?.purposes ?? []).some((use) => parkingUses.has(use));
    return { hasPrivateParking };
  } catch (error) {
    if (!(error instanceof RegistryUnavailableError)) throw error;
    logger.info({ registry: 'bag' }, 'own parking unanswered: the application goes to an official');
    return { unanswered: ['bag'] };
  }
}
