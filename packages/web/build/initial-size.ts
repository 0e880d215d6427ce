import { gzipSync } from 'node:zlib';
import type { Plugin, Rollup } from 'vite';
// Relative: Vite loads its config before it knows how to resolve the workspace's TypeScript.
import { languages } from '../../shared/src/language.js';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

/** The budget of issue 5: what a phone downloads before the first page shows. */
export const initialBudgetBytes = 150 * 1024;

/**
 * The back office's budget (issue 15): the same as the residents', for the entry they share, its
 * shell and its strings in the language shown (docs/architecture.md, "The web app").
 */
export const backOfficeBudgetBytes = 150 * 1024;

/** The chunks that `starts` picks and everything they import statically. */
export function chunksLoadedWith(
  bundle: OutputBundle,
  starts: (chunk: OutputChunk) => boolean,
): OutputChunk[] {
  const chunks = new Map(
    Object.values(bundle)
      .filter((item): item is OutputChunk => item.type === 'chunk')
      .map((chunk) => [chunk.fileName, chunk]),
  );
  const loaded = new Map<string, OutputChunk>();
  const visit = (chunk: OutputChunk) => {
    if (loaded.has(chunk.fileName)) return;
    loaded.set(chunk.fileName, chunk);
    for (const name of chunk.imports) {
      const imported = chunks.get(name);
      if (imported) visit(imported);
    }
  };
  for (const chunk of chunks.values()) if (starts(chunk)) visit(chunk);
  return [...loaded.values()];
}

/** The entry chunks and everything they import statically: what loads before any route. */
export const initialChunks = (bundle: OutputBundle) =>
  chunksLoadedWith(bundle, (chunk) => chunk.isEntry);

/**
 * What loads before a resident's page shows: the entry and the residents' strings (every
 * resident page waits for them), each with what it imports statically. The page itself loads
 * beside them.
 */
const residentStart = /\/app\/resident-strings\.ts$/;

export const residentInitialChunks = (bundle: OutputBundle) =>
  chunksLoadedWith(
    bundle,
    (chunk) => chunk.isEntry || residentStart.test(chunk.facadeModuleId ?? ''),
  );

/**
 * What loads before a back-office page shows in one language: the entry, the back office's
 * shell and its strings in that language (the shell waits for them), each with what it imports
 * statically. The page itself and what only pages import (e.g. the form kit) load after.
 */
const backOfficeStart = (language: string) =>
  new RegExp(
    `/modules/admin/components/admin-shell\\.tsx$|/app/back-office-strings\\.${language}\\.ts$`,
  );

export const backOfficeInitialChunks = (bundle: OutputBundle, language: string) => {
  const start = backOfficeStart(language);
  return chunksLoadedWith(
    bundle,
    (chunk) => chunk.isEntry || start.test(chunk.facadeModuleId ?? ''),
  );
};

export const gzippedSize = (code: string) => gzipSync(code, { level: 9 }).length;

const kb = (value: number) => `${(value / 1024).toFixed(1)} KB`;

/** One area's initial JavaScript, gzipped, as the build prints it; over budget when `over`. */
export function sizeLine(
  area: string,
  chunks: readonly OutputChunk[],
  budget: number,
): { line: string; over: boolean; bytes: number } {
  const bytes = chunks.reduce((sum, chunk) => sum + gzippedSize(chunk.code), 0);
  return {
    line: `${area}: ${kb(bytes)} gzipped in ${chunks.length} file(s) (budget ${kb(budget)})`,
    over: bytes > budget,
    bytes,
  };
}

type SizeLine = ReturnType<typeof sizeLine>;

const heaviest = (lines: readonly SizeLine[]) =>
  lines.reduce((heavier, line) => (line.bytes > heavier.bytes ? line : heavier));

/**
 * Prints the initial JavaScript's gzipped size after a build, for the residents' app and for the
 * back office, and fails the build when either is over its budget: route pages load on demand
 * (React.lazy), so only the frame of each area counts.
 */
export function initialSizeReport(
  budget = initialBudgetBytes,
  backOfficeBudget = backOfficeBudgetBytes,
): Plugin {
  return {
    name: 'parkeer-initial-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const reports = [
        sizeLine('Initial JavaScript', residentInitialChunks(bundle), budget),
        // The heavier language counts: the back office opens in either.
        heaviest(
          languages.map((language) =>
            sizeLine(
              `Back office initial JavaScript (${language})`,
              backOfficeInitialChunks(bundle, language),
              backOfficeBudget,
            ),
          ),
        ),
      ];
      for (const { line } of reports) {
        this.info(line);
        console.log(line);
      }
      const over = reports.find((report) => report.over);
      if (over) this.error(over.line);
    },
  };
}
