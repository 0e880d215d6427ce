import type { EntityManager } from '@mikro-orm/core';

/** A date as a parameter of hand-written SQL, in the form the dialect stores it. */
export const sqlDate = (em: EntityManager, value: Date): unknown =>
  em.getPlatform().processDateProperty(value);
