import { gzipSync } from 'node:zlib';
import type { Plugin, Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

/** The budget of issue 5: what a phone downloads before the first page shows. */
export const initialBudgetBytes = 150 * 1024;

/** The entry chunks and everything they import statically: what loads before any route. */
export function initialChunks(bundle: OutputBundle): OutputChunk[] {
  const chunks = new Map(
    Object.values(bundle)
      .filter((item): item is OutputChunk => item.type === 'chunk')
      .map((chunk) => [chunk.fileName, chunk]),
  );
  const initial = new Map<string, OutputChunk>();
  const visit = (chunk: OutputChunk) => {
    if (initial.has(chunk.fileName)) return;
    initial.set(chunk.fileName, chunk);
    for (const name of chunk.imports) {
      const imported = chunks.get(name);
      if (imported) visit(imported);
    }
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk);
  return [...initial.values()];
}

export const gzippedSize = (code: string) => gzipSync(code, { level: 9 }).length;

/**
 * Prints the initial JavaScript's gzipped size after a build, and fails the build over budget:
 * route pages load on demand (React.lazy), so only the frame of the app counts.
 */
export function initialSizeReport(budget = initialBudgetBytes): Plugin {
  return {
    name: 'parkeer-initial-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = initialChunks(bundle);
      const bytes = chunks.reduce((sum, chunk) => sum + gzippedSize(chunk.code), 0);
      const kb = (value: number) => `${(value / 1024).toFixed(1)} KB`;
      const line = `Initial JavaScript: ${kb(bytes)} gzipped in ${chunks.length} file(s) (budget ${kb(budget)})`;
      if (bytes > budget) this.error(line);
      this.info(line);
      console.log(line);
    },
  };
}
