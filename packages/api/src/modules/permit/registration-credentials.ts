import type { EntityManager } from '@mikro-orm/core';
import { AppError } from '../../graphql/app-error.js';
import { Permit } from '../../model/permit.entity.js';
import { verifySecret } from '../auth/password-hash.js';
import { attemptLimits } from '../rate-limit/attempt-limits.js';

/** The registration number is the product code without its letters (docs/rules.md §5). */
export const registrationNumberPrefix = 'PK';

/** Where a try came from, for the per-client budget: a caller's number, a web client's address. */
export interface RegistrationClient {
  readonly channel: 'phone' | 'web' | 'desk';
  readonly id: string;
}

export type RegistrationCheck =
  | { readonly outcome: 'ok'; readonly permit: Permit }
  | { readonly outcome: 'wrong' }
  /** `refusal`: the limit's RATE_LIMITED, with when to try again, for a caller that shows it. */
  | { readonly outcome: 'blocked'; readonly refusal: AppError };

/**
 * The registration number + PIN of a visitor permit's letter, without an account (the phone
 * line, the web sign-in, the municipal desk). A wrong number and a wrong PIN answer alike and
 * take as long, and count against the permit's and the client's budgets (`registrationPin`);
 * the right pair does not count. Only visitor permits have a registration number to sign in with.
 */
export async function checkRegistrationPin(
  em: EntityManager,
  now: Date,
  registrationNumber: string,
  pin: string,
  client: RegistrationClient,
): Promise<RegistrationCheck> {
  const digits = registrationNumber.replace(/\s+/g, '').toUpperCase();
  const code = digits.startsWith(registrationNumberPrefix)
    ? digits
    : `${registrationNumberPrefix}${digits}`;
  let attempt;
  try {
    attempt = await attemptLimits().take(
      'registrationPin',
      [
        { kind: 'permit', id: code },
        { kind: 'address', id: `${client.channel}:${client.id || 'withheld'}` },
      ],
      { em, now },
    );
  } catch (error) {
    if (error instanceof AppError && error.code === 'RATE_LIMITED') {
      return { outcome: 'blocked', refusal: error };
    }
    throw error;
  }
  // The column's width bounds what can be a code; a longer input is simply wrong.
  const permit =
    code.length <= 20
      ? await em.findOne(
          Permit,
          { productCode: code, productType: { kind: 'visitorPermit' } },
          { populate: ['pinHash'] },
        )
      : null;
  const valid = await verifySecret(permit?.pinHash, pin.trim()).catch(async (error) => {
    await attempt.giveBack();
    throw error;
  });
  if (!valid || !permit) return { outcome: 'wrong' };
  await attempt.succeeded();
  return { outcome: 'ok', permit };
}
