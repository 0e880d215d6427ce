import type { PhoneStep } from '@parkeer/domain/phone/phone-dialogue';
import { spokenLines } from '@parkeer/domain/phone/phone-prompts';
import type { Language } from '@parkeer/shared/language';

/** The voices' languages as Twilio's `<Say language>` names them. */
const sayLanguage: Readonly<Record<Language, string>> = { nl: 'nl-NL', en: 'en-GB' };

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export interface TwimlLinks {
  /** Where Twilio posts the keys gathered. */
  readonly action: string;
  /** Where it goes when the caller keyed nothing (Twilio then runs the next verb, no action). */
  readonly noInput: string;
}

/**
 * A dialogue step as TwiML (docs/operations.md §Phone line): its prompts as `<Say>` elements
 * inside the `<Gather>` that collects the answer, so a caller may key before the prompt ends;
 * after the gather a `<Redirect>` that reports silence. A step that ends the call says its
 * prompts and hangs up.
 */
export function twimlOf(step: PhoneStep, language: Language, links: TwimlLinks): string {
  const says = spokenLines(step.say, language)
    .map((line) => `<Say language="${sayLanguage[line.language]}">${escapeXml(line.text)}</Say>`)
    .join('');
  let body: string;
  const { next } = step;
  if (next.kind === 'gather') {
    // No finish key: '#' is then a key like any other (a one-key answer that is no choice).
    const attributes = [
      'input="dtmf"',
      `numDigits="${next.maxDigits}"`,
      `finishOnKey="${next.finishKey ?? ''}"`,
      `timeout="${next.timeoutSeconds}"`,
      `action="${escapeXml(links.action)}"`,
      'method="POST"',
    ].join(' ');
    body = `<Gather ${attributes}>${says}</Gather><Redirect method="POST">${escapeXml(links.noInput)}</Redirect>`;
  } else {
    body = `${says}<Hangup/>`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${body}</Response>`;
}
