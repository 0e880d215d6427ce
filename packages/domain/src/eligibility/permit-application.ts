import type { HolderType } from '@parkeer/shared/holder-type';
import type { ErrorCode } from '@parkeer/shared/messages/error-catalogue';
import { refuse, type Outcome, type Refusal } from '../result.js';
import type { VehicleSizeLimits } from './vehicle.js';

/**
 * Kinds of vehicle a product may exclude. The API derives the category of a plate from the
 * vehicle register; the domain only compares it with the product's settings.
 */
export const vehicleCategories = [
  'car',
  'van',
  'motorcycle',
  'moped',
  'largeVehicle',
  'trailer',
  'recreationalVehicle',
] as const;
export type VehicleCategory = (typeof vehicleCategories)[number];

/** What a product type (visitor permit, resident permit, ...) requires of its applicants. */
export interface PermitEligibilitySettings {
  /** The product type's code: the key under which zones list their exclusions. */
  readonly productCode: string;
  /** Who may hold this product at all. */
  readonly holderTypes: readonly HolderType[];
  /** The applicant's registered address must lie inside a permit zone (002). */
  readonly requiresAddressInPermitZone: boolean;
  /** The permit is only for the zone of the applicant's address (004). */
  readonly zoneOfAddressOnly: boolean;
  /** Active permits of this type a resident address may have; null = no limit. */
  readonly maxPerAddress: number | null;
  /** Active permits of this type one business may have; null = no limit. */
  readonly maxPerBusiness: number | null;
  /**
   * Active permits of this type one business may have at one establishment (its address), for
   * towns that count per establishment rather than (or as well as) per business; null or left
   * out = no limit (docs/rules.md §2 business permits).
   */
  readonly maxPerEstablishment?: number | null;
  /** Whether a parking space on one's own premises disqualifies (004 says it "may"). */
  readonly privateParkingDisqualifies: boolean;
  /** Vehicles the permit is not for (004: large vehicles, trailers, recreational vehicles). */
  readonly excludedVehicleCategories: readonly VehicleCategory[];
  /**
   * Where this town draws the line for a large vehicle (docs/rules.md §2 vehicle category);
   * absent: 3500 kg and 6 m (`defaultVehicleSizeLimits`).
   */
  readonly vehicleSizeLimits?: VehicleSizeLimits;
  /**
   * A plate from abroad is not in the Dutch register: `review` sends the application to an
   * official, `accept` takes the applicant's word (docs/rules.md §2 vehicle check); absent: review.
   */
  readonly foreignPlates?: ForeignPlatePolicy;
}

export const foreignPlatePolicies = ['review', 'accept'] as const;
export type ForeignPlatePolicy = (typeof foreignPlatePolicies)[number];

/** A zone's own eligibility settings. */
export interface ZoneEligibilitySettings {
  readonly code: string;
  /**
   * Holder types that cannot get a product in this zone, per product code. Keyed by product
   * because an exclusion is about one product: businesses in Delft's zone TU cannot get a
   * visitor permit (`{ 'visitor-permit': ['business'] }`) but that says nothing about others.
   */
  readonly excludedHolderTypes: Readonly<Record<string, readonly HolderType[]>>;
}

export interface Applicant {
  readonly holderType: HolderType;
  /** The address of residence (population register) or of the business. */
  readonly address: {
    /** Identifies the address (e.g. the BAG address id): the unit of "one per address". */
    readonly key: string;
    /** The permit zone the address lies in; null when it lies in none. */
    readonly zoneCode: string | null;
  };
  readonly hasPrivateParking: boolean;
}

/**
 * An active permit of the product type applied for. The caller passes those at the applicant's
 * address for a resident, and those the business holds (at any of its establishments) for a
 * business; the rule counts the residents' permits at the same address for a resident, and the
 * business's permits, in all and at the establishment applied for, for a business.
 */
export interface ExistingPermit {
  readonly holderType: HolderType;
  readonly addressKey: string;
}

export interface PermitApplication {
  readonly product: PermitEligibilitySettings;
  readonly applicant: Applicant;
  /**
   * The zone the permit would be for; null when there is none: a product not bound to a zone, or
   * an address outside every zone (then there is no zone to load).
   */
  readonly zone: ZoneEligibilitySettings | null;
  readonly existingPermits: readonly ExistingPermit[];
  /** Only when the application names a vehicle (a visitor permit does not). */
  readonly vehicleCategory?: VehicleCategory;
}

export type EligibilityCode = Extract<ErrorCode, `ELIGIBILITY_${string}`>;
export type EligibilityRefusal = Refusal<EligibilityCode>;

/**
 * Either ok, or every reason that applies, so the permit counter can show them all at once.
 * A refusal also carries the first reason as `reason`, so it is a plain `Refusal` for callers
 * that report one code.
 */
export type ApplicationCheck =
  | { readonly ok: true }
  | (EligibilityRefusal & { readonly reasons: readonly EligibilityRefusal[] });

/** The settings of the visitor permit as the source documents describe it (002, 004). */
export const visitorPermitEligibility: PermitEligibilitySettings = {
  productCode: 'visitor-permit',
  holderTypes: ['resident', 'business'],
  requiresAddressInPermitZone: true,
  zoneOfAddressOnly: true,
  maxPerAddress: 1,
  maxPerBusiness: 1,
  privateParkingDisqualifies: false,
  excludedVehicleCategories: ['largeVehicle', 'trailer', 'recreationalVehicle'],
};

/** docs/rules.md §2: whether an applicant may get a permit of this product type, with all reasons. */
export function checkPermitApplication(application: PermitApplication): ApplicationCheck {
  const { product, applicant, zone, existingPermits, vehicleCategory } = application;
  const reasons: EligibilityRefusal[] = [];
  const isBusiness = applicant.holderType === 'business';

  if (!product.holderTypes.includes(applicant.holderType)) {
    reasons.push(
      refuse(isBusiness ? 'ELIGIBILITY_NOT_FOR_BUSINESSES' : 'ELIGIBILITY_NOT_FOR_RESIDENTS'),
    );
  }

  // A permit only for the zone of the address needs an address in some zone, whatever the
  // product says about registration.
  const addressZone = applicant.address.zoneCode;
  if (addressZone === null) {
    if (product.requiresAddressInPermitZone || product.zoneOfAddressOnly) {
      reasons.push(refuse('ELIGIBILITY_ADDRESS_OUTSIDE_PERMIT_ZONE'));
    }
  } else if (product.zoneOfAddressOnly && zone !== null && zone.code !== addressZone) {
    reasons.push(refuse('ELIGIBILITY_ZONE_NOT_OF_ADDRESS', { zone: addressZone }));
  }

  if (zone?.excludedHolderTypes[product.productCode]?.includes(applicant.holderType)) {
    reasons.push(
      refuse(
        isBusiness
          ? 'ELIGIBILITY_BUSINESSES_EXCLUDED_IN_ZONE'
          : 'ELIGIBILITY_RESIDENTS_EXCLUDED_IN_ZONE',
        {
          zone: zone.code,
        },
      ),
    );
  }

  const limitRefusal = checkPermitLimit(product, applicant, existingPermits);
  if (limitRefusal) reasons.push(limitRefusal);

  if (product.privateParkingDisqualifies && applicant.hasPrivateParking) {
    reasons.push(refuse('ELIGIBILITY_PRIVATE_PARKING'));
  }

  if (vehicleCategory !== undefined) {
    const vehicle = checkVehicleCategory(product, vehicleCategory);
    if (!vehicle.ok) reasons.push(vehicle);
  }

  const [first] = reasons;
  return first ? { ...first, reasons } : { ok: true };
}

function checkPermitLimit(
  product: PermitEligibilitySettings,
  applicant: Applicant,
  existingPermits: readonly ExistingPermit[],
): EligibilityRefusal | null {
  if (applicant.holderType === 'business') {
    const max = product.maxPerBusiness;
    const held = existingPermits.filter((permit) => permit.holderType === 'business');
    if (max !== null && held.length >= max) {
      return refuse('ELIGIBILITY_BUSINESS_LIMIT_REACHED', { max });
    }
    const perEstablishment = product.maxPerEstablishment ?? null;
    const here = held.filter((permit) => permit.addressKey === applicant.address.key).length;
    return perEstablishment !== null && here >= perEstablishment
      ? refuse('ELIGIBILITY_ESTABLISHMENT_LIMIT_REACHED', { max: perEstablishment })
      : null;
  }
  const max = product.maxPerAddress;
  const atAddress = existingPermits.filter(
    (permit) => permit.holderType === 'resident' && permit.addressKey === applicant.address.key,
  ).length;
  return max !== null && atAddress >= max
    ? refuse('ELIGIBILITY_ADDRESS_LIMIT_REACHED', { max })
    : null;
}

/**
 * docs/rules.md §2: whether the product covers a kind of vehicle. Separate from the application so that
 * registering a visitor's plate can ask the same question.
 */
export function checkVehicleCategory(
  product: Pick<PermitEligibilitySettings, 'excludedVehicleCategories'>,
  category: VehicleCategory,
): Outcome<object, 'ELIGIBILITY_VEHICLE_CATEGORY_EXCLUDED'> {
  return product.excludedVehicleCategories.includes(category)
    ? refuse('ELIGIBILITY_VEHICLE_CATEGORY_EXCLUDED')
    : { ok: true };
}
