import type { MessageTable } from './message-table.js';

/** The back office's refusals on permits: block, revoke, plate change and issuing. */
export const adminPermitMessages = {
  PERMIT_ALREADY_BLOCKED: {
    nl: 'Deze vergunning is al geblokkeerd.',
    en: 'This permit is already blocked.',
  },
  PERMIT_NOT_BLOCKED: {
    nl: 'Deze vergunning is niet geblokkeerd.',
    en: 'This permit is not blocked.',
  },
  PERMIT_ALREADY_REVOKED: {
    nl: 'Deze vergunning is al ingetrokken; er is niets gewijzigd en niets terugbetaald.',
    en: 'This permit has already been revoked; nothing was changed or refunded.',
  },
  PERMIT_HAS_NO_PLATE: {
    nl: 'Dit product geldt niet voor een vast kenteken; bezoekers melden hun kenteken per parkeeractie aan.',
    en: 'This product is not for a fixed licence plate; visitors register their plate per parking session.',
  },
  PERMIT_ADDRESS_TAKEN: {
    nl: 'Op dit adres is al een {product}; per adres is er maar één.',
    en: 'This address already has a {product}; there is only one per address.',
  },
  PERMIT_EMAIL_INVALID: {
    nl: 'Vul een geldig e-mailadres in.',
    en: 'Please enter a valid e-mail address.',
  },
  PERMIT_VALIDITY_INVALID: {
    nl: 'De einddatum moet na de begindatum liggen.',
    en: 'The end date must be after the start date.',
  },
  ADDRESS_POSTCODE_INVALID: {
    nl: 'Vul een postcode in als 2611 HA.',
    en: 'Please enter a postcode such as 2611 HA.',
  },
  ADDRESS_HOUSE_NUMBER_INVALID: {
    nl: 'Vul een huisnummer in (een heel getal) en eventueel een toevoeging van hoogstens 10 tekens.',
    en: 'Please enter a house number (a whole number) and, if any, an addition of at most 10 characters.',
  },
} as const satisfies MessageTable;
