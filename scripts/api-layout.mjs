// The API as the container image holds it (Dockerfile, runtime stage), in a temporary folder:
// each package's package.json and a `dist` compiled from its sources in the layout
// `tsc -p tsconfig.build.json` writes, node_modules whose @parkeer/* are those packages, and the
// API's start script. The sources are transpiled by esbuild (what tsx does in development) in a
// few seconds rather than tsc's half minute; `npm test` type-checks them elsewhere. Tests start
// API processes from it: Node loads plain JavaScript about twice as fast as through tsx's hooks.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repository = fileURLToPath(new globalThis.URL('..', import.meta.url));

/** The packages the image holds built, the API's own dependencies first. */
const imagePackages = ['shared', 'domain', 'api'];

function sources(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter(
      (entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'),
    )
    .map((entry) => join(entry.parentPath, entry.name));
}

function dataFiles(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter(
      (entry) => entry.isFile() && entry.name.endsWith('.json') && !entry.name.startsWith('.'),
    )
    .map((entry) => join(entry.parentPath, entry.name));
}

/** @returns {Promise<import('./api-layout.d.mts').ApiLayout>} */
export async function layOutApi() {
  const root = mkdtempSync(join(tmpdir(), 'parkeer-image-'));
  try {
    await Promise.all(
      imagePackages.map(async (name) => {
        const packageFolder = join(repository, 'packages', name);
        const target = join(root, 'packages', name);
        mkdirSync(target, { recursive: true });
        copyFileSync(join(packageFolder, 'package.json'), join(target, 'package.json'));
        // What the sources import besides code (the compiled path's manifest): tsc writes
        // imported JSON beside the JavaScript, so the layout does too.
        for (const file of dataFiles(join(packageFolder, 'src'))) {
          const copy = join(target, 'dist', relative(join(packageFolder, 'src'), file));
          mkdirSync(dirname(copy), { recursive: true });
          copyFileSync(file, copy);
        }
        await build({
          entryPoints: sources(join(packageFolder, 'src')),
          outdir: join(target, 'dist'),
          outbase: join(packageFolder, 'src'),
          format: 'esm',
          platform: 'node',
          target: 'node20',
          // Keep `with { type: 'json' }`: Node needs it to import the JSON the sources import.
          supported: { 'import-attributes': true },
          logLevel: 'warning',
          tsconfigRaw: {
            compilerOptions: {
              experimentalDecorators: true,
              useDefineForClassFields: false,
              verbatimModuleSyntax: true,
            },
          },
        });
      }),
    );
    copyFileSync(join(repository, 'package.json'), join(root, 'package.json'));
    // The partner documentation's sources (/docs renders them when the build's pages are absent).
    symlinkSync(join(repository, 'docs'), join(root, 'docs'));
    // The repository's dependencies, but @parkeer/* are this layout's packages.
    const modules = join(root, 'node_modules');
    mkdirSync(join(modules, '@parkeer'), { recursive: true });
    for (const entry of readdirSync(join(repository, 'node_modules'))) {
      if (entry !== '@parkeer')
        symlinkSync(join(repository, 'node_modules', entry), join(modules, entry));
    }
    for (const name of imagePackages) {
      symlinkSync(
        relative(join(modules, '@parkeer'), join(root, 'packages', name)),
        join(modules, '@parkeer', name),
      );
    }
    const bin = join(root, 'packages', 'api', 'bin');
    mkdirSync(bin);
    const startScript = join(bin, 'start');
    symlinkSync(join(repository, 'packages', 'api', 'bin', 'start'), startScript);
    return {
      root,
      startScript,
      main: join(root, 'packages', 'api', 'dist', 'main.js'),
      remove: () => rmSync(root, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}
