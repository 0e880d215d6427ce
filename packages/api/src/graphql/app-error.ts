import type { ErrorCode, MessageParams } from '@parkeer/shared/messages/error-catalogue';

/**
 * A failure the caller can act on: a code from the shared catalogue and the values its message
 * needs. Services throw it; the GraphQL layer turns it into `extensions.code` and a message in
 * the caller's language.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: MessageParams = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}
