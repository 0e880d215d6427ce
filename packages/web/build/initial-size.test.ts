import { describe, expect, it } from 'vitest';
import type { Rollup } from 'vite';
import { backOfficeInitialChunks, initialChunks, sizeLine } from './initial-size.js';

const chunk = (fileName: string, imports: string[], isEntry = false, facadeModuleId?: string) =>
  ({
    type: 'chunk',
    fileName,
    imports,
    isEntry,
    facadeModuleId,
    code: 'x',
  }) as unknown as Rollup.OutputChunk;

describe('the initial JavaScript of a build', () => {
  it('is the entry and what it imports statically, not the pages loaded on demand', () => {
    const bundle = {
      'index.js': chunk('index.js', ['react.js'], true),
      'react.js': chunk('react.js', ['shared.js']),
      'shared.js': chunk('shared.js', []),
      'history-page.js': chunk('history-page.js', ['shared.js', 'react.js']),
      'style.css': { type: 'asset', fileName: 'style.css' },
    } as unknown as Rollup.OutputBundle;
    expect(
      initialChunks(bundle)
        .map((item) => item.fileName)
        .sort(),
    ).toEqual(['index.js', 'react.js', 'shared.js']);
  });
});

describe('the back office’s initial JavaScript', () => {
  const bundle = {
    'index.js': chunk('index.js', ['react.js'], true, '/web/src/main.tsx'),
    'react.js': chunk('react.js', []),
    'admin-shell.js': chunk(
      'admin-shell.js',
      ['react.js', 'admin-css.js'],
      false,
      '/web/src/modules/admin/components/admin-shell.tsx',
    ),
    'admin-css.js': chunk('admin-css.js', []),
    'nl.js': chunk('nl.js', [], false, '/web/src/modules/admin-zones/i18n/nl.json'),
    'en.js': chunk('en.js', [], false, '/web/src/modules/admin-zones/i18n/en.json'),
    'history-nl.js': chunk('history-nl.js', [], false, '/web/src/modules/history/i18n/nl.json'),
    'resident-nl.js': chunk('resident-nl.js', [], false, '/web/src/modules/sessions/i18n/nl.json'),
    'zones-page.js': chunk(
      'zones-page.js',
      ['form-kit.js'],
      false,
      '/web/src/modules/admin-zones/components/zones-page.tsx',
    ),
    'form-kit.js': chunk('form-kit.js', []),
  } as unknown as Rollup.OutputBundle;

  it('is the entry, the back office’s shell and its strings in one language, not its pages nor the kit', () => {
    expect(
      backOfficeInitialChunks(bundle, 'nl')
        .map((item) => item.fileName)
        .sort(),
    ).toEqual(['admin-css.js', 'admin-shell.js', 'history-nl.js', 'index.js', 'nl.js', 'react.js']);
    expect(
      backOfficeInitialChunks(bundle, 'en')
        .map((item) => item.fileName)
        .sort(),
    ).toEqual(['admin-css.js', 'admin-shell.js', 'en.js', 'index.js', 'react.js']);
    expect(initialChunks(bundle).map((item) => item.fileName)).not.toContain('admin-shell.js');
  });

  it('is over budget when its gzipped code is larger than the budget', () => {
    const chunks = backOfficeInitialChunks(bundle, 'en');
    expect(sizeLine('Back office', chunks, 1_000).over).toBe(false);
    expect(sizeLine('Back office', chunks, 10)).toMatchObject({
      over: true,
      line: expect.stringMatching(
        /^Back office: 0\.\d KB gzipped in 5 file\(s\) \(budget 0\.0 KB\)$/,
      ),
    });
  });
});
