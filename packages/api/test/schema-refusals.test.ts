import { isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../src/schema.js';

/** docs/graphql.md, "Refusals are results, not errors": one shape for every refusal. */
describe('refusal types', () => {
  it('implement the Refusal interface, whatever the operation that answers them', async () => {
    const schema = await createSchema();
    const refusalTypes = Object.values(schema.getTypeMap()).filter(
      (type) => isObjectType(type) && /Refus(ed|al)$/.test(type.name),
    );
    expect(refusalTypes.map((type) => type.name).sort()).toEqual([
      'CounterRefusal',
      'PermitApplicationRefused',
      'RightCheckRefused',
      'SessionRefused',
      'TopUpRefusal',
    ]);
    const outside = refusalTypes
      .filter(
        (type) => isObjectType(type) && !type.getInterfaces().some((i) => i.name === 'Refusal'),
      )
      .map((type) => type.name);
    expect(outside, 'refusal types outside the Refusal interface').toEqual([]);
  });
});
