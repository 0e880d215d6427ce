import { describe, expect, it } from 'vitest';
import { rangesFromText, rangesToText } from './ranges-text.js';

describe('address ranges as text (docs/rules.md §3)', () => {
  it('reads one range per line, with an optional side of the street, and writes it back', () => {
    const ranges = rangesFromText('2611aa 2611ZZ 1 99 oneven\n\n 2612AA 2612AB 2 8 ');
    expect(ranges).toEqual([
      {
        postcodeFrom: '2611AA',
        postcodeTo: '2611ZZ',
        houseNumberFrom: 1,
        houseNumberTo: 99,
        parity: 'odd',
      },
      {
        postcodeFrom: '2612AA',
        postcodeTo: '2612AB',
        houseNumberFrom: 2,
        houseNumberTo: 8,
        parity: 'all',
      },
    ]);
    expect(rangesToText(ranges as never)).toBe('2611AA 2611ZZ 1 99 oneven\n2612AA 2612AB 2 8');
  });

  it('names the first line that is no range', () => {
    expect(rangesFromText('2611AA 2611ZZ 1 99\n2611AA 2611ZZ een 9')).toEqual({ badLine: 2 });
    expect(rangesFromText('2611AA 2611ZZ 1 99 links')).toEqual({ badLine: 1 });
  });
});
