import type { EntityManager } from '@mikro-orm/core';
import { AppError } from '../../graphql/app-error.js';
import { Permit } from '../../model/permit.entity.js';

/**
 * Makes the account the permit's holder if it still has none. A conditional update, so of two
 * couplings at once (a link and a letter, say) exactly one wins, on SQLite and PostgreSQL alike.
 */
export async function coupleToHolder(
  em: EntityManager,
  permitId: string,
  accountId: string,
): Promise<void> {
  const coupled = await em.nativeUpdate(
    Permit,
    { id: permitId, holder: null },
    { holder: accountId },
  );
  if (coupled !== 1) throw new AppError('PRODUCT_ALREADY_COUPLED');
}
