import type { HolderType } from '@parkeer/shared/holder-type';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkPermitApplication,
  checkVehicleCategory,
  vehicleCategories,
  visitorPermitEligibility,
  type Applicant,
  type ExistingPermit,
  type PermitApplication,
  type PermitEligibilitySettings,
  type VehicleCategory,
  type ZoneEligibilitySettings,
} from './permit-application.js';

// Delft (004): businesses in zone TU cannot get a visitor permit; other zones exclude nobody.
const zoneTU: ZoneEligibilitySettings = {
  code: 'TU',
  excludedHolderTypes: { 'visitor-permit': ['business'] },
};
const zoneC: ZoneEligibilitySettings = { code: 'C', excludedHolderTypes: {} };

const businessPermit: PermitEligibilitySettings = {
  ...visitorPermitEligibility,
  productCode: 'business-permit',
  holderTypes: ['business'],
  maxPerBusiness: null,
};

function applicant(
  overrides: Partial<Applicant> & { zoneCode?: string | null; addressKey?: string } = {},
): Applicant {
  const { zoneCode = 'C', addressKey = 'address-1', ...rest } = overrides;
  return {
    holderType: 'resident',
    address: { key: addressKey, zoneCode },
    hasPrivateParking: false,
    ...rest,
  };
}

function application(overrides: Partial<PermitApplication> = {}): PermitApplication {
  return {
    product: visitorPermitEligibility,
    applicant: applicant(),
    zone: zoneC,
    existingPermits: [],
    ...overrides,
  };
}

const codes = (check: ReturnType<typeof checkPermitApplication>) =>
  check.ok ? [] : check.reasons.map((refusal) => refusal.reason);

describe('docs/rules.md §2: zone exclusions for businesses (zone TU)', () => {
  it('refuses a visitor permit to a business in zone TU, naming the zone', () => {
    const check = checkPermitApplication(
      application({
        applicant: applicant({ holderType: 'business', zoneCode: 'TU' }),
        zone: zoneTU,
      }),
    );
    expect(check).toEqual({
      ok: false,
      reason: 'ELIGIBILITY_BUSINESSES_EXCLUDED_IN_ZONE',
      params: { zone: 'TU' },
      reasons: [
        { ok: false, reason: 'ELIGIBILITY_BUSINESSES_EXCLUDED_IN_ZONE', params: { zone: 'TU' } },
      ],
    });
  });

  it('allows a visitor permit to a resident of zone TU', () => {
    const check = checkPermitApplication(
      application({ applicant: applicant({ zoneCode: 'TU' }), zone: zoneTU }),
    );
    expect(check).toEqual({ ok: true });
  });

  it('allows a visitor permit to a business in another zone', () => {
    const check = checkPermitApplication(
      application({ applicant: applicant({ holderType: 'business' }) }),
    );
    expect(check.ok).toBe(true);
  });

  it('excludes per product: a business in zone TU may still get a product the zone does not exclude', () => {
    const check = checkPermitApplication(
      application({
        product: businessPermit,
        applicant: applicant({ holderType: 'business', zoneCode: 'TU' }),
        zone: zoneTU,
      }),
    );
    expect(check.ok).toBe(true);
  });

  it('can exclude residents in a zone, with its own code', () => {
    const zone: ZoneEligibilitySettings = {
      code: 'B',
      excludedHolderTypes: { 'visitor-permit': ['resident'] },
    };
    const check = checkPermitApplication(
      application({ applicant: applicant({ zoneCode: 'B' }), zone }),
    );
    expect(codes(check)).toEqual(['ELIGIBILITY_RESIDENTS_EXCLUDED_IN_ZONE']);
  });
});

describe('docs/rules.md §2: one visitor permit per address, one per business', () => {
  const atAddress1: ExistingPermit = { holderType: 'resident', addressKey: 'address-1' };

  it('refuses a second visitor permit at the same address', () => {
    const check = checkPermitApplication(application({ existingPermits: [atAddress1] }));
    expect(check.ok).toBe(false);
    expect(check.ok ? null : check.reasons).toEqual([
      { ok: false, reason: 'ELIGIBILITY_ADDRESS_LIMIT_REACHED', params: { max: 1 } },
    ]);
  });

  it('does not count a permit at another address, nor a business at the same address', () => {
    const check = checkPermitApplication(
      application({
        existingPermits: [
          { holderType: 'resident', addressKey: 'address-2' },
          { holderType: 'business', addressKey: 'address-1' },
        ],
      }),
    );
    expect(check.ok).toBe(true);
  });

  it('refuses a second visitor permit to a business', () => {
    const check = checkPermitApplication(
      application({
        applicant: applicant({ holderType: 'business' }),
        existingPermits: [{ holderType: 'business', addressKey: 'address-9' }],
      }),
    );
    expect(codes(check)).toEqual(['ELIGIBILITY_BUSINESS_LIMIT_REACHED']);
  });

  it('follows the limit setting: two per address allows a second, and null means no limit', () => {
    const two = { ...visitorPermitEligibility, maxPerAddress: 2 };
    expect(
      checkPermitApplication(application({ product: two, existingPermits: [atAddress1] })).ok,
    ).toBe(true);
    expect(
      codes(
        checkPermitApplication(
          application({ product: two, existingPermits: [atAddress1, atAddress1] }),
        ),
      ),
    ).toEqual(['ELIGIBILITY_ADDRESS_LIMIT_REACHED']);
    const unlimited = { ...visitorPermitEligibility, maxPerAddress: null };
    expect(
      checkPermitApplication(application({ product: unlimited, existingPermits: [atAddress1] })).ok,
    ).toBe(true);
  });
});

describe('docs/rules.md §2 business permits: within the maximums per business and per establishment', () => {
  const business = (addressKey: string) => applicant({ holderType: 'business', addressKey });
  const held = (addressKey: string): ExistingPermit => ({ holderType: 'business', addressKey });
  const perEstablishment = { ...businessPermit, maxPerBusiness: 3, maxPerEstablishment: 1 };

  it('refuses a second permit at one establishment and allows one at another, up to the business maximum', () => {
    const product = perEstablishment;
    expect(
      codes(
        checkPermitApplication(
          application({
            product,
            applicant: business('shop-1'),
            existingPermits: [held('shop-1')],
          }),
        ),
      ),
    ).toEqual(['ELIGIBILITY_ESTABLISHMENT_LIMIT_REACHED']);
    expect(
      checkPermitApplication(
        application({ product, applicant: business('shop-2'), existingPermits: [held('shop-1')] }),
      ).ok,
    ).toBe(true);
    const check = checkPermitApplication(
      application({
        product,
        applicant: business('shop-4'),
        existingPermits: [held('shop-1'), held('shop-2'), held('shop-3')],
      }),
    );
    expect(check.ok ? null : check.reasons).toEqual([
      { ok: false, reason: 'ELIGIBILITY_BUSINESS_LIMIT_REACHED', params: { max: 3 } },
    ]);
  });

  it('counts no establishment without the setting, and never a resident permit at the address', () => {
    const product = { ...businessPermit, maxPerBusiness: 2 };
    expect(
      checkPermitApplication(
        application({ product, applicant: business('shop-1'), existingPermits: [held('shop-1')] }),
      ).ok,
    ).toBe(true);
    expect(
      checkPermitApplication(
        application({
          product: perEstablishment,
          applicant: business('shop-1'),
          existingPermits: [{ holderType: 'resident', addressKey: 'shop-1' }],
        }),
      ).ok,
    ).toBe(true);
  });
});

describe('docs/rules.md §2: address in a permit zone, permit only for its zone', () => {
  it('refuses an applicant whose address lies in no permit zone', () => {
    const check = checkPermitApplication(
      application({ applicant: applicant({ zoneCode: null }), zone: null }),
    );
    expect(codes(check)).toEqual(['ELIGIBILITY_ADDRESS_OUTSIDE_PERMIT_ZONE']);
  });

  it('refuses a visitor permit for a zone other than the zone of the address, naming that zone', () => {
    const check = checkPermitApplication(
      application({ applicant: applicant({ zoneCode: 'TU' }), zone: zoneC }),
    );
    expect(check.ok ? null : check.reasons).toEqual([
      { ok: false, reason: 'ELIGIBILITY_ZONE_NOT_OF_ADDRESS', params: { zone: 'TU' } },
    ]);
  });

  it('allows another zone, and no address zone, for a product without those settings', () => {
    const anywhere = {
      ...visitorPermitEligibility,
      requiresAddressInPermitZone: false,
      zoneOfAddressOnly: false,
    };
    expect(
      checkPermitApplication(
        application({ product: anywhere, applicant: applicant({ zoneCode: 'TU' }) }),
      ).ok,
    ).toBe(true);
    expect(
      checkPermitApplication(
        application({ product: anywhere, applicant: applicant({ zoneCode: null }) }),
      ).ok,
    ).toBe(true);
  });

  it('refuses a holder type the product is not for', () => {
    const check = checkPermitApplication(
      application({ product: businessPermit, applicant: applicant({ holderType: 'resident' }) }),
    );
    expect(codes(check)).toEqual(['ELIGIBILITY_NOT_FOR_RESIDENTS']);
  });
});

describe('docs/rules.md §2: private parking and vehicle categories', () => {
  it('disqualifies private parking on one’s own premises only when the setting says so', () => {
    const withPrivate = application({ applicant: applicant({ hasPrivateParking: true }) });
    expect(checkPermitApplication(withPrivate).ok).toBe(true);
    const strict = { ...visitorPermitEligibility, privateParkingDisqualifies: true };
    expect(codes(checkPermitApplication({ ...withPrivate, product: strict }))).toEqual([
      'ELIGIBILITY_PRIVATE_PARKING',
    ]);
    expect(checkPermitApplication(application({ product: strict })).ok).toBe(true);
  });

  it('refuses a trailer and allows a car', () => {
    expect(codes(checkPermitApplication(application({ vehicleCategory: 'trailer' })))).toEqual([
      'ELIGIBILITY_VEHICLE_CATEGORY_EXCLUDED',
    ]);
    expect(checkPermitApplication(application({ vehicleCategory: 'car' })).ok).toBe(true);
  });

  it.each<[VehicleCategory, boolean]>([
    ['car', true],
    ['van', true],
    ['motorcycle', true],
    ['moped', true],
    ['largeVehicle', false],
    ['trailer', false],
    ['recreationalVehicle', false],
  ])('a visitor permit covers a %s: %s', (category, covered) => {
    expect(checkVehicleCategory(visitorPermitEligibility, category).ok).toBe(covered);
  });
});

describe('docs/rules.md §2: every reason at once', () => {
  it('lists all reasons that apply, in a fixed order, the first also as `reason`', () => {
    const strict = { ...visitorPermitEligibility, privateParkingDisqualifies: true };
    const check = checkPermitApplication({
      product: strict,
      applicant: applicant({ holderType: 'business', zoneCode: 'TU', hasPrivateParking: true }),
      zone: zoneTU,
      existingPermits: [{ holderType: 'business', addressKey: 'elsewhere' }],
      vehicleCategory: 'recreationalVehicle',
    });
    expect(codes(check)).toEqual([
      'ELIGIBILITY_BUSINESSES_EXCLUDED_IN_ZONE',
      'ELIGIBILITY_BUSINESS_LIMIT_REACHED',
      'ELIGIBILITY_PRIVATE_PARKING',
      'ELIGIBILITY_VEHICLE_CATEGORY_EXCLUDED',
    ]);
    expect(check.ok ? null : check.reason).toBe('ELIGIBILITY_BUSINESSES_EXCLUDED_IN_ZONE');
  });

  const holderType = fc.constantFrom<HolderType>('resident', 'business');
  const zoneCode = fc.constantFrom('B', 'C', 'TU');
  const arbitraryApplication = fc.record({
    product: fc.record({
      productCode: fc.constantFrom('visitor-permit', 'business-permit'),
      holderTypes: fc.subarray<HolderType>(['resident', 'business']),
      requiresAddressInPermitZone: fc.boolean(),
      zoneOfAddressOnly: fc.boolean(),
      maxPerAddress: fc.option(fc.nat(3)),
      maxPerBusiness: fc.option(fc.nat(3)),
      privateParkingDisqualifies: fc.boolean(),
      excludedVehicleCategories: fc.subarray([...vehicleCategories]),
    }),
    applicant: fc.record({
      holderType,
      address: fc.record({ key: fc.constantFrom('a1', 'a2'), zoneCode: fc.option(zoneCode) }),
      hasPrivateParking: fc.boolean(),
    }),
    zone: fc.option(
      fc.record({
        code: zoneCode,
        excludedHolderTypes: fc.dictionary(
          fc.constantFrom('visitor-permit', 'business-permit'),
          fc.subarray<HolderType>(['resident', 'business']),
        ),
      }),
    ),
    existingPermits: fc.array(fc.record({ holderType, addressKey: fc.constantFrom('a1', 'a2') }), {
      maxLength: 4,
    }),
    vehicleCategory: fc.option(fc.constantFrom(...vehicleCategories), { nil: undefined }),
  });

  it('property: a refusal has distinct reasons and `reason` is the first of them', () => {
    fc.assert(
      fc.property(arbitraryApplication, (input) => {
        const check = checkPermitApplication(input);
        if (check.ok) return;
        const list = check.reasons.map((refusal) => refusal.reason);
        expect(list.length).toBeGreaterThan(0);
        expect(new Set(list).size).toBe(list.length);
        expect(check.reason).toBe(list[0]);
      }),
    );
  });

  it('property: another existing permit never lifts a reason', () => {
    fc.assert(
      fc.property(
        arbitraryApplication,
        fc.record({ holderType, addressKey: fc.constantFrom('a1', 'a2') }),
        (input, extra) => {
          const before = codes(checkPermitApplication(input));
          const after = codes(
            checkPermitApplication({
              ...input,
              existingPermits: [...input.existingPermits, extra],
            }),
          );
          expect(after).toEqual(expect.arrayContaining(before));
        },
      ),
    );
  });
});
