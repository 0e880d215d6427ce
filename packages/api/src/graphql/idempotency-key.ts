import { AppError } from './app-error.js';

const maxLength = 100;
const pattern = new RegExp(`^[A-Za-z0-9_-]{1,${maxLength}}$`);

/**
 * Checks a client's idempotency key. The alphabet leaves out ':', which the server's own keys
 * (e.g. `payment:<id>` for a credited top-up) use, so a client key can never take their place.
 */
export function checkIdempotencyKey(key: string): void {
  if (!pattern.test(key)) throw new AppError('IDEMPOTENCY_KEY_INVALID', { maxLength });
}
