import type { MessageTable } from './message-table.js';

/**
 * What the platform's mails say, paragraph by paragraph (docs/architecture.md §Strings). Only the
 * API sends mail: this table is imported by `mail-catalogue.ts` alone, never by the web app, so
 * no phone downloads it. A paragraph is one message; links are paragraphs of their own, added by
 * the mail modules, so no message holds a link.
 */
export const mailMessages = {
  // Every mail
  MAIL_GREETING: {
    nl: 'Beste meneer, mevrouw,',
    en: 'Hello,',
  },
  MAIL_SIGNATURE: {
    nl: 'Met vriendelijke groet,\nParkeer',
    en: 'Kind regards,\nParkeer',
  },
  MAIL_LINK_VALID_MINUTES: {
    nl: 'De link werkt één keer en is {minutes, plural, one {# minuut} other {# minuten}} geldig.',
    en: 'The link works once and for {minutes, plural, one {# minute} other {# minutes}}.',
  },
  MAIL_LINK_VALID_DAYS: {
    nl: 'De link werkt één keer en is {days, plural, one {# dag} other {# dagen}} geldig.',
    en: 'The link works once and for {days, plural, one {# day} other {# days}}.',
  },

  // Password reset
  PASSWORD_RESET_SUBJECT: {
    nl: 'Nieuw wachtwoord instellen',
    en: 'Set a new password',
  },
  PASSWORD_RESET_OPEN_LINK: {
    nl: 'Wij kregen een verzoek om een nieuw wachtwoord in te stellen voor uw Parkeer-account. Open deze link om er een te kiezen:',
    en: 'We received a request to set a new password for your Parkeer account. Open this link to choose one:',
  },
  PASSWORD_RESET_NOT_ASKED: {
    nl: 'Heeft u dit niet zelf gevraagd? Dan kunt u deze e-mail negeren: uw wachtwoord blijft hetzelfde.',
    en: 'If you did not ask for this, you can ignore this e-mail: your password stays the same.',
  },

  // Coupling a granted product to an account
  COUPLING_SUBJECT: {
    nl: 'Uw product staat klaar: {productName}',
    en: 'Your product is ready: {productName}',
  },
  COUPLING_OPEN_LINK: {
    nl: '{municipalityName} heeft u dit product toegekend: {productName}, {addressLabel}. Open deze link om het aan uw Parkeer-account toe te voegen:',
    en: '{municipalityName} has granted you this product: {productName}, {addressLabel}. Open this link to add it to your Parkeer account:',
  },
  COUPLING_CONFIRM_WITH_PASSWORD: {
    nl: 'Bevestig met het wachtwoord van uw account.',
    en: 'Log in with the password of your account to confirm.',
  },
  COUPLING_CHOOSE_PASSWORD: {
    nl: 'Uw e-mailadres wordt uw gebruikersnaam; u kiest een wachtwoord als u de link opent.',
    en: 'Your e-mail address will be your user name; you choose a password when you open the link.',
  },

  // Delegation invite; `amount` is a formatted balance (money or a duration), not a count
  DELEGATION_INVITE_SUBJECT: {
    nl: 'U bent gemachtigd',
    en: 'You have been given a delegation',
  },
  DELEGATION_INVITE_BUDGET: {
    nl: '{ownerEmail} machtigt u om de {productName} ({municipality}) te gebruiken met een tegoed van {amount}.',
    en: '{ownerEmail} lets you use their {productName} ({municipality}) with a budget of {amount}.',
  },
  DELEGATION_INVITE_BUDGET_FOR_PLATE: {
    nl: '{ownerEmail} machtigt u om de {productName} ({municipality}) te gebruiken met een tegoed van {amount} voor het kenteken {plate}.',
    en: '{ownerEmail} lets you use their {productName} ({municipality}) with a budget of {amount} for the licence plate {plate}.',
  },
  DELEGATION_INVITE_OPEN_LINK: {
    nl: 'Open deze link om de machtiging te accepteren; log eerst in of maak een account aan:',
    en: 'Open this link to accept; log in or create an account first:',
  },

  // A town's decision on a resident's request; `decision` is `approved` or `refused`, and
  // `duration` is formatted hours and minutes, not a count
  REQUEST_DECISION_SUBJECT: {
    nl: '{decision, select, approved {Uw aanvraag is toegekend} other {Uw aanvraag is afgewezen}}',
    en: '{decision, select, approved {Your request was granted} other {Your request was refused}}',
  },
  FINE_WAIVER_DECISION: {
    nl: 'De gemeente heeft uw verzoek om kwijtschelding van boete {fineReference} {decision, select, approved {toegekend} other {afgewezen}}.',
    en: 'The municipality has {decision, select, approved {granted} other {refused}} your request to waive fine {fineReference}.',
  },
  CARE_HOURS_DECISION: {
    nl: 'De gemeente heeft uw aanvraag voor {duration} mantelzorg {decision, select, approved {toegekend} other {afgewezen}}.',
    en: 'The municipality has {decision, select, approved {granted} other {refused}} your request for {duration} of informal-care time.',
  },
  REQUEST_DECISION_REASON: {
    nl: 'Reden: {reason}',
    en: 'Reason: {reason}',
  },
  REQUEST_DECISION_IN_APP: {
    nl: 'U vindt de beslissing ook in de app, onder Aanvragen.',
    en: 'You also find the decision in the app, under Requests.',
  },
} as const satisfies MessageTable;
