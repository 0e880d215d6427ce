import { describe, expect, it } from 'vitest';
import { maskedRecipient } from './masked-recipient.js';

describe('a masked recipient', () => {
  it('keeps the first letters and the top-level domain only', () => {
    expect(maskedRecipient('anna@demo.parkeer.nl')).toBe('a•••@d•••.nl');
    expect(maskedRecipient('j.de.vries@gemeente-delft.com')).toBe('j•••@g•••.com');
  });

  it('never shows more of a short or odd address', () => {
    expect(maskedRecipient('a@b.nl')).toBe('a•••@b•••.nl');
    expect(maskedRecipient('x@localhost')).toBe('x•••@l•••');
    expect(maskedRecipient('no-address')).toBe('•••');
    expect(maskedRecipient('@example.nl')).toBe('•••');
  });

  it('does not give away how long an address is', () => {
    const masked = ['bert@example.nl', 'bernadette.long@example.nl'].map(maskedRecipient);
    expect(masked).toEqual(['b•••@e•••.nl', 'b•••@e•••.nl']);
  });
});
