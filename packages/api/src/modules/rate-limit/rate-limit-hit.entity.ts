import { Entity, Index, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';

/**
 * One counted attempt (e.g. a wrong product code + PIN). Kept in the database so a limit holds
 * across restarts and across API instances.
 */
@Entity({ tableName: 'rate_limit_hit' })
@Index({ properties: ['bucket', 'subject', 'at'] })
export class RateLimitHit extends BaseEntity {
  @Property({ type: 'string', length: 40 })
  bucket!: string;

  /** Whose attempts are counted: an account id, an e-mail address, … */
  @Property({ type: 'string', length: 254 })
  subject!: string;

  @Property({ type: Date })
  at!: Date;
}
