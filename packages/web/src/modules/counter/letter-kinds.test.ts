import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ResultOf } from '../../app/graphql.js';
import type { AdminPermitLettersQuery } from '../admin-permits/graphql/permits.js';

type LetterKind = ResultOf<typeof AdminPermitLettersQuery>['permitLetters'][number]['kind'];

/** The schema's letter kinds: the compiler refuses a list that misses one or names another. */
const letterKinds = [
  'granted',
  'changed',
  'extended',
  'ended',
  'refused',
  'moved',
  'newPin',
] as const satisfies readonly LetterKind[];
const everyKindListed: [Exclude<LetterKind, (typeof letterKinds)[number]>] extends [never]
  ? true
  : false = true;

const catalogue = (module: string, language: string) =>
  JSON.parse(
    readFileSync(new URL(`../${module}/i18n/${language}.json`, import.meta.url), 'utf8'),
  ) as Record<string, Record<string, unknown>>;

describe('the names of decision letters (docs/rules.md §1 Letters)', () => {
  it.each(['nl', 'en'])(
    'names every kind of letter the API makes, for the holder and the back office (%s)',
    (language) => {
      expect(everyKindListed).toBe(true);
      const holder = catalogue('counter', language).letters!.kind as Record<string, string>;
      const office = catalogue('admin-applications', language).letterKinds as Record<
        string,
        string
      >;
      for (const kind of letterKinds) {
        expect(holder[kind], `counter letters.kind.${kind}`).toBeTruthy();
        expect(office[kind], `admin-applications letterKinds.${kind}`).toBeTruthy();
      }
    },
  );
});
