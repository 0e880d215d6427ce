import { describe, expect, it } from 'vitest';
import { validatePermitScope, type PermitScopeSettings } from './permit-scope-validation.js';

/** Delft's care permit: the common vehicle line, foreign plates reviewed, its own zone. */
const care: PermitScopeSettings = {
  vehicleSizeLimits: null,
  foreignPlates: 'review',
  maxListedPlates: null,
  validIn: 'ownZone',
  validZoneCodes: [],
};
const plateRight = { listsPlates: false, zonesSettable: true, zoneCodes: ['CE', 'NO', 'TU'] };
const problems = (settings: Partial<PermitScopeSettings>, context = plateRight) =>
  validatePermitScope({ ...care, ...settings }, context).map((p) => `${p.code} ${p.path}`);

describe('docs/rules.md §1 care permit: the zones a permit is valid in', () => {
  it('accepts its own zone, all zones, or a list of the town’s zones', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ validIn: 'allZones' })).toEqual([]);
    expect(problems({ validIn: 'listedZones', validZoneCodes: ['CE', 'TU'] })).toEqual([]);
  });

  it('needs at least one zone in a list, each a zone of the town, once', () => {
    expect(problems({ validIn: 'listedZones' })).toEqual(['SETTING_REQUIRED validZoneCodes']);
    expect(problems({ validIn: 'listedZones', validZoneCodes: ['CE', 'XX', 'CE'] })).toEqual([
      'SETTING_UNKNOWN_ZONE validZoneCodes.1',
      'SETTING_DUPLICATE_LINE validZoneCodes.2',
    ]);
  });

  it('keeps zones out unless they are listed, and refuses an unknown choice', () => {
    expect(problems({ validIn: 'allZones', validZoneCodes: ['CE'] })).toEqual([
      'SETTING_INVALID_CHOICE validZoneCodes',
    ]);
    expect(problems({ validIn: 'everywhere' as never })).toEqual([
      'SETTING_INVALID_CHOICE validIn',
    ]);
  });

  it('leaves a product the right-check does not find by plate (a visitor permit) in its own zone', () => {
    const visitor = { ...plateRight, zonesSettable: false };
    expect(problems({ validIn: 'allZones' }, visitor)).toEqual(['SETTING_INVALID_CHOICE validIn']);
    expect(problems({}, visitor)).toEqual([]);
  });
});

describe('docs/rules.md §2 Vehicles: size limits and foreign plates', () => {
  it('takes whole positive limits up to a road train, or none for the common line', () => {
    expect(problems({ vehicleSizeLimits: { maxMassKg: 7500, maxLengthCm: 1000 } })).toEqual([]);
    expect(problems({ vehicleSizeLimits: { maxMassKg: 0, maxLengthCm: 3001 } })).toEqual([
      'SETTING_NOT_POSITIVE vehicleSizeLimits.maxMassKg',
      'SETTING_TOO_LARGE vehicleSizeLimits.maxLengthCm',
    ]);
  });

  it('reviews or accepts a foreign plate, nothing else', () => {
    expect(problems({ foreignPlates: 'accept' })).toEqual([]);
    expect(problems({ foreignPlates: 'ignore' as never })).toEqual([
      'SETTING_INVALID_CHOICE foreignPlates',
    ]);
  });
});

describe('docs/rules.md §5 The flexible business permit: plates it lists', () => {
  const flex = { listsPlates: true, zonesSettable: false, zoneCodes: [] };
  it('needs a maximum from 1 to 100 for a flexible permit, and none for others', () => {
    expect(problems({ maxListedPlates: 10 }, flex)).toEqual([]);
    expect(problems({ maxListedPlates: null }, flex)).toEqual(['SETTING_REQUIRED maxListedPlates']);
    expect(problems({ maxListedPlates: 101 }, flex)).toEqual(['SETTING_TOO_LARGE maxListedPlates']);
    expect(problems({ maxListedPlates: 3 })).toEqual(['SETTING_INVALID_CHOICE maxListedPlates']);
  });
});
