import { describe, expect, it } from 'vitest';
import { canonicalJson, sameValue } from './same-value.js';

describe('comparing JSON values', () => {
  it('ignores the order of keys, also deep in lists', () => {
    expect(
      sameValue({ a: 1, b: { c: [{ x: 1, y: 2 }] } }, { b: { c: [{ y: 2, x: 1 }] }, a: 1 }),
    ).toBe(true);
    expect(canonicalJson({ b: 1, a: undefined, c: null })).toBe('{"b":1,"c":null}');
  });

  it('sees a different value, a different list order and a missing key', () => {
    expect(sameValue({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: 1, b: null }, { a: 1 })).toBe(false);
  });
});
