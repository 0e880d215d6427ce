import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from './i18n/en.json';
import nl from './i18n/nl.json';
import delegationsEn from '../delegations/i18n/en.json';
import delegationsNl from '../delegations/i18n/nl.json';

const schema = readFileSync(new URL('../../../../api/schema.graphql', import.meta.url), 'utf8');

/** The values of an enum of the API's schema. */
function enumValues(name: string): string[] {
  const body = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(schema)?.[1];
  if (!body) throw new Error(`no enum ${name} in the schema`);
  return body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^[a-zA-Z]+$/.test(line));
}

describe('every value the API can send has words', () => {
  it.each([
    ['LedgerKind', nl.ledgerKind, en.ledgerKind],
    ['SessionStatus', nl.sessionStatus, en.sessionStatus],
    ['DelegationStatus', delegationsNl.status, delegationsEn.status],
  ])('%s in Dutch and English', (name, dutch, english) => {
    const values = enumValues(name);
    expect(values.length).toBeGreaterThan(1);
    expect(Object.keys(dutch).sort()).toEqual([...values].sort());
    expect(Object.keys(english).sort()).toEqual([...values].sort());
  });
});
