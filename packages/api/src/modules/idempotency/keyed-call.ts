import type { Context } from '../../graphql/context.js';
import type { KeyedCall } from './answer-once.js';

/**
 * The keyed call of a resolver: the viewer's key for the operation, and the input without the key
 * as the request a retry must repeat.
 */
export function keyedCall<Input extends { idempotencyKey: string }>(
  ctx: Context,
  operation: string,
  input: Input,
): KeyedCall {
  const { idempotencyKey, ...request } = input;
  return {
    em: ctx.em,
    accountId: ctx.viewer!.permitOnly ? null : ctx.viewer!.accountId,
    operation,
    key: idempotencyKey,
    request,
    now: ctx.now,
  };
}
