import type { ErrorCode, MessageParams } from '@parkeer/shared/messages/error-catalogue';

/**
 * A rule's "no": a code from the shared catalogue (so API and SPA say the same thing in Dutch
 * and English) and the values its message needs.
 */
export interface Refusal<Code extends ErrorCode = ErrorCode> {
  readonly ok: false;
  readonly reason: Code;
  readonly params?: MessageParams;
}

export type Outcome<T, Code extends ErrorCode = ErrorCode> =
  ({ readonly ok: true } & T) | Refusal<Code>;

export function refuse<Code extends ErrorCode>(
  reason: Code,
  params?: MessageParams,
): Refusal<Code> {
  return params ? { ok: false, reason, params } : { ok: false, reason };
}
