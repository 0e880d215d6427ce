import { describe, expect, it } from 'vitest';
import { gatherKey } from './gather-keys.js';

const choice = { maxDigits: 1, finishKey: '', timeoutSeconds: 6 };
const number = { maxDigits: 12, finishKey: '#', timeoutSeconds: 10 };

describe("the simulator's keys, gathered as the provider gathers them (docs/operations.md, Phone line)", () => {
  it('sends a one-key choice at once', () => {
    expect(gatherKey(choice, '', '2')).toEqual({ send: '2', keyed: '' });
  });

  it('collects keys until the finish key, and sends them without it', () => {
    expect(gatherKey(number, '10000', '0')).toEqual({ send: null, keyed: '100000' });
    expect(gatherKey(number, '100000', '#')).toEqual({ send: '100000', keyed: '' });
  });

  it('sends when the most keys the line awaits are keyed, without waiting for the finish key', () => {
    const pin = { maxDigits: 4, finishKey: '#', timeoutSeconds: 10 };
    expect(gatherKey(pin, '200', '1')).toEqual({ send: '2001', keyed: '' });
  });

  it('sends the star as a key like any other (it takes back a character of a plate)', () => {
    const plate = { maxDigits: 30, finishKey: '#', timeoutSeconds: 20 };
    expect(gatherKey(plate, '4', '*')).toEqual({ send: null, keyed: '4*' });
  });
});
