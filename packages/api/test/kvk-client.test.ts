import { describe, expect, it } from 'vitest';
import { visitingAddress } from '../src/modules/business/kvk-client.js';

describe("the KvK adapter reads an establishment's visiting address (docs/rules.md §2 business permits)", () => {
  it('takes the bezoekadres, not the postadres, with house letter and addition as the address table keeps them', () => {
    expect(
      visitingAddress([
        { type: 'postadres', postbusnummer: 123, postcode: '2600 AA', plaats: 'Delft' },
        {
          type: 'bezoekadres',
          indAfgeschermd: 'Nee',
          straatnaam: 'Markt',
          huisnummer: 7,
          huisletter: 'a',
          huisnummerToevoeging: '-2',
          postcode: '2611 gs',
          plaats: 'Delft',
        },
      ]),
    ).toEqual({
      street: 'Markt',
      houseNumber: 7,
      addition: 'A2',
      postcode: '2611GS',
      city: 'Delft',
    });
  });

  it('gives no address when the registry shields it or gives no visiting address', () => {
    expect(
      visitingAddress([{ type: 'bezoekadres', indAfgeschermd: 'Ja', volledigAdres: '' }]),
    ).toBeNull();
    expect(visitingAddress([{ type: 'postadres', postbusnummer: 1 }])).toBeNull();
    expect(visitingAddress(undefined)).toBeNull();
  });
});
