import type { MessageTable } from './message-table.js';

/**
 * Requests refused for their size or shape before anything runs: GraphQL documents beyond the
 * API's limits, HTTP bodies that cannot be read, too many live subscriptions.
 */
export const requestLimitsMessages = {
  QUERY_TOO_LONG: {
    nl: 'De opdracht is te lang: hoogstens {limit} onderdelen (tokens).',
    en: 'The document is too long: at most {limit} tokens.',
  },
  PERSISTED_QUERY_NOT_FOUND: {
    nl: 'Deze opdracht is niet bekend onder dit nummer: stuur de hele opdracht mee.',
    en: 'No document is known by this id: send the whole document with it.',
  },
  QUERY_TOO_DEEP: {
    nl: 'De opdracht is te diep genest: hoogstens {limit} niveaus.',
    en: 'The operation is nested too deeply: at most {limit} levels.',
  },
  QUERY_TOO_MANY_ALIASES: {
    nl: 'De opdracht gebruikt te veel aliassen: hoogstens {limit}.',
    en: 'The operation uses too many aliases: at most {limit}.',
  },
  QUERY_TOO_MANY_DIRECTIVES: {
    nl: 'De opdracht gebruikt te veel directives: hoogstens {limit}.',
    en: 'The operation uses too many directives: at most {limit}.',
  },
  QUERY_TOO_COMPLEX: {
    nl: 'De opdracht vraagt te veel tegelijk: de kosten mogen hoogstens {limit} zijn.',
    en: 'The operation asks for too much at once: its cost may be at most {limit}.',
  },
  MUTATION_TOO_MANY_FIELDS: {
    nl: 'Eén wijzigingsopdracht mag hoogstens {limit} wijzigingen bevatten.',
    en: 'One mutation operation may contain at most {limit} mutations.',
  },
  TOO_MANY_SUBSCRIPTIONS: {
    nl: 'Te veel abonnementen op deze verbinding: hoogstens {limit}.',
    en: 'Too many subscriptions on this connection: at most {limit}.',
  },
  BAD_REQUEST: {
    nl: 'Het verzoek kon niet worden gelezen.',
    en: 'The request could not be read.',
  },
  PAYLOAD_TOO_LARGE: {
    nl: 'Het verzoek is te groot: hoogstens {limit}.',
    en: 'The request is too large: at most {limit}.',
  },
} as const satisfies MessageTable;
