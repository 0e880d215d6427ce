import { Entity, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import type { ZoneEligibilitySettings } from '@parkeer/domain/eligibility/permit-application';
import type { ZoneEmissionRule } from '@parkeer/domain/eligibility/vehicle';
import type { Regime } from '@parkeer/domain/regime/regime';
import type { ZoneShape } from '@parkeer/domain/zone-shape/zone-shape';
import { Municipality } from './municipality.entity.js';

@Entity({ tableName: 'zone' })
@Unique({ properties: ['municipality', 'code'] })
export class Zone extends BaseEntity {
  @ManyToOne(() => Municipality)
  municipality!: Rel<Municipality>;

  @Property({ type: 'string', length: 20 })
  code!: string;

  @Property({ type: 'string', length: 120 })
  name!: string;

  /** Paid-parking hours: weekly windows and dated exceptions, in the municipality's time zone. */
  @Property({ type: 'json' })
  regime!: Regime;

  /** Holder types excluded per product code (Delft zone TU: no visitor permit for businesses). */
  @Property({ type: 'json' })
  excludedHolderTypes: ZoneEligibilitySettings['excludedHolderTypes'] & Opt = {};

  /**
   * Where the zone lies: address ranges and/or an area in RD coordinates (docs/rules.md §3); an
   * address the registry reports is placed in a zone by it. Null: not set (addresses keep the
   * zone the town's table gives them).
   */
  @Property({ type: 'json', nullable: true })
  shape: (ZoneShape & Opt) | null = null;

  /**
   * The lowest Euro class per fuel a vehicle needs for a permit in this zone (docs/rules.md §2
   * emission rule); null: no rule. Validated by `validateZoneEmissionRule`.
   */
  @Property({ type: 'json', nullable: true })
  emissionRule?: ZoneEmissionRule | null;
}
