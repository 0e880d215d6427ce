import { describe, expect, it } from 'vitest';
import type { Rollup } from 'vite';
import {
  backOfficeInitialChunks,
  initialChunks,
  residentInitialChunks,
  sizeLine,
} from './initial-size.js';

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

describe('the initial JavaScript of each area', () => {
  const bundle = {
    'index.js': chunk('index.js', ['react.js'], true, '/web/index.html'),
    'react.js': chunk('react.js', []),
    'resident-strings.js': chunk(
      'resident-strings.js',
      [],
      false,
      '/web/src/app/resident-strings.ts',
    ),
    'admin-shell.js': chunk(
      'admin-shell.js',
      ['react.js', 'admin-css.js'],
      false,
      '/web/src/modules/admin/components/admin-shell.tsx',
    ),
    'admin-css.js': chunk('admin-css.js', []),
    'back-office-nl.js': chunk(
      'back-office-nl.js',
      ['history-nl.js'],
      false,
      '/web/src/app/back-office-strings.nl.ts',
    ),
    'history-nl.js': chunk('history-nl.js', [], false, '/web/src/modules/history/i18n/nl.json'),
    'back-office-en.js': chunk(
      'back-office-en.js',
      [],
      false,
      '/web/src/app/back-office-strings.en.ts',
    ),
    'zones-page.js': chunk(
      'zones-page.js',
      ['form-kit.js'],
      false,
      '/web/src/modules/admin-zones/components/zones-page.tsx',
    ),
    'form-kit.js': chunk('form-kit.js', []),
  } as unknown as Rollup.OutputBundle;
  const names = (chunks: readonly Rollup.OutputChunk[]) =>
    chunks.map((item) => item.fileName).sort();

  it('is, for a resident, the entry and the residents’ strings, nothing of the back office', () => {
    expect(names(residentInitialChunks(bundle))).toEqual([
      'index.js',
      'react.js',
      'resident-strings.js',
    ]);
  });

  it('is, for the back office, the entry, its shell and its strings in one language, not its pages nor the kit', () => {
    expect(names(backOfficeInitialChunks(bundle, 'nl'))).toEqual([
      'admin-css.js',
      'admin-shell.js',
      'back-office-nl.js',
      'history-nl.js',
      'index.js',
      'react.js',
    ]);
    expect(names(backOfficeInitialChunks(bundle, 'en'))).toEqual([
      'admin-css.js',
      'admin-shell.js',
      'back-office-en.js',
      'index.js',
      'react.js',
    ]);
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
