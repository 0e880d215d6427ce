import type { MessageTable } from './message-table.js';

/** Addresses: the address registry's answers, zone shapes and the back office's address import. */
export const addressMessages = {
  ADDRESS_REGISTRY_UNAVAILABLE: {
    nl: 'Het adressenregister (BAG) antwoordt nu niet; dit adres kan daarom niet worden opgezocht. Probeer het later opnieuw.',
    en: 'The address registry (BAG) is not answering now, so this address cannot be looked up. Please try again later.',
  },
  ZONE_SHAPE_POSTCODE_INVALID: {
    nl: 'Vul een postcode in als 2611HA.',
    en: 'Please enter a postcode such as 2611HA.',
  },
  ZONE_SHAPE_HOUSE_NUMBER_INVALID: {
    nl: 'Een huisnummer is een heel getal van 1 tot en met 99999.',
    en: 'A house number is a whole number from 1 to 99999.',
  },
  ZONE_SHAPE_RANGE_REVERSED: {
    nl: 'Het einde van een reeks mag niet vóór het begin liggen.',
    en: 'A range must not end before it starts.',
  },
  ZONE_SHAPE_RING_TOO_SHORT: {
    nl: 'Een vlak heeft ten minste drie hoekpunten nodig.',
    en: 'An area needs at least three corners.',
  },
  ZONE_SHAPE_NOT_RD: {
    nl: 'De coördinaten moeten in het Rijksdriehoekstelsel (EPSG:28992) in Nederland liggen.',
    en: 'The coordinates must be in the Dutch national grid (EPSG:28992), inside the Netherlands.',
  },
  ZONE_SHAPE_AREA_TYPE: {
    nl: 'Een vlak is een GeoJSON Polygon of MultiPolygon.',
    en: 'An area is a GeoJSON Polygon or MultiPolygon.',
  },
  ZONE_SHAPE_AREA_UNREADABLE: {
    nl: 'Het vlak is geen leesbare GeoJSON.',
    en: 'The area is not readable GeoJSON.',
  },
  ADDRESS_IMPORT_FILE_TOO_LARGE: {
    nl: 'Het bestand is te groot (hoogstens {max} regels); splits het in delen.',
    en: 'The file is too large (at most {max} rows); please split it.',
  },
  ADDRESS_IMPORT_HEADER_MISSING: {
    nl: 'De kopregel mist de kolom {column}.',
    en: 'The header row lacks the column {column}.',
  },
  ADDRESS_IMPORT_FILE_UNREADABLE: {
    nl: 'Dit bestand kan niet worden gelezen in het gekozen formaat.',
    en: 'This file cannot be read in the chosen format.',
  },
  ADDRESS_IMPORT_ROW_COLUMNS: {
    nl: 'De regel heeft niet evenveel kolommen als de kopregel.',
    en: 'The row does not have as many columns as the header row.',
  },
  ADDRESS_IMPORT_ROW_STREET_MISSING: {
    nl: 'De straat of woonplaats ontbreekt.',
    en: 'The street or town is missing.',
  },
  ADDRESS_IMPORT_ROW_POINT_INVALID: {
    nl: 'De coördinaten zijn onvolledig of liggen niet in Nederland.',
    en: 'The coordinates are incomplete or do not lie in the Netherlands.',
  },
  ADDRESS_IMPORT_ROW_ZONE_UNKNOWN: {
    nl: 'De gemeente heeft geen zone {zone}.',
    en: 'The town has no zone {zone}.',
  },
  ADDRESS_IMPORT_ROW_BAG_ID_INVALID: {
    nl: 'Een BAG-identificatie bestaat uit 16 cijfers.',
    en: 'A BAG identifier has 16 digits.',
  },
  ADDRESS_IMPORT_ROW_PARKING_INVALID: {
    nl: 'Eigen parkeerplaats is ja, nee of leeg.',
    en: 'Own parking is yes (ja), no (nee) or empty.',
  },
  ADDRESS_IMPORT_ROW_DUPLICATE: {
    nl: 'Dit adres staat al op regel {first} van het bestand.',
    en: 'This address already appears in row {first} of the file.',
  },
} as const satisfies MessageTable;
