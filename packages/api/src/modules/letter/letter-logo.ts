import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { logger } from '../../logging/logger.js';

/** The SPA's built files and its public folder: where a town's logo is served from. */
function defaultRoots(): string[] {
  const roots = [fileURLToPath(new URL('../../../../web/public/', import.meta.url))];
  const dist =
    process.env.WEB_DIST ?? fileURLToPath(new URL('../../../../web/dist/', import.meta.url));
  return [dist, ...roots];
}

const maxLogoBytes = 1024 * 1024;
const cache = new Map<string, Buffer | null>();

/**
 * Whether PDFKit can place the image while the letter is made in one go: JPEG, and PNG without
 * an alpha channel (PDFKit separates alpha asynchronously, after the file would be complete).
 */
function printableImage(bytes: Buffer): boolean {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return true;
  const png = bytes.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  // IHDR's colour type: 4 and 6 carry alpha; a palette with transparency (tRNS) does too.
  return png && bytes[25] !== 4 && bytes[25] !== 6 && !bytes.includes(Buffer.from('tRNS'));
}

/**
 * A town's logo for its letters, or null for the drawn mark. Only a file the SPA itself serves
 * (`/assets/delft.png` or the same path on the public address) is read, from disk: making a
 * letter never fetches from the network, so an admin's URL cannot make the server call out.
 */
export function letterLogo(
  logoUrl: string | null,
  roots: readonly string[] = defaultRoots(),
): Buffer | null {
  if (!logoUrl) return null;
  const key = `${roots.join('|')}|${logoUrl}`;
  if (cache.has(key)) return cache.get(key)!;
  let found: Buffer | null = null;
  try {
    const path = new URL(logoUrl, 'http://spa.invalid').pathname;
    if (['.png', '.jpg', '.jpeg'].includes(extname(path).toLowerCase())) {
      for (const root of roots) {
        const file = normalize(join(root, decodeURIComponent(path)));
        if (!file.startsWith(normalize(root + sep)) || !existsSync(file)) continue;
        if (statSync(file).size > maxLogoBytes) break;
        const bytes = readFileSync(file);
        if (printableImage(bytes)) found = bytes;
        break;
      }
    }
  } catch (error) {
    logger.warn({ err: error }, 'a town logo could not be read; letters use the drawn mark');
  }
  cache.set(key, found);
  return found;
}
