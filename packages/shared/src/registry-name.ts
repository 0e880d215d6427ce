/**
 * The national registries the counter asks: the population register (Haal Centraal BRP
 * bevragen), addresses and buildings (BAG), vehicles (RDW open data) and businesses (KvK).
 */
export const registryNames = ['brp', 'bag', 'rdw', 'kvk'] as const;
export type RegistryName = (typeof registryNames)[number];
