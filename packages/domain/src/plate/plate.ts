import type { plateMessages } from '@parkeer/shared/messages/plate.messages';
import { refuse, type Outcome } from '../result.js';
import { isCountryCode } from './country-codes.js';
import type { DutchSidecode } from './dutch-sidecodes.js';
import { matchDutchPlate } from './dutch-special-plates.js';

export type PlateCode = keyof typeof plateMessages;

export type PlateKind = 'dutch' | 'diplomatic' | 'royal' | 'foreign';

/** A licence plate as the platform stores and shows it (docs/rules.md §5, §9). */
export interface Plate {
  /** Upper case letters and digits only: the key for storage, look-ups and enforcement. */
  readonly normalised: string;
  /** How the plate is shown: with the sidecode's dashes for a Dutch plate. */
  readonly display: string;
  /** ISO 3166-1 alpha-2; `NL` for every Dutch plate, diplomatic and royal included. */
  readonly country: string;
  readonly kind: PlateKind;
  /** The Dutch sidecode (1–14), absent for foreign plates and the short AA and CD plates. */
  readonly sidecode?: DutchSidecode;
}

/** No plate anywhere is longer than this; more is a typing or pasting accident. */
export const plateMaxLength = 10;

const dutch = 'NL';

/*
 * Letters on Cyrillic and Greek plates are chosen to look like Latin ones (Ukraine, Bulgaria and
 * Greece use only these), and scan cars read them as Latin. A visitor typing on a Ukrainian or
 * Greek keyboard must end up with the plate the scan car reads.
 */
const lookalikes = 'АВЕІКМНОРСТУХ' + 'ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ'; // Cyrillic, then Greek capitals
const latinLetters = 'ABEIKMHOPCTYX' + 'ABEZHIKMNOPTYX'; // the Latin letter each one stands for
const lookalike = new RegExp(`[${lookalikes}]`, 'gu');
const latinOf = (letter: string) => latinLetters[lookalikes.indexOf(letter)] ?? letter;

/**
 * The canonical form of a plate, for storage, index look-ups and the enforcement check: upper case,
 * without spaces, dots or dashes (of any kind: phones and word processors turn `-` into `–`).
 *
 * Letters with diacritics lose them (`LÖ` → `LO`, as on German plates): scan cars and the parking
 * registers work in A–Z and 0–9, so the plate a visitor types must match what the scan car reads.
 * Compatibility forms (full-width letters) become plain ones. Anything else is kept, so that
 * `parsePlate` can name it rather than silently accept a mistyped plate.
 */
export function normalisePlate(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(lookalike, latinOf)
    .replace(/[\s\p{Pd}.\u2212]/gu, '');
}

/** `undefined`, blank and `NL` (any case) all mean a Dutch plate. */
function countryOf(country: string | undefined): string {
  const code = (country ?? '').trim().toUpperCase();
  return code === '' ? dutch : code;
}

/**
 * Reads a plate as a visitor types it (docs/rules.md §5). Without a country (or with `NL`) it must be a
 * Dutch plate: a sidecode, or a royal or diplomatic plate. A foreign plate is accepted only with
 * its explicit country, because without one a typo in a Dutch plate would pass unnoticed; its
 * format is not checked beyond 1–10 letters and digits, since the platform cannot know every
 * country's series.
 *
 * The country is checked first: it decides which rules the plate is read by.
 */
export function parsePlate(input: string, country?: string): Outcome<{ plate: Plate }, PlateCode> {
  const countryCode = countryOf(country);
  if (!isCountryCode(countryCode)) {
    return refuse('PLATE_INVALID_COUNTRY', { country: (country ?? '').trim() });
  }

  const normalised = normalisePlate(input);
  if (normalised === '') return refuse('PLATE_EMPTY');
  const invalid = [...new Set(normalised.replace(/[A-Z0-9]/g, ''))];
  if (invalid.length > 0) {
    return refuse('PLATE_INVALID_CHARACTERS', { characters: invalid.join(' ') });
  }
  if (normalised.length > plateMaxLength) return refuse('PLATE_TOO_LONG', { max: plateMaxLength });

  if (countryCode !== dutch) {
    const plate: Plate = { normalised, display: normalised, country: countryCode, kind: 'foreign' };
    return { ok: true, plate };
  }
  const match = matchDutchPlate(normalised);
  if (!match) return refuse('PLATE_NOT_DUTCH', { plate: normalised });
  return { ok: true, plate: { normalised, country: dutch, ...match } };
}

/**
 * How a stored plate is shown. Dutch plates get their sidecode's dashes (`XX999X` → `XX-999-X`);
 * foreign plates are shown as stored, because their grouping differs per country and per series.
 * Input that is not a recognisable plate (old data) is shown normalised rather than refused.
 */
export function formatPlate(plate: string, country?: string): string {
  const normalised = normalisePlate(plate);
  if (countryOf(country) !== dutch) return normalised;
  return matchDutchPlate(normalised)?.display ?? normalised;
}
