import { describe, expect, it } from 'vitest';
import { pinProblem } from './pin-rules.js';

describe('a new PIN (docs/rules.md §6, Changing the PIN)', () => {
  it('is four to six digits', () => {
    expect(pinProblem('4831')).toBeNull();
    expect(pinProblem('483190')).toBeNull();
    expect(pinProblem('483')).toBe('PIN_FORMAT');
    expect(pinProblem('4831902')).toBe('PIN_FORMAT');
    expect(pinProblem('48a1')).toBe('PIN_FORMAT');
    expect(pinProblem(' 4831')).toBe('PIN_FORMAT');
  });

  it('is not one digit repeated nor a straight run up or down', () => {
    expect(pinProblem('1111')).toBe('PIN_TOO_SIMPLE');
    expect(pinProblem('000000')).toBe('PIN_TOO_SIMPLE');
    expect(pinProblem('1234')).toBe('PIN_TOO_SIMPLE');
    expect(pinProblem('456789')).toBe('PIN_TOO_SIMPLE');
    expect(pinProblem('9876')).toBe('PIN_TOO_SIMPLE');
    expect(pinProblem('1235')).toBeNull();
    expect(pinProblem('9012')).toBeNull();
  });
});
