import type { FactsQuestion, RegistryFactsPart } from '../registry/registry-facts.js';
import { RegistryUnavailableError } from '../registry/registry-names.js';
import { establishmentsOfKvk, holderKvkNumber } from './business-establishments.js';

/**
 * docs/rules.md §2 business permits: a business applies for an address that is one of its
 * establishments in the business registry (KvK), and for the establishment it picked when it
 * names one. A business without a KvK number is refused (it signs in with eHerkenning); KvK
 * not answering sends the application to an official, never to a yes.
 */
export async function businessFacts(question: FactsQuestion): Promise<RegistryFactsPart> {
  if (question.holderType !== 'business') return {};
  const { kvkNumber } = await holderKvkNumber(question.em, question.viewer);
  if (!kvkNumber) return { refusals: [{ rule: 'BUSINESS_KVK_NUMBER_UNKNOWN', params: null }] };
  const picked = question.establishmentNumber?.trim() || null;
  try {
    const establishments = await establishmentsOfKvk(question.em, kvkNumber);
    const here = establishments.find(
      (view) =>
        view.address?.id === question.address.id &&
        (picked === null || view.establishment.establishmentNumber === picked),
    );
    if (!here) return { refusals: [{ rule: 'ELIGIBILITY_NOT_AN_ESTABLISHMENT', params: null }] };
    return { establishmentNumber: here.establishment.establishmentNumber };
  } catch (error) {
    if (!(error instanceof RegistryUnavailableError)) throw error;
    // Unverified: the official checks the establishment by hand (docs/rules.md §2).
    return { unanswered: ['kvk'], establishmentNumber: picked };
  }
}
