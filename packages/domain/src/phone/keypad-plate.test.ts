import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dutchSidecodes } from '../plate/dutch-sidecodes.js';
import {
  characterOfKeys,
  decodeKeypad,
  keypadLetters,
  keysOfCharacter,
  keysOfPlate,
  plateFromKeys,
} from './keypad-plate.js';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

describe('docs/rules.md §5: keying a plate in on the phone — two presses per character', () => {
  it('puts every letter on exactly one key of the phone keypad', () => {
    expect(Object.values(keypadLetters).join('')).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
  });

  it('keys a letter as its key and its place, a digit as itself and 0', () => {
    expect(['A', 'B', 'C', 'S', 'Z', 'V'].map(keysOfCharacter)).toEqual([
      '21',
      '22',
      '23',
      '74',
      '94',
      '83',
    ]);
    expect(['0', '1', '5', '9'].map(keysOfCharacter)).toEqual(['00', '10', '50', '90']);
    expect(keysOfCharacter('-')).toBeUndefined();
  });

  it('reads back every letter and digit from its two presses', () => {
    for (const character of alphabet) {
      const keys = keysOfCharacter(character)!;
      expect(characterOfKeys(keys[0]!, keys[1]!)).toBe(character);
    }
  });

  it('decodes any keyed sequence of letters and digits to what was keyed', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z0-9]{1,10}$/), (text) => {
        expect(decodeKeypad(keysOfPlate(text))).toEqual({ ok: true, text });
      }),
    );
  });

  it('decodes GH-123-B, with or without the finish key', () => {
    expect(keysOfPlate('GH123B')).toBe('414210203022');
    expect(decodeKeypad('414210203022')).toEqual({ ok: true, text: 'GH123B' });
    expect(decodeKeypad('414210203022#')).toEqual({ ok: true, text: 'GH123B' });
  });

  it('takes back the last character, or the half-keyed one, with the star', () => {
    // G H, then a slip (M = 61), erased, then 1 2 3 B.
    expect(decodeKeypad('414261*10203022')).toEqual({ ok: true, text: 'GH123B' });
    // A first press alone is taken back without touching the H before it.
    expect(decodeKeypad('41426*10203022')).toEqual({ ok: true, text: 'GH123B' });
    // Two stars take back two characters; more stars than characters leave nothing.
    expect(decodeKeypad('414221**4142')).toEqual({ ok: true, text: 'GGH' });
    expect(decodeKeypad('41***')).toEqual({ ok: false, reason: 'KEYPAD_EMPTY' });
  });

  it('names what cannot be read', () => {
    expect(decodeKeypad('')).toEqual({ ok: false, reason: 'KEYPAD_EMPTY' });
    expect(decodeKeypad('#')).toEqual({ ok: false, reason: 'KEYPAD_EMPTY' });
    expect(decodeKeypad('41421')).toEqual({ ok: false, reason: 'KEYPAD_INCOMPLETE', keys: '1' });
    // Key 2 has three letters; key 7 has four; 1 and 0 have none.
    for (const pair of ['24', '75', '95', '11', '01', '29']) {
      expect(decodeKeypad(`41${pair}`)).toEqual({
        ok: false,
        reason: 'KEYPAD_NO_SUCH_CHARACTER',
        keys: pair,
      });
    }
    expect(decodeKeypad('74')).toEqual({ ok: true, text: 'S' });
    expect(decodeKeypad('4A')).toEqual({ ok: false, reason: 'KEYPAD_INVALID_KEY', keys: 'A' });
  });

  it('accepts a keyed plate of every Dutch sidecode (1–14), as the web would', () => {
    for (const [sidecode, pattern] of Object.entries(dutchSidecodes)) {
      const normalised = pattern.replaceAll('-', '').replace(/L/g, 'X').replace(/D/g, '9');
      const keyed = plateFromKeys(keysOfPlate(normalised));
      expect(keyed).toEqual({
        ok: true,
        plate: expect.objectContaining({ normalised, sidecode: Number(sidecode), country: 'NL' }),
      });
    }
    expect(plateFromKeys(keysOfPlate('AA12'))).toMatchObject({
      ok: true,
      plate: { kind: 'royal' },
    });
  });

  it('refuses a keyed plate that is no Dutch plate, with the plate rules’ reason', () => {
    expect(plateFromKeys(keysOfPlate('GH1234B'))).toEqual({ ok: false, reason: 'PLATE_NOT_DUTCH' });
    expect(plateFromKeys(keysOfPlate('ABCDEFGHIJK'))).toEqual({
      ok: false,
      reason: 'PLATE_TOO_LONG',
    });
    expect(plateFromKeys('4142102030')).toEqual({ ok: false, reason: 'PLATE_NOT_DUTCH' });
    expect(plateFromKeys('414')).toEqual({ ok: false, reason: 'KEYPAD_INCOMPLETE', keys: '4' });
  });
});
