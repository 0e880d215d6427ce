import type { MessageTable } from './message-table.js';

/** Quotas and waiting lists (docs/rules.md §2 quotas). */
export const quotaMessages = {
  QUOTA_NOT_WAITING: {
    nl: 'Deze aanvraag staat niet (meer) op de wachtlijst.',
    en: 'This application is not (or no longer) on the waiting list.',
  },
  QUOTA_FULL: {
    nl: 'Er is nu geen plaats vrij binnen het quotum van deze zone.',
    en: "There is no free place within this zone's quota now.",
  },
  QUOTA_NOT_OFFERED: {
    nl: 'Voor deze aanvraag staat geen aanbod open.',
    en: 'There is no open offer for this application.',
  },
  QUOTA_OFFER_LAPSED: {
    nl: 'Het aanbod is verlopen: de plaats is naar de volgende op de wachtlijst gegaan.',
    en: 'The offer has lapsed: the place went to the next on the waiting list.',
  },
  QUOTA_REASON_REQUIRED: {
    nl: 'Geef een reden (hoogstens 2000 tekens).',
    en: 'Give a reason (at most 2000 characters).',
  },
  QUOTA_PRODUCT_NOT_IN_TOWN: {
    nl: 'Deze zone of dit vergunningtype hoort niet bij uw gemeente.',
    en: 'This zone or permit type does not belong to your municipality.',
  },
} as const satisfies MessageTable;
