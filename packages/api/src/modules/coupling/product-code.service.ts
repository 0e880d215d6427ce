import type { EntityManager } from '@mikro-orm/core';
import { AppError } from '../../graphql/app-error.js';
import { verifySecret } from '../auth/password-hash.js';
import type { Viewer } from '../../graphql/viewer.js';
import { Delegation } from '../../model/delegation.entity.js';
import { Permit } from '../../model/permit.entity.js';
import { attemptLimits, type Subject } from '../rate-limit/attempt-limits.js';
import { coupleToHolder } from './couple-permit.js';

/** The column's width; a longer input cannot be a product code. */
const productCodeMaxLength = 20;

/** Product codes are issued in upper case; people type them in any case, with stray spaces. */
export function normaliseProductCode(code: string): string {
  return code.trim().toUpperCase();
}

/**
 * Whose product-code budget an account's tries take from: its own, the client's, and that of
 * every holder who ever delegated to it. An invitation makes an account from nothing but an
 * e-mail address; without the last, an inviter could invite themselves at new addresses and
 * guess PINs with each new account's fresh budget.
 */
async function productCodeSubjects(
  em: EntityManager,
  accountId: string,
  clientAddress: string,
): Promise<Subject<'account' | 'address'>[]> {
  const delegations = await em.find(Delegation, { delegate: accountId }, { populate: ['permit'] });
  const inviters = new Set(
    delegations.flatMap((delegation) => {
      const holder = delegation.permit.holder?.id;
      return holder && holder !== accountId ? [holder] : [];
    }),
  );
  return [
    { kind: 'account', id: accountId },
    ...[...inviters].map((id) => ({ kind: 'account' as const, id })),
    { kind: 'address', id: clientAddress },
  ];
}

export class ProductCodeService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Adds a granted product to the viewer's account with the product code and PIN of its
   * allocation letter. A wrong code and a wrong PIN answer alike (and take as long) and count
   * against the limits (see `productCodeSubjects`); once one is reached even a right pair waits.
   */
  async add(
    viewer: Viewer,
    productCode: string,
    pin: string,
    now: Date,
    clientAddress: string,
  ): Promise<Permit> {
    const subjects = await productCodeSubjects(this.em, viewer.accountId, clientAddress);
    const attempt = await attemptLimits().take('productCode', subjects, { em: this.em, now });
    const code = normaliseProductCode(productCode);
    const permit =
      code && code.length <= productCodeMaxLength
        ? await this.em.findOne(
            Permit,
            { productCode: code },
            { populate: ['pinHash', 'productType'] },
          )
        : null;
    const valid = await verifySecret(permit?.pinHash, pin.trim()).catch(async (error) => {
      await attempt.giveBack();
      throw error;
    });
    if (!valid || !permit) throw new AppError('PRODUCT_CODE_OR_PIN_WRONG');
    // The right pair does not count; the wrong ones before it still do.
    await attempt.succeeded();
    await coupleToHolder(this.em, permit.id, viewer.holderAccountId);
    return permit;
  }
}
