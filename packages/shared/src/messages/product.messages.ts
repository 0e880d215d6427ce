import type { MessageTable } from './message-table.js';

export const productMessages = {
  PRODUCT_OWNER_ONLY: {
    nl: 'Alleen de eigenaar van dit product kan dit doen; u gebruikt het via een machtiging.',
    en: 'Only the owner of this product can do this; you use it through a delegation.',
  },
  PRODUCT_BLOCKED: {
    nl: 'Dit product is geblokkeerd. Neem contact op met de gemeente.',
    en: 'This product has been blocked. Please contact the municipality.',
  },
  PRODUCT_REVOKED: {
    nl: 'Dit product is ingetrokken en kan niet meer worden gebruikt.',
    en: 'This product has been revoked and can no longer be used.',
  },
  PRODUCT_HAS_NO_BALANCE: {
    nl: 'Dit product heeft geen saldo: er is geen verbruik te tonen.',
    en: 'This product has no balance: there is no use to show.',
  },
  IDEMPOTENCY_KEY_INVALID: {
    nl: 'De opdracht mist een geldige sleutel (1 tot {maxLength} letters, cijfers, - of _). Vernieuw de pagina en probeer het opnieuw.',
    en: 'The request lacks a valid key (1 to {maxLength} letters, digits, - or _). Refresh the page and try again.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    nl: 'Deze opdracht is al eerder met andere gegevens verstuurd.',
    en: 'This request was already sent before with different details.',
  },
  IDEMPOTENCY_IN_PROGRESS: {
    nl: 'Deze opdracht wordt nog verwerkt. Probeer het over een paar seconden opnieuw met dezelfde gegevens.',
    en: 'This request is still being processed. Please try again in a few seconds with the same details.',
  },
  IDEMPOTENCY_ANSWER_LOST: {
    nl: 'Deze opdracht is al uitgevoerd, maar het antwoord ging verloren. Ververs de pagina om het resultaat te zien.',
    en: 'This request was already carried out, but its answer was lost. Refresh the page to see the result.',
  },
  CONCURRENT_CHANGE: {
    nl: 'Het saldo werd tegelijk ergens anders gewijzigd. Probeer het opnieuw.',
    en: 'The balance was changed elsewhere at the same time. Please try again.',
  },
} as const satisfies MessageTable;
