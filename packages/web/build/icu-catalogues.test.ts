import { describe, expect, it } from 'vitest';
import { compiledCatalogue } from './icu-catalogues.js';

describe('catalogues compiled at build time', () => {
  it('keeps plain text as text and compiles messages with arguments, group by group', () => {
    const compiled = compiledCatalogue({
      title: 'Handhaving',
      steps: { first: 'Eerst dit.', then: 'Dan {what}.' },
    }) as { title: unknown; steps: { first: unknown; then: unknown } };
    expect(compiled.title).toBe('Handhaving');
    expect(compiled.steps.first).toBe('Eerst dit.');
    expect(Array.isArray(compiled.steps.then)).toBe(true);
  });
});
