import { createRequire } from 'node:module';
import { parse } from '@formatjs/icu-messageformat-parser';
import type { Plugin } from 'vite';
// Relative: Vite loads its config before it knows how to resolve the workspace's TypeScript.
import { isPlainText } from '../../shared/src/messages/plain-text.js';

const catalogueFile = /[\\/]i18n[\\/][a-z]+\.json$/;

/** A catalogue with every message compiled: plain text stays text, the rest becomes a tree. */
export function compiledCatalogue(catalogue: unknown): unknown {
  if (typeof catalogue === 'string') {
    return isPlainText(catalogue) ? catalogue : parse(catalogue, { ignoreTag: true });
  }
  if (typeof catalogue !== 'object' || catalogue === null) return catalogue;
  return Object.fromEntries(
    Object.entries(catalogue).map(([key, value]) => [key, compiledCatalogue(value)]),
  );
}

/**
 * Compiles the ICU catalogues (docs/architecture.md §Strings) while building, so the SPA ships
 * compiled messages and intl-messageformat without its parser: the parser is about 7 KB gzipped
 * of the first download. The shared error tables still bring the parser, in their own chunks.
 */
export function icuCatalogues(): Plugin[] {
  const require = createRequire(import.meta.url);
  const parserless = require.resolve('@formatjs/icu-messageformat-parser/no-parser.js');
  return [
    {
      name: 'parkeer-icu-catalogues',
      enforce: 'pre',
      transform(code, id) {
        if (!catalogueFile.test(id)) return null;
        // Still JSON: Vite's own JSON plugin turns it into a module afterwards.
        return { code: JSON.stringify(compiledCatalogue(JSON.parse(code))), map: null };
      },
    },
    {
      name: 'parkeer-icu-formatter-without-parser',
      apply: 'build',
      enforce: 'pre',
      resolveId(source, importer) {
        if (source !== '@formatjs/icu-messageformat-parser') return null;
        if (!importer || !/[\\/]node_modules[\\/]intl-messageformat[\\/]/.test(importer)) {
          return null;
        }
        return parserless;
      },
    },
  ];
}
