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
  REGISTRATION_LOGIN_FAILED: {
    nl: 'Het registratienummer of de pincode klopt niet. U vindt beide in de brief bij uw bezoekersvergunning.',
    en: 'The registration number or the PIN is not correct. Both are in the letter that came with your visitor permit.',
  },
  PIN_CURRENT_WRONG: {
    nl: 'De huidige pincode klopt niet.',
    en: 'The current PIN is not correct.',
  },
  NEW_PIN_NO_MAILBOX: {
    nl: 'Er is geen e-mailadres bij deze vergunning om de brief met de nieuwe pincode naar te sturen. De pincode is niet gewijzigd.',
    en: 'This permit has no e-mail address to send the letter with the new PIN to. The PIN has not been changed.',
  },
  NEW_PIN_NOT_VISITOR_PERMIT: {
    nl: 'Alleen een bezoekersvergunning heeft een pincode.',
    en: 'Only a visitor permit has a PIN.',
  },
  NEW_PIN_LETTER_FAILED: {
    nl: 'De brief met de nieuwe pincode kon nu niet worden gemaakt. De pincode is niet gewijzigd; probeer het later opnieuw.',
    en: 'The letter with the new PIN could not be made just now. The PIN has not been changed; please try again later.',
  },
  PIN_FORMAT: {
    nl: 'Een pincode bestaat uit {min} tot {max} cijfers.',
    en: 'A PIN consists of {min} to {max} digits.',
  },
  PIN_TOO_SIMPLE: {
    nl: 'Deze pincode is te makkelijk te raden (zoals 1111 of 1234). Kies een andere.',
    en: 'This PIN is too easy to guess (like 1111 or 1234). Choose another one.',
  },
} as const satisfies MessageTable;
