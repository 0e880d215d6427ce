import type { MessageTable } from './message-table.js';

export const accountMessages = {
  LOGIN_FAILED: {
    nl: 'Het e-mailadres of het wachtwoord klopt niet.',
    en: 'The e-mail address or the password is not correct.',
  },
  PASSWORD_TOO_SHORT: {
    nl: 'Het wachtwoord moet minstens {min} tekens lang zijn.',
    en: 'The password must be at least {min} characters long.',
  },
  PASSWORD_TOO_LONG: {
    nl: 'Het wachtwoord mag hoogstens {max} tekens lang zijn.',
    en: 'The password must be at most {max} characters long.',
  },
  PASSWORD_NEEDS_VARIETY: {
    nl: 'Het wachtwoord moet een letter bevatten en ook een cijfer of een leesteken.',
    en: 'The password must contain a letter and also a digit or a symbol.',
  },
  PASSWORD_CONTAINS_EMAIL: {
    nl: 'Het wachtwoord mag het deel van uw e-mailadres vóór de @ niet bevatten.',
    en: 'The password must not contain the part of your e-mail address before the @.',
  },
  PASSWORD_PUBLISHED: {
    nl: 'Dit wachtwoord is openbaar (het is het wachtwoord van de demo). Kies een ander.',
    en: 'This password is public (it is the demo password). Choose another one.',
  },
  PASSWORD_MISMATCH: {
    nl: 'De twee wachtwoorden zijn niet gelijk.',
    en: 'The two passwords do not match.',
  },
  PRODUCT_ALREADY_COUPLED: {
    nl: 'Dit product is al aan een account gekoppeld.',
    en: 'This product is already linked to an account.',
  },
  PRODUCT_CODE_OR_PIN_WRONG: {
    nl: 'De productcode of de pincode klopt niet.',
    en: 'The product code or the PIN is not correct.',
  },
} as const satisfies MessageTable;
