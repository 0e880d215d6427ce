import { describe, expect, it } from 'vitest';
import type { Rollup } from 'vite';
import { initialChunks } from './initial-size.js';

const chunk = (fileName: string, imports: string[], isEntry = false) =>
  ({ type: 'chunk', fileName, imports, isEntry, code: 'x' }) as unknown as Rollup.OutputChunk;

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
