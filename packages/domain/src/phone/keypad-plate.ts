import { parsePlate, type Plate, type PlateCode } from '../plate/plate.js';

/*
 * Keying a plate in on a phone (docs/rules.md §5, "The phone line"). A phone keypad has three or
 * four letters on a key and the line hears only the key, so each character takes two presses:
 *
 * - a letter: its key, then its place on that key (1–4): A = 2 1, B = 2 2, S = 7 4, Z = 9 4;
 * - a digit: the digit, then 0: 5 = 5 0, 0 = 0 0, 1 = 1 0.
 *
 * Every character is two presses, so the line never has to guess where one ends (multi-tap, which
 * old phones used, needs a pause between letters on the same key, and a pause is exactly what a
 * webhook cannot hear). Guessing the letters from the sidecode's shape was also considered: the
 * shape does not tell a letter from a digit on its own (GH-123-B and 44-123-2 key alike). The star
 * takes back the last character, or half of one, so a slip costs two presses instead of the plate.
 */
export const keypadLetters: Readonly<Record<string, string>> = {
  '2': 'ABC',
  '3': 'DEF',
  '4': 'GHI',
  '5': 'JKL',
  '6': 'MNO',
  '7': 'PQRS',
  '8': 'TUV',
  '9': 'WXYZ',
};

/** The key that takes back the last character. */
export const keypadEraseKey = '*';
/** The key that ends the plate; the provider usually strips it, so it is accepted at the end. */
export const keypadFinishKey = '#';

export type KeypadCode =
  /** Nothing keyed (or everything erased). */
  | 'KEYPAD_EMPTY'
  /** The last character has only its first press. */
  | 'KEYPAD_INCOMPLETE'
  /** A pair that is no character: a place past the key's letters (2 5), or 1 and 0 with a place. */
  | 'KEYPAD_NO_SUCH_CHARACTER'
  /** Something that is not a key of a phone. */
  | 'KEYPAD_INVALID_KEY';

export type KeypadOutcome<T> =
  | ({ readonly ok: true } & T)
  | { readonly ok: false; readonly reason: KeypadCode; readonly keys?: string };

/** The character of one pair of presses, or undefined when the pair is none. */
export function characterOfKeys(key: string, place: string): string | undefined {
  if (!/^[0-9]$/.test(key) || !/^[0-9]$/.test(place)) return undefined;
  if (place === '0') return key;
  return keypadLetters[key]?.[Number(place) - 1];
}

/** The two presses of a letter or digit (upper case), or undefined for anything else. */
export function keysOfCharacter(character: string): string | undefined {
  if (/^[0-9]$/.test(character)) return `${character}0`;
  for (const [key, letters] of Object.entries(keypadLetters)) {
    const place = letters.indexOf(character);
    if (place >= 0 && character.length === 1) return `${key}${place + 1}`;
  }
  return undefined;
}

/** The presses that key a normalised plate in, for the simulator and the line's own examples. */
export function keysOfPlate(normalised: string): string {
  return [...normalised].map((character) => keysOfCharacter(character) ?? '').join('');
}

/** The text the keys stand for: letters and digits, upper case; a bad pair is named. */
export function decodeKeypad(keys: string): KeypadOutcome<{ text: string }> {
  const presses = keys.endsWith(keypadFinishKey) ? keys.slice(0, -1) : keys;
  const characters: string[] = [];
  let pending: string | undefined;
  for (const press of presses) {
    if (press === keypadEraseKey) {
      // A half-typed character goes first; otherwise the last whole one.
      if (pending !== undefined) pending = undefined;
      else characters.pop();
    } else if (!/^[0-9]$/.test(press)) {
      return { ok: false, reason: 'KEYPAD_INVALID_KEY', keys: press };
    } else if (pending === undefined) {
      pending = press;
    } else {
      const character = characterOfKeys(pending, press);
      if (character === undefined) {
        return { ok: false, reason: 'KEYPAD_NO_SUCH_CHARACTER', keys: pending + press };
      }
      characters.push(character);
      pending = undefined;
    }
  }
  if (pending !== undefined) return { ok: false, reason: 'KEYPAD_INCOMPLETE', keys: pending };
  if (characters.length === 0) return { ok: false, reason: 'KEYPAD_EMPTY' };
  return { ok: true, text: characters.join('') };
}

/**
 * A Dutch plate keyed in (docs/rules.md §5): the keys decoded, then read by the same rules as a
 * plate typed on the web, so a keyed plate is valid exactly when the typed one is. Only Dutch
 * plates: the line cannot ask for a country by keypad in any way a caller would manage, and a
 * foreign plate can still be picked from the favorites.
 */
export function plateFromKeys(keys: string):
  | { readonly ok: true; readonly plate: Plate }
  | {
      readonly ok: false;
      readonly reason: KeypadCode | PlateCode;
      readonly keys?: string;
    } {
  const decoded = decodeKeypad(keys);
  if (!decoded.ok) return decoded;
  const parsed = parsePlate(decoded.text);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  return { ok: true, plate: parsed.plate };
}
