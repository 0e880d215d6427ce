import { defaultLanguage, type Language } from '../language.js';
import { accountMessages } from './account.messages.js';
import { addressMessages } from './address.messages.js';
import { adminMessages } from './admin.messages.js';
import { appAccessMessages } from './app-access.messages.js';
import { adminPermitMessages } from './admin-permit.messages.js';
import { availabilityMessages } from './availability.messages.js';
import { businessMessages } from './business.messages.js';
import { commonMessages } from './common.messages.js';
import { compiledMessage } from './compiled-message.js';
import { counterReviewMessages } from './counter-review.messages.js';
import { counterMessages } from './counter.messages.js';
import { delegationMessages } from './delegation.messages.js';
import { deskMessages } from './desk.messages.js';
import { documentMessages } from './document.messages.js';
import { eligibilityMessages } from './eligibility.messages.js';
import { enforcementMessages } from './enforcement.messages.js';
import { favoriteMessages } from './favorite.messages.js';
import { flexMessages } from './flex.messages.js';
import { formatMessage } from './format-message.js';
import { identityMessages } from './identity.messages.js';
import { inputMessages } from './input.messages.js';
import { linkMessages } from './link.messages.js';
import type { Message } from './message-table.js';
import { partnerKeyMessages } from './partner-key.messages.js';
import { paymentMessages } from './payment.messages.js';
import { plateMessages } from './plate.messages.js';
import { productMessages } from './product.messages.js';
import { quotaMessages } from './quota.messages.js';
import { rateLimitMessages } from './rate-limit.messages.js';
import { regimeMessages } from './regime.messages.js';
import { requestMessages } from './request.messages.js';
import { requestLimitsMessages } from './request-limits.messages.js';
import { sessionMessages } from './session.messages.js';
import { topUpMessages } from './top-up.messages.js';

/**
 * Every code the platform reports, with its Dutch and English message. The API puts the code in
 * `extensions.code`; the web app looks the message up here, so both always say the same.
 */
export const errorCatalogue = {
  ...commonMessages,
  ...accountMessages,
  ...linkMessages,
  ...plateMessages,
  ...productMessages,
  ...regimeMessages,
  ...sessionMessages,
  ...topUpMessages,
  ...paymentMessages,
  ...eligibilityMessages,
  ...counterMessages,
  ...delegationMessages,
  ...enforcementMessages,
  ...favoriteMessages,
  ...adminMessages,
  ...requestMessages,
  ...adminPermitMessages,
  ...rateLimitMessages,
  ...partnerKeyMessages,
  ...requestLimitsMessages,
  ...availabilityMessages,
  ...inputMessages,
  ...counterReviewMessages,
  ...documentMessages,
  ...identityMessages,
  ...businessMessages,
  ...flexMessages,
  ...quotaMessages,
  ...addressMessages,
  ...deskMessages,
  ...appAccessMessages,
} as const satisfies Record<string, Message>;

export type ErrorCode = keyof typeof errorCatalogue;

export type MessageParams = Readonly<Record<string, string | number>>;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCatalogue, value);
}

/** The message for a code in a language (ICU MessageFormat), its arguments from `params`. */
export function errorMessage(
  code: ErrorCode,
  language: Language = defaultLanguage,
  params: MessageParams = {},
): string {
  return formatMessage(compiledMessage(errorCatalogue[code][language]), language, params);
}
