import type { Language } from '@parkeer/shared/language';
import { formatPlate, normalisePlate } from '../plate/plate.js';

/*
 * The phone line reads a plate back letter by letter (docs/rules.md §5, "The phone line"): a
 * caller on a bad line cannot tell B from D or M from N, but can tell Bernard from Dirk. Dutch
 * callers hear the Dutch spelling alphabet (the one the police, the ANWB and call centres use);
 * English callers hear the ICAO alphabet they know, since "Izaak" and "Teunis" mean nothing to them.
 */
const dutchAlphabet = {
  A: 'Anton',
  B: 'Bernard',
  C: 'Cornelis',
  D: 'Dirk',
  E: 'Eduard',
  F: 'Ferdinand',
  G: 'Gerard',
  H: 'Hendrik',
  I: 'Izaak',
  J: 'Johan',
  K: 'Karel',
  L: 'Lodewijk',
  M: 'Maria',
  N: 'Nico',
  O: 'Otto',
  P: 'Pieter',
  Q: 'Quirinus',
  R: 'Rudolf',
  S: 'Simon',
  T: 'Teunis',
  U: 'Utrecht',
  V: 'Victor',
  W: 'Willem',
  X: 'Xantippe',
  Y: 'Ypsilon',
  Z: 'Zaandam',
} as const;

const icaoAlphabet = {
  A: 'Alfa',
  B: 'Bravo',
  C: 'Charlie',
  D: 'Delta',
  E: 'Echo',
  F: 'Foxtrot',
  G: 'Golf',
  H: 'Hotel',
  I: 'India',
  J: 'Juliett',
  K: 'Kilo',
  L: 'Lima',
  M: 'Mike',
  N: 'November',
  O: 'Oscar',
  P: 'Papa',
  Q: 'Quebec',
  R: 'Romeo',
  S: 'Sierra',
  T: 'Tango',
  U: 'Uniform',
  V: 'Victor',
  W: 'Whiskey',
  X: 'X-ray',
  Y: 'Yankee',
  Z: 'Zulu',
} as const;

export type Letter = keyof typeof dutchAlphabet;

export const spellingAlphabet: Readonly<Record<Language, Readonly<Record<Letter, string>>>> = {
  nl: dutchAlphabet,
  en: icaoAlphabet,
};

/*
 * Digits as words, so a speech engine never reads "12" as twelve. Dutch "één" carries its accents:
 * without them an engine may read "een" as the article, which callers hear as a swallowed digit.
 */
export const digitWords: Readonly<Record<Language, readonly string[]>> = {
  nl: ['nul', 'één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen'],
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
};

/** The word for one letter or digit; anything else (there is nothing else in a plate) as itself. */
export function spellCharacter(character: string, language: Language): string {
  if (/^[0-9]$/.test(character)) return digitWords[language][Number(character)]!;
  return spellingAlphabet[language][character as Letter] ?? character;
}

/**
 * A plate spelled out, in the groups it is shown in: `GH-123-B` →
 * `[['Gerard', 'Hendrik'], ['één', 'twee', 'drie'], ['Bernard']]`. The groups let the line pause
 * where the plate has its dashes, which is how people remember a plate.
 */
export function spellPlateGroups(plate: string, language: Language, country = 'NL'): string[][] {
  return formatPlate(normalisePlate(plate), country)
    .split('-')
    .filter((group) => group !== '')
    .map((group) => [...group].map((character) => spellCharacter(character, language)));
}

/** A plate spelled out as one phrase: words by commas, groups by a full stop (a longer pause). */
export function spellPlate(plate: string, language: Language, country = 'NL'): string {
  return spellPlateGroups(plate, language, country)
    .map((group) => group.join(', '))
    .join('. ');
}

/**
 * A plate read plainly, each letter and digit on its own, for the lists the line reads out
 * (spelled out in full, a list of five plates would take a minute): `GH-123-B` → `G H, 1 2 3, B`.
 */
export function sayPlatePlainly(plate: string, country = 'NL'): string {
  return formatPlate(normalisePlate(plate), country)
    .split('-')
    .filter((group) => group !== '')
    .map((group) => [...group].join(' '))
    .join(', ');
}
