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

  // A decision letter of the permit counter, attached as a PDF; `kind` is a LetterKind
  LETTER_MAIL_SUBJECT: {
    nl: '{kind, select, granted {Uw parkeervergunning is verleend} changed {Het kenteken op uw parkeervergunning is gewijzigd} extended {Uw parkeervergunning is verlengd} ended {Uw parkeervergunning is beëindigd} newPin {Uw nieuwe pincode} other {Uw aanvraag voor een parkeervergunning is afgewezen}} ({reference})',
    en: '{kind, select, granted {Your parking permit has been granted} changed {The licence plate on your parking permit has been changed} extended {Your parking permit has been extended} ended {Your parking permit has ended} newPin {Your new PIN} other {Your application for a parking permit has been refused}} ({reference})',
  },
  LETTER_MAIL_BODY: {
    nl: '{municipalityName} heeft een besluit genomen over uw {productName}. U vindt de brief met het besluit in de bijlage (PDF).',
    en: '{municipalityName} has made a decision on your {productName}. You find the letter with the decision attached (PDF).',
  },
  LETTER_MAIL_PIN: {
    nl: 'In de brief staan de productcode en de pincode van de vergunning. De pincode staat alleen in deze brief: bewaar hem goed.',
    en: 'The letter holds the product code and the PIN of the permit. The PIN appears only in this letter: keep it safe.',
  },
  LETTER_MAIL_IN_APP: {
    nl: 'U vindt de brief ook in Parkeer, bij uw vergunning of uw aanvraag.',
    en: 'You also find the letter in Parkeer, with your permit or your application.',
  },
  LETTER_MAIL_RESENT: {
    nl: 'Wij sturen u deze brief opnieuw.',
    en: 'We are sending you this letter again.',
  },
  // Permit counter: a permit that will soon end (docs/rules.md §1, reminders)
  PERMIT_REMINDER_SUBJECT: {
    nl: 'Uw {productName} loopt binnenkort af',
    en: 'Your {productName} ends soon',
  },
  PERMIT_REMINDER_ENDS: {
    nl: 'Uw {productName} voor {addressLabel} is geldig tot en met {lastDay}.',
    en: 'Your {productName} for {addressLabel} is valid until {lastDay} inclusive.',
  },
  PERMIT_REMINDER_RENEW: {
    nl: 'Wilt u de vergunning houden? Verleng haar via deze link:',
    en: 'Do you want to keep the permit? Renew it through this link:',
  },
  // Waiting lists: an offer of a place, and one that lapsed or was withdrawn (docs/rules.md §2 quotas)
  QUOTA_OFFER_SUBJECT: {
    nl: 'Er is plaats voor uw {productName}',
    en: 'There is a place for your {productName}',
  },
  QUOTA_OFFER_BODY: {
    nl: 'U stond op de wachtlijst voor een {productName} voor {addressLabel}. Er is nu een plaats voor u. Betaal uiterlijk {lastDay}; daarna gaat de plaats naar de volgende op de lijst.',
    en: 'You were on the waiting list for a {productName} for {addressLabel}. There is now a place for you. Pay by {lastDay} inclusive; after that the place goes to the next on the list.',
  },
  QUOTA_OFFER_PAY: {
    nl: 'Bekijk het aanbod en betaal via deze link:',
    en: 'See the offer and pay through this link:',
  },
  QUOTA_OFFER_LAPSED_SUBJECT: {
    nl: 'Het aanbod voor uw {productName} is verlopen',
    en: 'The offer for your {productName} has lapsed',
  },
  QUOTA_OFFER_LAPSED_BODY: {
    nl: 'Het aanbod voor een {productName} voor {addressLabel} is niet op tijd betaald. De plaats gaat naar de volgende op de wachtlijst. U kunt opnieuw een aanvraag doen.',
    en: 'The offer of a {productName} for {addressLabel} was not paid in time. The place goes to the next on the waiting list. You may apply again.',
  },
  QUOTA_REMOVED_SUBJECT: {
    nl: 'Uw aanvraag staat niet meer op de wachtlijst',
    en: 'Your application is no longer on the waiting list',
  },
  QUOTA_REMOVED_BODY: {
    nl: 'De gemeente heeft uw aanvraag voor een {productName} voor {addressLabel} van de wachtlijst gehaald. Reden: {reason}',
    en: 'The municipality removed your application for a {productName} for {addressLabel} from the waiting list. Reason: {reason}',
  },
} as const satisfies MessageTable;
