import type { EntityManager } from '@mikro-orm/core';
import type { PermitEligibilitySettings } from '@parkeer/domain/eligibility/permit-application';
import { checkVehicle, type ZoneEmissionRule } from '@parkeer/domain/eligibility/vehicle';
import { parsePlate } from '@parkeer/domain/plate/plate';
import type { ProductType } from '../../model/product-type.entity.js';
import { ProductTypeZone } from '../../model/product-type-zone.entity.js';
import { Zone } from '../../model/zone.entity.js';
import type { RegistryFactsPart } from '../registry/registry-facts.js';
import { RegistryUnavailableError } from '../registry/registry-names.js';
import { lookUpVehicle } from './rdw-client.js';

/** The plates of one application or change, and what its product and zone ask of vehicles. */
export interface VehicleCheckQuestion {
  readonly eligibility: PermitEligibilitySettings;
  /** The zones the permit is valid in (its own, or every zone of its town), with their rules. */
  readonly zones: ReadonlyArray<{
    readonly code: string;
    readonly emissionRule?: ZoneEmissionRule | null;
  }>;
  /** Normalised plates with their country. */
  readonly plates: ReadonlyArray<{ readonly plate: string; readonly country: string }>;
}

/**
 * docs/rules.md §2 vehicle check, for the counter, its plate change and the back office's issue:
 * each Dutch plate is asked of RDW (all at once) and judged by the domain. A foreign plate is
 * not in RDW: the product's `foreignPlates` decides (an official reviews it, or it is accepted).
 * RDW not answering puts 'rdw' in `unanswered`: an official decides, never a yes by default.
 */
export async function checkVehicles(question: VehicleCheckQuestion): Promise<RegistryFactsPart> {
  const { eligibility, zones, plates } = question;
  const dutch = plates.filter((plate) => plate.country === 'NL');
  const foreignReview =
    plates.length > dutch.length && (eligibility.foreignPlates ?? 'review') === 'review';
  const answers = await Promise.all(
    dutch.map(async ({ plate }) => {
      try {
        return { plate, facts: await lookUpVehicle(plate), unanswered: false };
      } catch (error) {
        if (error instanceof RegistryUnavailableError) {
          return { plate, facts: null, unanswered: true };
        }
        throw error;
      }
    }),
  );
  const unanswered = foreignReview || answers.some((answer) => answer.unanswered);
  return {
    unanswered: unanswered ? ['rdw'] : [],
    refusals: answers
      .filter((answer) => !answer.unanswered)
      .flatMap((answer) => {
        const parsed = parsePlate(answer.plate, 'NL');
        return checkVehicle({
          product: eligibility,
          zones: zones.map((zone) => ({
            code: zone.code,
            emissionRule: zone.emissionRule ?? null,
          })),
          plate: parsed.ok ? parsed.plate.display : answer.plate,
          facts: answer.facts,
        });
      })
      .map((refusal) => ({ rule: refusal.reason, params: refusal.params ?? null })),
  };
}

/**
 * The zones a permit of this product is valid in for the vehicle check (docs/rules.md §1 care
 * permit): its own zone, every zone of the town, or its own and the zones the town listed.
 * The emission rule of each applies, as the right-check answers in each.
 */
export async function permitZones(
  em: EntityManager,
  productType: Pick<ProductType, 'id' | 'validIn'>,
  zone: Zone | null,
): Promise<Zone[]> {
  if (!zone) return [];
  if (productType.validIn === 'allZones') {
    return em.find(Zone, { municipality: zone.municipality.id }, { orderBy: { code: 'asc' } });
  }
  if (productType.validIn === 'listedZones') {
    const listed = await em.find(
      ProductTypeZone,
      { productType: productType.id },
      { populate: ['zone'] },
    );
    // Its own zone counts too, as in the right-check (`p.zone_id = ?` comes first there).
    const zones = new Map([zone, ...listed.map((row) => row.zone)].map((z) => [z.id, z]));
    return [...zones.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  }
  return [zone];
}
