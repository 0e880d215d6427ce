import type { Language } from '@parkeer/shared/language';
import type { MessageValues } from '@parkeer/shared/messages/format-message';
import { mailMessage, type MailMessageKey } from '@parkeer/shared/messages/mail-catalogue';

/** What a mail module makes; `to` is the caller's. */
export interface MailContent {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** A message of the mail catalogue with its arguments. */
export interface MailText {
  readonly message: MailMessageKey;
  readonly values?: MessageValues;
}

/** A paragraph: a message, or a link on a line of its own (the button in the HTML part). */
export type MailParagraph = MailText | { readonly link: string };

export interface MailLayout {
  readonly subject: MailText;
  /** The body between the catalogue's greeting and signature. */
  readonly body: readonly MailParagraph[];
}

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const say = (language: Language, { message, values }: MailText) =>
  mailMessage(message, language, values);

/**
 * Writes a mail from its layout in one language: the words come from the mail catalogue
 * (docs/architecture.md §Strings), this only arranges them. Plain text is the mail; the HTML part
 * is the same paragraphs with each link made clickable.
 */
export function composeMail(language: Language, layout: MailLayout): MailContent {
  const paragraphs: MailParagraph[] = [
    { message: 'MAIL_GREETING' },
    ...layout.body,
    { message: 'MAIL_SIGNATURE' },
  ];
  const text: string[] = [];
  const html: string[] = [];
  for (const paragraph of paragraphs) {
    if ('link' in paragraph) {
      text.push(paragraph.link);
      html.push(`<p><a href="${escapeHtml(paragraph.link)}">${escapeHtml(paragraph.link)}</a></p>`);
    } else {
      const words = say(language, paragraph);
      text.push(words);
      html.push(`<p>${escapeHtml(words).replace(/\n/g, '<br>')}</p>`);
    }
  }
  return {
    subject: say(language, layout.subject),
    text: `${text.join('\n\n')}\n`,
    html: `<!doctype html>\n<html lang="${language}"><body>\n${html.join('\n')}\n</body></html>\n`,
  };
}
