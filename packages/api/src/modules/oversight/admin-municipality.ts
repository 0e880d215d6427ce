import type { EntityManager } from '@mikro-orm/core';
import { Municipality } from '../../model/municipality.entity.js';

/** The admin's own town: its name heads the back office. */
export function municipalityOf(em: EntityManager, municipalityId: string): Promise<Municipality> {
  return em.findOneOrFail(Municipality, { id: municipalityId });
}
