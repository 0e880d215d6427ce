import type { EntityManager } from '@mikro-orm/core';
import { refuseProblems, type InputProblem } from '../../graphql/app-error.js';
import { adminTown, type Actor } from '../admin/admin-scope.js';
import { Address } from '../../model/address.entity.js';

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

/**
 * The admin's town's address at a postcode and house number (and addition), or null when the
 * town does not know it. The town's own address table answers until the national address
 * registry (BAG) does, behind the same question (docs/rules.md §2).
 */
export async function findAddress(
  em: EntityManager,
  actor: Pick<Actor, 'viewer'>,
  question: AddressQuestion,
): Promise<Address | null> {
  const postcode = normalisePostcode(question.postcode);
  const addition = (question.addition ?? '').trim().toUpperCase();
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
  return em.findOne(
    Address,
    { municipality: adminTown(actor), postcode, houseNumber: question.houseNumber, addition },
    { populate: ['zone'] },
  );
}
