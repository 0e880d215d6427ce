import type { MessageTable } from './message-table.js';

/** Documents of the permit counter: uploads (`POST /documents`) and decision letters. */
export const documentMessages = {
  DOCUMENT_TYPE_NOT_ACCEPTED: {
    nl: 'Dit bestand kan niet worden geüpload. Kies een PDF, JPEG of PNG.',
    en: 'This file cannot be uploaded. Choose a PDF, JPEG or PNG.',
  },
  DOCUMENT_EMPTY: {
    nl: 'Het bestand is leeg.',
    en: 'The file is empty.',
  },
  LETTER_NOT_READY: {
    nl: 'De brief wordt nog gemaakt. Probeer het over een minuut opnieuw.',
    en: 'The letter is still being made. Please try again in a minute.',
  },
} as const satisfies MessageTable;
