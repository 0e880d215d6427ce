import { describe, expect, it } from 'vitest';
import { decideDepartedHolder } from './departed-holder.js';

describe('docs/rules.md §2 departed holder', () => {
  it('keeps the refusal while the holder still lives at the address', () => {
    expect(
      decideDepartedHolder({ holders: ['999991772'], registered: ['999991772', '999992223'] }),
    ).toEqual({ outcome: 'refuse' });
  });

  it('sends the application to an official when the holder no longer lives there', () => {
    expect(decideDepartedHolder({ holders: ['999991772'], registered: ['999992223'] })).toEqual({
      outcome: 'review',
      reason: 'holderNotRegisteredAtAddress',
    });
    expect(decideDepartedHolder({ holders: ['999991772'], registered: [] })).toEqual({
      outcome: 'review',
      reason: 'holderNotRegisteredAtAddress',
    });
  });

  it('sends it to an official when the register does not answer, never to a yes', () => {
    expect(decideDepartedHolder({ holders: ['999991772'], registered: null })).toEqual({
      outcome: 'review',
      reason: 'registerUnanswered',
    });
  });

  it('keeps the refusal for a holder who cannot be looked up (no citizen service number)', () => {
    expect(decideDepartedHolder({ holders: [null], registered: [] })).toEqual({
      outcome: 'refuse',
    });
    expect(decideDepartedHolder({ holders: [], registered: [] })).toEqual({ outcome: 'refuse' });
  });

  it('keeps the refusal while any one of several holders still lives there', () => {
    expect(
      decideDepartedHolder({ holders: ['999991772', '999990019'], registered: ['999990019'] }),
    ).toEqual({ outcome: 'refuse' });
  });
});
