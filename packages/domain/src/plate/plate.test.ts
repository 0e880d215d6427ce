import { errorMessage } from '@parkeer/shared/messages/error-catalogue';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dutchSidecodes, type DutchSidecode } from './dutch-sidecodes.js';
import { formatPlate, normalisePlate, parsePlate, plateMaxLength, type Plate } from './plate.js';

/** The accepted plate, or a failure that shows the refusal (so a wrong reason reads clearly). */
function accepted(input: string, country?: string): Plate {
  const outcome = parsePlate(input, country);
  if (!outcome.ok) throw new Error(`${input} (${country ?? '-'}) refused: ${outcome.reason}`);
  return outcome.plate;
}

// One real-looking plate per sidecode, as shown on the plate.
const examples: ReadonlyArray<readonly [DutchSidecode, string]> = [
  [1, 'DE-12-34'], // oldtimer imports are issued on sidecode 1 today
  [2, '12-34-ZZ'],
  [3, '45-YB-67'], // youngtimers
  [4, 'DB-01-BB'], // the first yellow plate, 1978
  [5, 'HP-RX-87'],
  [6, '69-ZR-HX'],
  [7, '07-KHT-4'],
  [8, '3-TJK-97'],
  [9, 'KN-312-T'],
  [10, 'G-001-BB'], // the first sidecode 10 plate, 2019
  [11, 'GXN-54-J'],
  [12, 'G-12-BBB'],
  [13, '1-GB-123'],
  [14, '123-GB-1'],
];

describe('docs/rules.md §5: plates — Dutch sidecodes 1–14', () => {
  it('has an example for every sidecode', () => {
    expect(examples.map(([sidecode]) => sidecode)).toEqual(Object.keys(dutchSidecodes).map(Number));
  });

  it.each(examples)('recognises sidecode %i (%s) however it is typed', (sidecode, display) => {
    const normalised = display.replaceAll('-', '');
    const typings = [
      display,
      normalised,
      normalised.toLowerCase(),
      display.replaceAll('-', '.'),
      display.replaceAll('-', ' '),
      ` ${display.toLowerCase().replaceAll('-', ' - ')} `,
      display.replaceAll('-', '–'), // en dash, as phones autocorrect it
    ];
    for (const typed of typings) {
      expect(accepted(typed), typed).toEqual({
        normalised,
        display,
        country: 'NL',
        kind: 'dutch',
        sidecode,
      });
    }
  });

  it('formats a normalised plate with the dashes of its sidecode', () => {
    expect(formatPlate('XX999X')).toBe('XX-999-X');
    expect(formatPlate('X999XX')).toBe('X-999-XX');
    expect(formatPlate('99XXX9')).toBe('99-XXX-9');
    expect(formatPlate('xx999x', 'nl')).toBe('XX-999-X');
    for (const [, display] of examples)
      expect(formatPlate(display.replaceAll('-', ''))).toBe(display);
  });

  it('accepts every letter, vowels and C and Q included, since real plates use them', () => {
    expect(accepted('OA-12-QC')).toMatchObject({ display: 'OA-12-QC', sidecode: 4 }); // trailer
    expect(accepted('AE-12-34')).toMatchObject({ display: 'AE-12-34', kind: 'dutch' });
  });

  it('refuses shapes that are no sidecode, with a hint to choose a country', () => {
    for (const input of ['XX-999-XX', 'XXX-999', '12-34-56', 'AB-CD-EF', 'ABC', 'A1']) {
      const normalised = normalisePlate(input);
      expect(parsePlate(input), input).toEqual({
        ok: false,
        reason: 'PLATE_NOT_DUTCH',
        params: { plate: normalised },
      });
    }
    const refusal = parsePlate('B-AB 1234');
    expect(refusal.ok).toBe(false);
    if (!refusal.ok) {
      expect(errorMessage(refusal.reason, 'en', refusal.params)).toMatch(/^BAB1234 .*country/);
      expect(errorMessage(refusal.reason, 'nl', refusal.params)).toMatch(/^BAB1234 .*land/);
    }
  });
});

describe('docs/rules.md §5: plates — diplomatic and royal plates', () => {
  it('labels CD on sidecodes 1 and 3 diplomatic, as issued since 1991', () => {
    expect(accepted('CD-10-00')).toEqual({
      normalised: 'CD1000',
      display: 'CD-10-00',
      country: 'NL',
      kind: 'diplomatic',
      sidecode: 1,
    });
    expect(accepted('00 cd 01')).toMatchObject({
      display: '00-CD-01',
      kind: 'diplomatic',
      sidecode: 3,
    });
    // Typed in another grouping, the plate is still the sidecode 1 plate the RDW issued.
    expect(accepted('CD-123-4')).toMatchObject({
      display: 'CD-12-34',
      kind: 'diplomatic',
      sidecode: 1,
    });
  });

  it('accepts the short CD plates (International Court of Justice, CD-letter groups)', () => {
    expect(accepted('CDJ 12')).toEqual({
      normalised: 'CDJ12',
      display: 'CD-J-12',
      country: 'NL',
      kind: 'diplomatic',
    });
    expect(accepted('cd-abc-1')).toMatchObject({ display: 'CD-ABC-1', kind: 'diplomatic' });
    expect(accepted('CD.123')).toMatchObject({ display: 'CD-123', kind: 'diplomatic' });
    expect(accepted('CD-A-99')).toMatchObject({ display: 'CD-A-99', kind: 'diplomatic' });
    expect(accepted('CD-J-12').sidecode).toBeUndefined();
  });

  it('does not stretch CD to any text', () => {
    for (const input of ['CD', 'CD-ABCD-1', 'CD-12345', 'CD-1-A']) {
      expect(parsePlate(input), input).toMatchObject({ ok: false, reason: 'PLATE_NOT_DUTCH' });
    }
  });

  it('accepts royal house plates: AA and a number', () => {
    expect(accepted('AA-12')).toEqual({
      normalised: 'AA12',
      display: 'AA-12',
      country: 'NL',
      kind: 'royal',
    });
    expect(accepted('aa 1')).toMatchObject({ display: 'AA-1', kind: 'royal' });
    expect(accepted('AA123')).toMatchObject({ display: 'AA-123', kind: 'royal' });
    expect(accepted('AA-12-34')).toMatchObject({ display: 'AA-12-34', kind: 'royal', sidecode: 1 });
    for (const input of ['AA', 'AA-12345', 'AB-12']) {
      expect(parsePlate(input), input).toMatchObject({ ok: false, reason: 'PLATE_NOT_DUTCH' });
    }
  });

  it('looks at the first letter group only, where the RDW puts a series letter', () => {
    expect(accepted('GB-12-CD').kind).toBe('dutch');
    expect(accepted('GB-12-AA').kind).toBe('dutch');
    expect(accepted('CDB-12-G').kind).toBe('diplomatic');
  });
});

describe('docs/rules.md §5: plates — foreign plates need their country', () => {
  it('accepts a foreign plate with an explicit country, normalised the same way', () => {
    expect(accepted('B-AB 1234', 'DE')).toEqual({
      normalised: 'BAB1234',
      display: 'BAB1234',
      country: 'DE',
      kind: 'foreign',
    });
    expect(accepted('1-abc-123', ' be ')).toMatchObject({ normalised: '1ABC123', country: 'BE' });
    expect(accepted('J 1', 'JE')).toMatchObject({ normalised: 'J1', display: 'J1' });
    expect(accepted('XX-999-X', 'FR')).toMatchObject({ kind: 'foreign', display: 'XX999X' });
  });

  it('folds diacritics and Cyrillic or Greek look-alikes to the letters a scan car reads', () => {
    expect(accepted('LÖ-AB 123', 'DE').normalised).toBe('LOAB123');
    expect(accepted('АА 1234 ВХ', 'UA').normalised).toBe('AA1234BX'); // Cyrillic letters
    expect(accepted('ΙΚΤ-1234', 'GR').normalised).toBe('IKT1234'); // Greek letters
  });

  it('refuses a foreign plate without a country, and reads NL as Dutch', () => {
    expect(parsePlate('B-AB 1234')).toMatchObject({ ok: false, reason: 'PLATE_NOT_DUTCH' });
    expect(parsePlate('B-AB 1234', 'NL')).toMatchObject({ ok: false, reason: 'PLATE_NOT_DUTCH' });
    expect(parsePlate('B-AB 1234', '')).toMatchObject({ ok: false, reason: 'PLATE_NOT_DUTCH' });
    expect(accepted('xx999x', 'nl')).toMatchObject({ kind: 'dutch', country: 'NL', sidecode: 9 });
  });

  it('refuses a country that is not an ISO 3166-1 alpha-2 code', () => {
    for (const country of ['XX', 'UK', 'EU', 'NLD', 'D', '1A', 'Nederland']) {
      expect(parsePlate('B-AB 1234', country), country).toEqual({
        ok: false,
        reason: 'PLATE_INVALID_COUNTRY',
        params: { country },
      });
    }
    expect(accepted('PR 12345', 'XK').country).toBe('XK'); // Kosovo: the code the EU uses
  });

  it('shows a foreign plate as stored: its grouping is not ours to guess', () => {
    expect(formatPlate('BAB1234', 'DE')).toBe('BAB1234');
    expect(formatPlate('XX999X', 'BE')).toBe('XX999X');
  });
});

describe('docs/rules.md §5: plates — reasons for an invalid plate', () => {
  it('refuses empty input', () => {
    for (const input of ['', '   ', ' - . – ']) {
      expect(parsePlate(input)).toEqual({ ok: false, reason: 'PLATE_EMPTY' });
      expect(parsePlate(input, 'DE')).toEqual({ ok: false, reason: 'PLATE_EMPTY' });
    }
  });

  it('names the characters that are not letters or digits', () => {
    expect(parsePlate('XX#999!X')).toEqual({
      ok: false,
      reason: 'PLATE_INVALID_CHARACTERS',
      params: { characters: '# !' },
    });
    expect(parsePlate('XX_999_X', 'DE')).toMatchObject({ params: { characters: '_' } });
    expect(parsePlate('ДЖ-12-34', 'UA')).toMatchObject({ params: { characters: 'Д Ж' } });
  });

  it('refuses more than ten letters and digits, Dutch or foreign', () => {
    expect(plateMaxLength).toBe(10);
    expect(accepted('ABCDE12345', 'GB').normalised).toBe('ABCDE12345');
    for (const country of [undefined, 'GB']) {
      expect(parsePlate('ABCDE-123456', country)).toEqual({
        ok: false,
        reason: 'PLATE_TOO_LONG',
        params: { max: 10 },
      });
    }
  });

  it('checks the country before the plate, since it decides the rules', () => {
    expect(parsePlate('', 'ZZ')).toMatchObject({ reason: 'PLATE_INVALID_COUNTRY' });
  });
});

describe('docs/rules.md §5: plates — normalising for storage and enforcement', () => {
  it('upper-cases and strips spaces, dots and dashes of any kind', () => {
    expect(normalisePlate(' xx-999.x ')).toBe('XX999X');
    expect(normalisePlate('XX\u00a0999\u2013X\u2212')).toBe('XX999X'); // no-break space, en dash, minus
    expect(normalisePlate('ＸＸ－９９９－Ｘ')).toBe('XX999X'); // full-width, as some keyboards type
  });

  it('keeps other characters so that they can be reported', () => {
    expect(normalisePlate('xx/999*x')).toBe('XX/999*X');
  });
});

const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const digit = fc.constantFrom(...'0123456789');
const separator = fc.constantFrom('', '', '-', ' ', '.', ' - ', '–', '\u00a0');
const alphanumeric = fc.oneof(letter, digit);
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string(),
);

/** A character as typed: upper or lower case. */
const typedAs = (character: fc.Arbitrary<string>) =>
  fc.tuple(character, fc.boolean()).map(([c, lower]) => ({
    canonical: c,
    typed: lower ? c.toLowerCase() : c,
  }));

/** A plate of a sidecode with random letters and digits, typed with random case and separators. */
const typedDutchPlate = fc
  .constantFrom(...(Object.keys(dutchSidecodes).map(Number) as DutchSidecode[]))
  .chain((sidecode) =>
    fc
      .tuple(
        ...[...dutchSidecodes[sidecode]].map((symbol) =>
          symbol === 'L'
            ? typedAs(letter)
            : symbol === 'D'
              ? typedAs(digit)
              : separator.map((typed) => ({ canonical: '', typed })),
        ),
      )
      .map((characters) => ({
        sidecode,
        canonical: characters.map((c) => c.canonical).join(''),
        typed: characters.map((c) => c.typed).join(''),
      })),
  );

describe('docs/rules.md §5: plates — properties', () => {
  it('normalising is idempotent', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = normalisePlate(text);
        expect(normalisePlate(once)).toBe(once);
      }),
    );
  });

  it('every plate of every sidecode is accepted, however it is typed, and keeps its sidecode', () => {
    fc.assert(
      fc.property(typedDutchPlate, ({ sidecode, canonical, typed }) => {
        const plate = accepted(typed);
        expect(plate.normalised).toBe(canonical);
        expect(plate.sidecode).toBe(sidecode);
        expect(plate.display.replace(/[A-Z]/g, 'L').replace(/[0-9]/g, 'D')).toBe(
          dutchSidecodes[sidecode],
        );
        expect(normalisePlate(plate.display)).toBe(plate.normalised);
      }),
    );
  });

  it('formatting and normalising again gives the stored plate back, for any country', () => {
    const stored = fc
      .array(alphanumeric, { minLength: 1, maxLength: plateMaxLength })
      .map((cs) => cs.join(''));
    const country = fc.constantFrom(undefined, 'NL', 'DE', 'BE', 'UA');
    fc.assert(
      fc.property(stored, country, (normalised, code) => {
        expect(normalisePlate(formatPlate(normalised, code))).toBe(normalised);
      }),
    );
  });

  it('with a foreign country any 1–10 letters and digits are accepted as typed', () => {
    const typed = fc
      .array(fc.tuple(alphanumeric, separator, fc.boolean()), {
        minLength: 1,
        maxLength: plateMaxLength,
      })
      .map((parts) => parts.map(([c, sep, lower]) => (lower ? c.toLowerCase() : c) + sep).join(''));
    fc.assert(
      fc.property(typed, (input) => {
        const plate = accepted(input, 'DE');
        expect(plate.normalised).toBe(input.toUpperCase().replace(/[^A-Z0-9]/g, ''));
        expect(plate.display).toBe(plate.normalised);
      }),
    );
  });

  it('an accepted plate is always 1–10 letters and digits, equal to the normalised input', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(undefined, 'DE'), (input, country) => {
        const outcome = parsePlate(input, country);
        if (outcome.ok) {
          expect(outcome.plate.normalised).toMatch(/^[A-Z0-9]{1,10}$/);
          expect(outcome.plate.normalised).toBe(normalisePlate(input));
        }
      }),
    );
  });
});
