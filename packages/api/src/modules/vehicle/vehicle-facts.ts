import type { FactsQuestion, RegistryFactsPart } from '../registry/registry-facts.js';
import { checkVehicles, permitZones } from './vehicle-check.js';

/**
 * The counter's question to the vehicle registry (RDW): each Dutch plate's vehicle category and
 * emission class against the product and the zone of the address (docs/rules.md §2 vehicle check).
 */
export async function vehicleFacts(question: FactsQuestion): Promise<RegistryFactsPart> {
  return checkVehicles({
    eligibility: question.productType.eligibility,
    zones: await permitZones(question.em, question.productType, question.address.zone ?? null),
    plates: question.plates,
  });
}
