import { Entity, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import type { ZoneEligibilitySettings } from '@parkeer/domain/eligibility/permit-application';
import type { Regime } from '@parkeer/domain/regime/regime';
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
}
