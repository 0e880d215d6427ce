import type { EntityManager } from '@mikro-orm/core';
import { Address } from '../model/address.entity.js';
import type { Municipality } from '../model/municipality.entity.js';
import type { Zone } from '../model/zone.entity.js';

/** Street, number, addition, postcode, zone code: made-up postcodes for the demo towns. */
type DemoAddress = readonly [string, number, string, string, string | null];

const delftAddresses: readonly DemoAddress[] = [
  ['Oude Delft', 1, '', '2611BA', 'B'],
  ['Westlandseweg', 20, '', '2624AB', 'C'],
  ['Kerkstraat', 5, '', '2611GX', 'H'],
  ['Phoenixstraat', 9, '', '2611AL', 'E'],
  ['Markt', 7, '', '2611GS', 'D'],
  ['Markt', 7, 'A', '2611GS', 'D'],
  ['Nieuwe Langendijk', 12, '', '2611VH', 'F'],
  ['Mekelweg', 5, '', '2628CD', 'TU'],
  ['Buitenhof', 40, '', '2613AD', null],
  // Zone Z's one address, where the demo's waiting list is (demo-seed.ts, docs/rules.md §2 quotas).
  ['Zuidwal', 30, '', '2611ZZ', 'Z'],
];

const oudstadAddresses: readonly DemoAddress[] = [
  ['Markt', 3, '', '9999AA', 'centrum'],
  ['Noord', 1, '', '9999AB', 'centrum'],
];

const keyOf = (town: string, street: string, number: number, addition: string) =>
  [town, street.toLowerCase().replaceAll(' ', '-'), `${number}${addition.toLowerCase()}`].join('-');

/**
 * The demo towns' known addresses, for the back office's address lookup (docs/rules.md §2); the
 * permits' addresses are among them, so their keys match.
 */
export function seedDemoAddresses(
  em: EntityManager,
  towns: readonly { town: Municipality; townName: string; zones: ReadonlyMap<string, Zone> }[],
): void {
  const lists = [delftAddresses, oudstadAddresses];
  towns.forEach(({ town, townName, zones }, index) => {
    for (const [street, houseNumber, addition, postcode, zone] of lists[index] ?? []) {
      em.create(Address, {
        municipality: town,
        postcode,
        houseNumber,
        addition,
        key: keyOf(town.code, street, houseNumber, addition),
        label: `${street} ${houseNumber}${addition}, ${townName}`,
        zone: zone ? zones.get(zone)! : null,
      });
    }
  });
}
