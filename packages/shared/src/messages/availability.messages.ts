import type { MessageTable } from './message-table.js';

/** When the platform itself cannot answer in time: the caller can do nothing but try again. */
export const availabilityMessages = {
  /** The request ran out of time; a change it made may or may not have been saved. */
  TIMEOUT: {
    nl: 'Dit duurde te lang en is afgebroken. Controleer of uw wijziging is opgeslagen voordat u het opnieuw probeert.',
    en: 'This took too long and was stopped. Check whether your change was saved before you try again.',
  },
  DATABASE_UNAVAILABLE: {
    nl: 'De gegevens zijn even niet bereikbaar. Probeer het over een paar minuten opnieuw.',
    en: 'The data cannot be reached right now. Please try again in a few minutes.',
  },
  /** A statement or lock wait ran over its limit and was rolled back. */
  DATABASE_TIMEOUT: {
    nl: 'Het is nu te druk om dit op tijd af te handelen. Probeer het zo opnieuw.',
    en: 'It is too busy right now to handle this in time. Please try again shortly.',
  },
  /** On a live subscription: events may have been lost, so what the subscriber shows is stale. */
  EVENTS_MISSED: {
    nl: 'Er kunnen live-wijzigingen gemist zijn. Haal de gegevens opnieuw op.',
    en: 'Live changes may have been missed. Fetch the data again.',
  },
} as const satisfies MessageTable;
