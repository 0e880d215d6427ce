export type {
  FactsQuestion,
  RegistryFacts,
  RegistryFactsPart,
} from '../registry/registry-facts.js';
import { buildingFacts } from '../address/building-facts.js';
import { businessFacts } from '../business/business-facts.js';
import { populationFacts } from '../population/population-facts.js';
import type { FactsQuestion, RegistryFacts } from '../registry/registry-facts.js';
import { vehicleFacts } from '../vehicle/vehicle-facts.js';

/**
 * docs/rules.md §2: the counter decides as a town's clerk would, from the registries' answers
 * rather than what the applicant typed. Each registry adds its part; all are asked at once.
 */
export async function registryFacts(question: FactsQuestion): Promise<RegistryFacts> {
  const parts = await Promise.all([
    populationFacts(question),
    buildingFacts(question),
    vehicleFacts(question),
    businessFacts(question),
  ]);
  return {
    refusals: parts.flatMap((part) => part.refusals ?? []),
    unanswered: [...new Set(parts.flatMap((part) => part.unanswered ?? []))],
    hasPrivateParking: parts.some((part) => part.hasPrivateParking === true),
    establishmentNumber:
      parts.find((part) => part.establishmentNumber)?.establishmentNumber ?? null,
  };
}
