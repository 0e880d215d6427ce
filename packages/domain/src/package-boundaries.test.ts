/// <reference types="node" />
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// The boundaries of docs/architecture.md are lint rules; this proves the rules catch what they must.
const root = fileURLToPath(new URL('../../..', import.meta.url));
let eslint: ESLint;

// The first lint loads the config and the TypeScript parser: slow on a busy machine (turbo runs
// every package's tests at once), so it happens here, with time for it, not in the first test.
beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  await eslint.lintText('export const warm = 1;\n', { filePath: 'packages/domain/src/warm.ts' });
}, 60_000);

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

const inDomain = 'packages/domain/src/regime/example.ts';

describe('packages/domain is pure and browser-safe', () => {
  it.each(['node:fs', 'fs', 'react', 'graphql', '@mikro-orm/core', '@parkeer/api/server', 'luxon'])(
    'refuses an import of %s',
    async (module) => {
      const code = `import * as imported from '${module}';\nexport const used = imported;\n`;
      expect(await ruleIds(inDomain, code)).toContain('no-restricted-imports');
    },
  );

  it('allows its own files, shared and @date-fns/tz', async () => {
    const code = [
      "import { tzOffset } from '@date-fns/tz';",
      "import { languages } from '@parkeer/shared/language';",
      "import { hm } from './example-regimes.js';",
      "import { addDays } from '../time/local-date.js';",
      'export const used = [tzOffset, languages, hm, addDays];',
      '',
    ].join('\n');
    expect(await ruleIds(inDomain, code)).toEqual([]);
  });

  it.each([
    ['a hidden clock', 'export const now = Date.now();\n', 'no-restricted-syntax'],
    ['a hidden clock', 'export const now = new Date();\n', 'no-restricted-syntax'],
    ['the environment', 'export const tz = process.env.TZ;\n', 'no-restricted-globals'],
    ['the browser', 'export const w = window.innerWidth;\n', 'no-restricted-globals'],
  ])('refuses %s: %s', async (_, code, rule) => {
    expect(await ruleIds(inDomain, code)).toContain(rule);
  });

  it('allows a date built from an argument', async () => {
    expect(await ruleIds(inDomain, 'export const at = (ms: number) => new Date(ms);\n')).toEqual(
      [],
    );
  });
});

describe('the other packages keep their boundaries', () => {
  it('shared imports no library but the ICU formatter', async () => {
    const code = "import { tzOffset } from '@date-fns/tz';\nexport const used = tzOffset;\n";
    expect(await ruleIds('packages/shared/src/format/example.ts', code)).toContain(
      'no-restricted-imports',
    );
  });

  it('shared may import the ICU message formatter', async () => {
    const code =
      "import { IntlMessageFormat } from 'intl-messageformat';\nexport const used = IntlMessageFormat;\n";
    expect(await ruleIds('packages/shared/src/messages/example.ts', code)).toEqual([]);
  });

  it('web never imports api', async () => {
    const code =
      "import { createServer } from '@parkeer/api/server';\nexport const used = createServer;\n";
    expect(await ruleIds('packages/web/src/app/example.tsx', code)).toContain(
      'no-restricted-imports',
    );
  });

  it.each(['mail-catalogue', 'mail.messages'])(
    'web never imports the mail texts (%s)',
    async (file) => {
      const code = `import * as texts from '@parkeer/shared/messages/${file}';\nexport const used = texts;\n`;
      expect(await ruleIds('packages/web/src/app/example.tsx', code)).toContain(
        'no-restricted-imports',
      );
      expect(await ruleIds('packages/api/src/modules/mail/example.ts', code)).toEqual([]);
    },
  );

  it('resolvers do not touch the ORM', async () => {
    const code =
      "import { EntityManager } from '@mikro-orm/core';\nexport const used = EntityManager;\n";
    expect(await ruleIds('packages/api/src/modules/session/session.resolver.ts', code)).toContain(
      'no-restricted-imports',
    );
  });
});
