import type { FactsQuestion, RegistryFactsPart } from '../registry/registry-facts.js';
import { livesAt, residenceOf } from './residence.js';

/**
 * docs/rules.md §2 registered address: in a town that checks residence, a resident's permit is
 * for the address the population register (BRP) has them living at. The register answers by BSN,
 * which only a DigiD login gives us; without one, or when the register does not answer, an
 * official checks by hand after payment (never a yes by default). A business is the business
 * registry's question (§2 businesses).
 */
export async function populationFacts(question: FactsQuestion): Promise<RegistryFactsPart> {
  const { em, viewer, holderType, address } = question;
  if (holderType !== 'resident') return {};
  if (address.municipality.residenceCheck !== 'register') return {};
  const residence = await residenceOf(em, viewer.holderAccountId);
  switch (residence.kind) {
    case 'noBsn':
    case 'unanswered':
      return { unanswered: ['brp'] };
    case 'unknown':
      return { refusals: [{ rule: 'ELIGIBILITY_NOT_REGISTERED_AT_ADDRESS', params: null }] };
    case 'registered':
      return livesAt(residence.residence, address)
        ? {}
        : { refusals: [{ rule: 'ELIGIBILITY_NOT_REGISTERED_AT_ADDRESS', params: null }] };
  }
}
