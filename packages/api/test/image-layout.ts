import { copyFileSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repository = fileURLToPath(new URL('../../../', import.meta.url));

/** The packages the image holds built (Dockerfile, runtime stage), with the API's start script. */
const imagePackages = ['shared', 'domain', 'api'] as const;

export interface ImageLayout {
  /** The image's /app. */
  readonly root: string;
  /** Its start script (a link to the repository's own). */
  readonly startScript: string;
  remove(): void;
}

function sources(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter(
      (entry) => entry.isFile() && /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name),
    )
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The container image's /app in a temporary folder: each package's package.json and a `dist`
 * compiled from its sources in the layout `tsc -p tsconfig.build.json` writes, node_modules
 * with @parkeer/* pointing at those packages, and the API's start script. The sources are
 * transpiled by esbuild (what tsx runs in development), in a second rather than tsc's half
 * minute; the type checks run elsewhere in `npm test`.
 */
export async function layOutImage(): Promise<ImageLayout> {
  const root = join(tmpdir(), `parkeer-image-${process.pid}-${Date.now()}`);
  for (const name of imagePackages) {
    const packageFolder = join(repository, 'packages', name);
    const target = join(root, 'packages', name);
    mkdirSync(target, { recursive: true });
    copyFileSync(join(packageFolder, 'package.json'), join(target, 'package.json'));
    await build({
      entryPoints: sources(join(packageFolder, 'src')),
      outdir: join(target, 'dist'),
      outbase: join(packageFolder, 'src'),
      format: 'esm',
      platform: 'node',
      target: 'node20',
      logLevel: 'warning',
      tsconfigRaw: {
        compilerOptions: {
          experimentalDecorators: true,
          useDefineForClassFields: false,
          verbatimModuleSyntax: true,
        },
      },
    });
  }
  copyFileSync(join(repository, 'package.json'), join(root, 'package.json'));
  // The production dependencies: the repository's own, but @parkeer/* are this layout's packages.
  const modules = join(root, 'node_modules');
  mkdirSync(join(modules, '@parkeer'), { recursive: true });
  for (const entry of readdirSync(join(repository, 'node_modules'))) {
    if (entry === '@parkeer') continue;
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
  return { root, startScript, remove: () => rmSync(root, { recursive: true, force: true }) };
}
