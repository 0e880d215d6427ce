import type { MessageTable } from './message-table.js';

/** The business side of the counter: establishments from the business registry (KvK). */
export const businessMessages = {
  ELIGIBILITY_NOT_AN_ESTABLISHMENT: {
    nl: 'Dit adres is geen vestiging van uw bedrijf volgens het Handelsregister van de KvK.',
    en: 'According to the KvK business register, this address is not an establishment of your business.',
  },
  ELIGIBILITY_ESTABLISHMENT_LIMIT_REACHED: {
    nl: 'Deze vestiging heeft het maximum aantal vergunningen van dit type ({max}) al bereikt.',
    en: 'This establishment already has the maximum number of permits of this type ({max}).',
  },
  BUSINESS_KVK_NUMBER_UNKNOWN: {
    nl: 'Wij kennen het KvK-nummer van uw bedrijf niet. Log in met eHerkenning.',
    en: "We do not know your business's KvK number. Sign in with eHerkenning.",
  },
  BUSINESS_REGISTRY_UNAVAILABLE: {
    nl: 'Het Handelsregister van de KvK is nu niet bereikbaar. Probeer het later opnieuw.',
    en: 'The KvK business register cannot be reached now. Please try again later.',
  },
} as const satisfies MessageTable;
