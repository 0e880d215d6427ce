import { describe, expect, it } from 'vitest';
import { useDemoApi } from './demo-api.js';
import type { TestClient } from './graphql-client.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const delftAdmin = 'beheer@delft.demo.parkeer.nl';
const products = `{ adminProductTypes { id code nameNl nameEn delegationAllowed
  sessionPolicy { maxDurationMinutes defaultEnd latestEnd maxConcurrentSessions insufficientBalance invalidWeekdays pastStartToleranceMinutes }
  topUpPolicy } }`;
const updateProduct = `mutation ($id: ID!, $input: ProductSettingsInput!) {
  updateProductSettings(id: $id, input: $input) { id } }`;
const rename = `mutation ($id: ID!, $input: ZoneInput!) { updateZone(id: $id, input: $input) { id } }`;
const audit = `query ($filter: AuditLogFilter) { auditLog(filter: $filter) { totalCount
  edges { node { action balanceUnit before after } } } }`;

/** The same object with its keys (and those of every object inside it) in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, inner]) => [key, reversedKeys(inner)]),
  );
}

const dialects = await testDialects();

describe.each(dialects)('the audit log, on %s', (dialect) => {
  const api = useDemoApi(dialect);
  const entriesOf = async (admin: TestClient, subjectId: string) =>
    (await admin.request<Data>(audit, { filter: { subjectId } })).data!.auditLog;

  it('writes no entry for a save that changes nothing, also when only the key order differs', async () => {
    const delft = await loggedIn(api.url, delftAdmin);
    const { adminZones } = (await delft.request<Data>('{ adminZones { id code name } }')).data!;
    const zone = adminZones[0];
    const same = await delft.request(rename, {
      id: zone.id,
      input: { name: zone.name, code: zone.code },
    });
    expect(same.errors).toBeUndefined();
    expect((await entriesOf(delft, zone.id)).totalCount).toBe(0);

    const product = ((await delft.request<Data>(products)).data!.adminProductTypes as Data[]).find(
      (p) => p.code === 'visitor-permit',
    )!;
    const settings = {
      nameNl: product.nameNl,
      nameEn: product.nameEn,
      delegationAllowed: product.delegationAllowed,
      sessionPolicy: product.sessionPolicy,
      topUpPolicy: reversedKeys(product.topUpPolicy),
    };
    const unchanged = await delft.request(updateProduct, { id: product.id, input: settings });
    expect(unchanged.errors).toBeUndefined();
    expect((await entriesOf(delft, product.id)).totalCount).toBe(0);

    // A real change is written, with the product's balance unit for the back office to show.
    const changed = await delft.request(updateProduct, {
      id: product.id,
      input: { ...settings, delegationAllowed: !product.delegationAllowed },
    });
    expect(changed.errors).toBeUndefined();
    const log = await entriesOf(delft, product.id);
    expect(log.totalCount).toBe(1);
    expect(log.edges[0].node).toMatchObject({
      action: 'productType.settings.set',
      balanceUnit: 'minutes',
      before: { delegationAllowed: product.delegationAllowed },
      after: { delegationAllowed: !product.delegationAllowed },
    });
  });
});
