import type { MessageTable } from './message-table.js';

/** The back office deciding applications of the permit counter (docs/rules.md §1). */
export const counterReviewMessages = {
  APPLICATION_ALREADY_DECIDED: {
    nl: 'Over deze aanvraag is al beslist; een beslissing wordt niet overschreven.',
    en: 'This application has already been decided; a decision is not overwritten.',
  },
  APPLICATION_NOT_AWAITING_REVIEW: {
    nl: 'Deze aanvraag wacht niet op een beoordeling: ze is nog niet betaald.',
    en: 'This application is not waiting for a review: it has not been paid yet.',
  },
} as const satisfies MessageTable;
