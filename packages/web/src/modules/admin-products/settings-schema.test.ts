import { describe, expect, it } from 'vitest';
import { delftTopUpPolicy } from '@parkeer/domain/balance/top-up-policy.examples';
import type { TopUpPolicy } from '@parkeer/domain/balance/top-up-policy';
import { visitorPolicyEndOfPaidHours } from '@parkeer/domain/session-policy/session-policy';
import { draftOf, newCounterDraft, type ProductSettings } from './settings-draft.js';
import { settingsSchema } from './settings-schema.js';

const delft: ProductSettings = {
  nameNl: 'Bezoekersvergunning',
  nameEn: 'Visitor permit',
  balanceUnit: 'minutes',
  delegationAllowed: true,
  sessionPolicy: visitorPolicyEndOfPaidHours,
  topUpPolicy: delftTopUpPolicy as unknown as Record<string, unknown>,
};
const today = '2026-11-23';
const zoneCodes = [
  ...new Set(
    (delftTopUpPolicy.pricing.kind === 'perUnit' ? delftTopUpPolicy.pricing.prices : []).flatMap(
      (line) => line.zones,
    ),
  ),
];
const schema = settingsSchema(
  { unit: 'minutes', zoneCodes, today, previous: delftTopUpPolicy as TopUpPolicy },
  'nl',
  (reason) => `local:${reason}`,
);
const check = async (edit: (draft: ReturnType<typeof draftOf>) => void) => {
  const draft = draftOf(delft, 'nl', today);
  edit(draft);
  return schema['~standard'].validate(draft);
};

describe('the product settings form checked in the browser', () => {
  it('passes the stored settings and submits them as the API’s input', async () => {
    const result = await check(() => {});
    expect(result.issues).toBeUndefined();
    expect(result).toMatchObject({ value: { topUpPolicy: delftTopUpPolicy } });
  });

  it('says first which typed number does not read, at its field', async () => {
    const result = await check((draft) => void (draft.topUp!.capLimit = 'veel'));
    expect(result.issues).toEqual([
      { message: 'local:notAnAmount', path: ['topUpPolicy', 'cap', 'limit'] },
    ]);
  });

  it('runs the domain’s top-up and session rules, in the catalogue’s words at the API’s paths', async () => {
    const result = await check((draft) => {
      draft.topUp!.capLimit = '100';
      draft.sessions!.pastTolerance = '90';
    });
    const paths = result.issues?.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        ['topUpPolicy', 'cap', 'limit'],
        ['sessionPolicy', 'pastStartToleranceMinutes'],
      ]),
    );
    const cap = result.issues!.find((issue) => issue.path?.join('.') === 'topUpPolicy.cap.limit');
    expect(cap!.message).toMatch(/kleiner dan één blok/);
  });

  it('runs the domain’s counter rules in the browser, at the API’s paths (docs/rules.md §1, counter settings)', async () => {
    const result = await check((draft) => {
      draft.counter = {
        ...newCounterDraft(),
        price: '54',
        period: 'month',
        renewalWindowDays: '40',
        documents: [{ code: 'lease', nameNl: 'Lease', nameEn: '', when: 'leaseCar' }],
      };
    });
    expect(result.issues?.map((issue) => issue.path?.join('.'))).toEqual([
      'counter.renewalWindowDays',
      'counter.documents.0.name.en',
      'counter.documents.0.when',
    ]);
  });
});
