import type { Language } from '../language.js';
import { compiledMessage } from './compiled-message.js';
import { formatMessage, type MessageValues } from './format-message.js';
import { mailMessages } from './mail.messages.js';

/**
 * Every message the platform's mails are made of, in Dutch and English. The API's mail modules
 * choose which messages a mail has; the words are here (docs/architecture.md §Strings). The web
 * app must not import this module: its lint rule keeps the mail texts out of the SPA.
 */
export const mailCatalogue = mailMessages;

export type MailMessageKey = keyof typeof mailCatalogue;

/** A mail's message in a language (ICU MessageFormat), its arguments from `values`. */
export function mailMessage(
  key: MailMessageKey,
  language: Language,
  values: MessageValues = {},
): string {
  return formatMessage(compiledMessage(mailCatalogue[key][language]), language, values);
}
