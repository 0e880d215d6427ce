import {
  foreignPlatePolicies,
  type ForeignPlatePolicy,
} from '../eligibility/permit-application.js';
import { validateVehicleSizeLimits, type VehicleSizeLimits } from '../eligibility/vehicle.js';
import { ProblemList, type SettingProblem } from './settings-problem.js';

/**
 * Where a permit is valid (docs/rules.md §1 care permit): its own zone, every zone of its town,
 * or its own and the zones the town listed.
 */
export const zoneValidities = ['ownZone', 'allZones', 'listedZones'] as const;
export type ZoneValidity = (typeof zoneValidities)[number];

/** The most plates a flexible business permit may list (docs/rules.md §5): a fleet, not a car park. */
export const maxListedPlatesLimit = 100;

/** A product's vehicle rules and the zones its permits are valid in, as the back office sets them. */
export interface PermitScopeSettings {
  /** Null: the common line (`defaultVehicleSizeLimits`). */
  readonly vehicleSizeLimits: VehicleSizeLimits | null;
  readonly foreignPlates: ForeignPlatePolicy;
  /** A flexible business permit's list; null for every other product. */
  readonly maxListedPlates: number | null;
  readonly validIn: ZoneValidity;
  /** The listed zones' codes when `validIn` is 'listedZones'; else empty. */
  readonly validZoneCodes: readonly string[];
}

export interface PermitScopeContext {
  /** A flexible business permit: it lists plates, so it needs a maximum. */
  readonly listsPlates: boolean;
  /**
   * Whether the right-check finds the product by its plate (docs/rules.md §6): only such a
   * permit can be valid beyond its own zone; a visitor's session is in the zone it was started.
   */
  readonly zonesSettable: boolean;
  /** The town's zone codes: the only ones a product may list. */
  readonly zoneCodes: readonly string[];
}

/** Every problem in a product's vehicle rules and zones, at the API's paths (`validZoneCodes.0`). */
export function validatePermitScope(
  settings: PermitScopeSettings,
  context: PermitScopeContext,
): SettingProblem[] {
  const list = new ProblemList();
  list.problems.push(...validateVehicleSizeLimits(settings.vehicleSizeLimits));
  list.choice(settings.foreignPlates, foreignPlatePolicies, 'foreignPlates');
  if (context.listsPlates) {
    list.count(settings.maxListedPlates, 'maxListedPlates', { max: maxListedPlatesLimit });
  } else if (settings.maxListedPlates !== null) {
    list.add('SETTING_INVALID_CHOICE', 'maxListedPlates');
  }
  if (list.choice(settings.validIn, zoneValidities, 'validIn')) {
    if (settings.validIn !== 'ownZone' && !context.zonesSettable) {
      list.add('SETTING_INVALID_CHOICE', 'validIn');
    }
    if (settings.validIn === 'listedZones' && settings.validZoneCodes.length === 0) {
      list.add('SETTING_REQUIRED', 'validZoneCodes');
    }
    if (settings.validIn !== 'listedZones' && settings.validZoneCodes.length > 0) {
      list.add('SETTING_INVALID_CHOICE', 'validZoneCodes');
    }
  }
  const seen = new Set<string>();
  settings.validZoneCodes.forEach((code, index) => {
    if (!context.zoneCodes.includes(code))
      list.add('SETTING_UNKNOWN_ZONE', `validZoneCodes.${index}`);
    else if (seen.has(code)) list.add('SETTING_DUPLICATE_LINE', `validZoneCodes.${index}`);
    seen.add(code);
  });
  return list.problems;
}
