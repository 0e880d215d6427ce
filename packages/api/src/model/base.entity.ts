import { randomUUID } from 'node:crypto';
import { PrimaryKey, type Opt } from '@mikro-orm/core';

/** What every table has: a random UUID key, made in the application so it exists before flush. */
export abstract class BaseEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();
}
