import type { EntityManager } from '@mikro-orm/core';
import { AppError } from '../../graphql/app-error.js';
import { verifySecret } from '../auth/password-hash.js';
import type { Viewer } from '../auth/viewer.js';
import { Permit } from '../permit/permit.entity.js';
import {
  claimRateLimitAttempt,
  releaseRateLimitHit,
  waitMinutes,
  type RateLimit,
} from '../rate-limit/rate-limit.js';
import { coupleToHolder } from './couple-permit.js';

/** Wrong code/PIN pairs per account: a 4-digit PIN must not be guessable by trying. */
export const productCodeLimit: RateLimit = {
  bucket: 'productCode',
  max: 5,
  windowMs: 15 * 60_000,
};

/** The column's width; a longer input cannot be a product code. */
const productCodeMaxLength = 20;

/** Product codes are issued in upper case; people type them in any case, with stray spaces. */
export function normaliseProductCode(code: string): string {
  return code.trim().toUpperCase();
}

export class ProductCodeService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Adds a granted product to the viewer's account with the product code and PIN of its
   * allocation letter. A wrong code and a wrong PIN answer alike (and take as long) and count
   * against the viewer's limit; once it is reached even a right pair waits for the window.
   */
  async add(viewer: Viewer, productCode: string, pin: string, now: Date): Promise<Permit> {
    const attempt = await claimRateLimitAttempt(this.em, productCodeLimit, viewer.accountId, now);
    if (!attempt.hit) {
      throw new AppError('PRODUCT_CODE_TOO_MANY_ATTEMPTS', {
        minutes: waitMinutes(attempt.waitMs),
      });
    }
    const code = normaliseProductCode(productCode);
    const permit =
      code && code.length <= productCodeMaxLength
        ? await this.em.findOne(
            Permit,
            { productCode: code },
            { populate: ['pinHash', 'productType'] },
          )
        : null;
    if (!(await verifySecret(permit?.pinHash, pin.trim())) || !permit) {
      throw new AppError('PRODUCT_CODE_OR_PIN_WRONG');
    }
    await releaseRateLimitHit(this.em, attempt.hit);
    await coupleToHolder(this.em, permit.id, viewer.accountId);
    return permit;
  }
}
