import type { MessageTable } from './message-table.js';

/**
 * The permit counter (docs/rules.md §1, The permit counter): the counter's own rules on an
 * application, a renewal, a plate change and an early end. Dates in the parameters are
 * 'YYYY-MM-DD', amounts are cents.
 */
export const counterMessages = {
  COUNTER_NOT_OFFERED: {
    nl: 'Deze vergunning kunt u niet aanvragen via het parkeerloket.',
    en: 'This permit cannot be applied for at the permit counter.',
  },
  COUNTER_ADDRESS_UNKNOWN: {
    nl: 'Dit adres is bij de gemeente niet bekend.',
    en: 'The municipality does not know this address.',
  },
  COUNTER_START_IN_PAST: {
    nl: 'De ingangsdatum kan niet in het verleden liggen.',
    en: 'The start date cannot be in the past.',
  },
  COUNTER_START_TOO_FAR_AHEAD: {
    nl: 'De ingangsdatum kan hoogstens {max, plural, one {# dag} other {# dagen}} vooruit liggen.',
    en: 'The start date can be at most {max, plural, one {# day} other {# days}} ahead.',
  },
  COUNTER_START_DATE_INVALID: {
    nl: 'De ingangsdatum is geen geldige datum (JJJJ-MM-DD).',
    en: 'The start date is not a valid date (YYYY-MM-DD).',
  },
  COUNTER_PLATE_REQUIRED: {
    nl: 'Vul het kenteken in van de auto waarvoor de vergunning is.',
    en: 'Enter the licence plate of the car the permit is for.',
  },
  COUNTER_PLATES_NOT_TAKEN: {
    nl: 'Bij deze vergunning hoort geen kenteken.',
    en: 'This permit does not take a licence plate.',
  },
  COUNTER_TOO_MANY_PLATES: {
    nl: 'Deze vergunning heeft hoogstens {max, plural, one {# kenteken} other {# kentekens}}.',
    en: 'This permit carries at most {max, plural, one {# plate} other {# plates}}.',
  },
  COUNTER_PLATE_TWICE: {
    nl: 'Het kenteken {plate} staat er twee keer in.',
    en: 'The plate {plate} is listed twice.',
  },
  COUNTER_PLATE_INVALID: {
    nl: 'Het kenteken {plate} is niet geldig.',
    en: 'The plate {plate} is not valid.',
  },
  COUNTER_REVIEW_CASE_NOT_ACCEPTED: {
    nl: 'Voor deze vergunning beoordeelt de gemeente deze situatie niet apart.',
    en: 'The municipality does not review this situation for this permit.',
  },
  COUNTER_EXPLANATION_REQUIRED: {
    nl: 'Leg uw situatie uit, zodat de gemeente haar kan beoordelen.',
    en: 'Explain your situation, so the municipality can review it.',
  },
  COUNTER_EXPLANATION_TOO_LONG: {
    nl: 'De toelichting is langer dan {max} tekens.',
    en: 'The explanation is longer than {max} characters.',
  },
  COUNTER_DOCUMENT_MISSING: {
    nl: 'Voeg dit document toe: {document}.',
    en: 'Add this document: {document}.',
  },
  COUNTER_DOCUMENT_UNKNOWN: {
    nl: 'Een van de documenten is niet gevonden of al gebruikt.',
    en: 'One of the documents was not found or has been used already.',
  },
  COUNTER_CONTACT_EMAIL_REQUIRED: {
    nl: 'Vul een geldig e-mailadres in voor de bevestiging.',
    en: 'Enter a valid e-mail address for the confirmation.',
  },
  COUNTER_RENEWAL_NOT_YET: {
    nl: 'U kunt deze vergunning verlengen vanaf {from}.',
    en: 'You can renew this permit from {from}.',
  },
  COUNTER_RENEWAL_NOT_POSSIBLE: {
    nl: 'Deze vergunning kan niet (meer) worden verlengd.',
    en: 'This permit can no longer be renewed.',
  },
  COUNTER_CHANGE_PENDING: {
    nl: 'Er loopt al een aanvraag voor deze vergunning.',
    en: 'An application for this permit is already in progress.',
  },
  COUNTER_PERMIT_NOT_ACTIVE: {
    nl: 'Deze vergunning is niet (meer) actief.',
    en: 'This permit is not active (any more).',
  },
  COUNTER_PLATE_UNCHANGED: {
    nl: 'Dit kenteken staat al op de vergunning.',
    en: 'This plate is already on the permit.',
  },
  COUNTER_NOT_PAID: {
    nl: 'Deze aanvraag is nog niet betaald.',
    en: 'This application has not been paid yet.',
  },
  COUNTER_END_DATE_INVALID: {
    nl: 'De einddatum moet vandaag of later zijn en vóór het einde van de vergunning ({until}).',
    en: 'The end date must be today or later and before the permit ends ({until}).',
  },
} as const satisfies MessageTable;
