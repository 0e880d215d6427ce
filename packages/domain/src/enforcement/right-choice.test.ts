import { describe, expect, it } from 'vitest';
import { strongestRight, type FoundRight } from './right-choice.js';

const at = (iso: string) => new Date(iso);
const visit: FoundRight = { kind: 'visitorSession', until: at('2026-11-23T20:00:00Z') };
const permit: FoundRight = {
  kind: 'permit',
  until: at('2026-12-31T23:00:00Z'),
  product: 'residentPermit',
};
const exemption: FoundRight = { kind: 'exemption', until: null };

describe('docs/rules.md §9: the right-check shows the strongest right registered', () => {
  it('shows a permit over a visit of the same plate, whichever comes first or lasts longer', () => {
    const longVisit = { ...visit, until: at('2027-01-31T23:00:00Z') };
    expect(strongestRight([visit, permit])).toBe(permit);
    expect(strongestRight([permit, longVisit])).toBe(permit);
  });

  it('among rights of one rank, shows the one that lasts longest, an open-ended one most', () => {
    const laterVisit = { ...visit, until: at('2026-11-23T21:00:00Z') };
    expect(strongestRight([visit, laterVisit])).toBe(laterVisit);
    expect(strongestRight([permit, exemption])).toBe(exemption);
    expect(strongestRight([exemption, permit])).toBe(exemption);
  });

  it('shows nothing when no right is registered', () => {
    expect(strongestRight([])).toBeNull();
  });
});
