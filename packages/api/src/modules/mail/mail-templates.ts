import type { Language } from '@parkeer/shared/language';

/** What a template makes; `to` is the caller's. */
export interface MailContent {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const signature: Record<Language, string> = {
  nl: 'Met vriendelijke groet,\nParkeer',
  en: 'Kind regards,\nParkeer',
};

/**
 * Plain text is the mail; the HTML part is the same paragraphs with the link made clickable.
 * Blank lines separate paragraphs; a paragraph equal to `link` becomes the button.
 */
function compose(language: Language, subject: string, paragraphs: string[], link: string) {
  const all = [...paragraphs, signature[language]];
  const html = all
    .map((paragraph) =>
      paragraph === link
        ? `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`
        : `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`,
    )
    .join('\n');
  return {
    subject,
    text: `${all.join('\n\n')}\n`,
    html: `<!doctype html>\n<html lang="${language}"><body>\n${html}\n</body></html>\n`,
  };
}

export function passwordResetMail(
  language: Language,
  { link, validMinutes }: { link: string; validMinutes: number },
): MailContent {
  return language === 'en'
    ? compose(
        language,
        'Set a new password',
        [
          'Hello,',
          'We received a request to set a new password for your Parkeer account. Open this link to choose one:',
          link,
          `The link works once and for ${validMinutes} minutes. If you did not ask for this, you can ignore this e-mail: your password stays the same.`,
        ],
        link,
      )
    : compose(
        language,
        'Nieuw wachtwoord instellen',
        [
          'Beste meneer, mevrouw,',
          'Wij kregen een verzoek om een nieuw wachtwoord in te stellen voor uw Parkeer-account. Open deze link om er een te kiezen:',
          link,
          `De link werkt één keer en is ${validMinutes} minuten geldig. Heeft u dit niet zelf gevraagd? Dan kunt u deze e-mail negeren: uw wachtwoord blijft hetzelfde.`,
        ],
        link,
      );
}

export interface CouplingMailFacts {
  readonly link: string;
  readonly productName: string;
  readonly municipalityName: string;
  readonly addressLabel: string;
  readonly validDays: number;
  /** An existing account confirms with its password; a new one chooses a password. */
  readonly accountExists: boolean;
}

export function couplingLinkMail(language: Language, facts: CouplingMailFacts): MailContent {
  const { link, productName, municipalityName, addressLabel, validDays, accountExists } = facts;
  return language === 'en'
    ? compose(
        language,
        `Your product is ready: ${productName}`,
        [
          'Hello,',
          `${municipalityName} has granted you this product: ${productName}, ${addressLabel}. Open this link to add it to your Parkeer account:`,
          link,
          accountExists
            ? 'Log in with the password of your account to confirm.'
            : 'Your e-mail address will be your user name; you choose a password when you open the link.',
          `The link works once and for ${validDays} days.`,
        ],
        link,
      )
    : compose(
        language,
        `Uw product staat klaar: ${productName}`,
        [
          'Beste meneer, mevrouw,',
          `${municipalityName} heeft u dit product toegekend: ${productName}, ${addressLabel}. Open deze link om het aan uw Parkeer-account toe te voegen:`,
          link,
          accountExists
            ? 'Bevestig met het wachtwoord van uw account.'
            : 'Uw e-mailadres wordt uw gebruikersnaam; u kiest een wachtwoord als u de link opent.',
          `De link werkt één keer en is ${validDays} dagen geldig.`,
        ],
        link,
      );
}
