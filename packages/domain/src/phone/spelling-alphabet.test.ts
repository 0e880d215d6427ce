import { describe, expect, it } from 'vitest';
import { dutchSidecodes } from '../plate/dutch-sidecodes.js';
import {
  digitWords,
  sayPlatePlainly,
  spellCharacter,
  spellingAlphabet,
  spellPlate,
  spellPlateGroups,
  type Letter,
} from './spelling-alphabet.js';

const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'] as Letter[];

describe('docs/rules.md §5: the phone line reads a plate back with the spelling alphabet', () => {
  it('has a word for every letter in Dutch and English, starting with that letter', () => {
    for (const language of ['nl', 'en'] as const) {
      const alphabet = spellingAlphabet[language];
      expect(Object.keys(alphabet).sort()).toEqual(letters);
      for (const letter of letters) expect(alphabet[letter][0]).toBe(letter);
      // Two letters with one word would make the read-back useless.
      expect(new Set(Object.values(alphabet)).size).toBe(26);
    }
  });

  it('uses the Dutch spelling alphabet in Dutch and ICAO in English', () => {
    expect(letters.slice(0, 4).map((letter) => spellCharacter(letter, 'nl'))).toEqual([
      'Anton',
      'Bernard',
      'Cornelis',
      'Dirk',
    ]);
    expect(['I', 'T', 'X', 'Z'].map((letter) => spellCharacter(letter, 'nl'))).toEqual([
      'Izaak',
      'Teunis',
      'Xantippe',
      'Zaandam',
    ]);
    expect(letters.slice(0, 4).map((letter) => spellCharacter(letter, 'en'))).toEqual([
      'Alfa',
      'Bravo',
      'Charlie',
      'Delta',
    ]);
  });

  it('says digits as words, one by one, with a stressed één', () => {
    expect([...'0123456789'].map((digit) => spellCharacter(digit, 'nl'))).toEqual(digitWords.nl);
    expect(spellCharacter('1', 'nl')).toBe('één');
    expect(spellCharacter('7', 'en')).toBe('seven');
  });

  it('spells a plate in the groups of its sidecode', () => {
    expect(spellPlateGroups('GH123B', 'nl')).toEqual([
      ['Gerard', 'Hendrik'],
      ['één', 'twee', 'drie'],
      ['Bernard'],
    ]);
    expect(spellPlate('gh-123-b', 'nl')).toBe('Gerard, Hendrik. één, twee, drie. Bernard');
    expect(spellPlate('GH123B', 'en')).toBe('Golf, Hotel. one, two, three. Bravo');
  });

  it('spells every Dutch sidecode (1–14) with a pause where the plate has its dashes', () => {
    for (const pattern of Object.values(dutchSidecodes)) {
      // A plate of the pattern's shape: L → Q, D → 7.
      const plate = pattern.replaceAll('-', '').replace(/L/g, 'Q').replace(/D/g, '7');
      const groups = spellPlateGroups(plate, 'nl');
      expect(groups.map((group) => group.length)).toEqual(
        pattern.split('-').map((group) => group.length),
      );
      expect(groups.flat().every((word) => word === 'Quirinus' || word === 'zeven')).toBe(true);
    }
  });

  it('spells royal, diplomatic and foreign plates', () => {
    expect(spellPlateGroups('AA12', 'nl')).toEqual([
      ['Anton', 'Anton'],
      ['één', 'twee'],
    ]);
    expect(spellPlate('CDJ12', 'nl')).toBe('Cornelis, Dirk. Johan. één, twee');
    // A foreign plate has no groups the platform knows: one phrase.
    expect(spellPlate('B123XY', 'en', 'DE')).toBe('Bravo, one, two, three, X-ray, Yankee');
  });

  it('reads a plate plainly for lists, grouped as on the plate', () => {
    expect(sayPlatePlainly('GH123B')).toBe('G H, 1 2 3, B');
    expect(sayPlatePlainly('12abc3')).toBe('1 2, A B C, 3');
  });
});
