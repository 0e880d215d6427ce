import { Entity, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import { PartnerKey } from './partner-key.entity.js';

/** A machine key's requests on one day (Europe/Amsterdam), added to in batches. */
@Entity({ tableName: 'partner_key_usage' })
@Unique({ properties: ['partnerKey', 'day'] })
export class PartnerKeyUsage extends BaseEntity {
  @ManyToOne(() => PartnerKey, { deleteRule: 'cascade' })
  partnerKey!: Rel<PartnerKey>;

  /** `YYYY-MM-DD` in the key's town's time zone. */
  @Property({ type: 'string', length: 10 })
  day!: string;

  @Property({ type: 'integer' })
  requests!: number;
}
