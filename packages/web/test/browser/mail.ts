import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Platform } from './platform.js';

/** The body of a mail file: quoted-printable undone (soft line breaks, `=3D`, UTF-8 bytes). */
function decodedMail(eml: string): string {
  const joined = eml.replace(/=\r?\n/g, '');
  return Buffer.from(
    joined.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

/**
 * Waits for the API's mail sender to write a mail to `to` whose body has a link to `path` with a
 * token, and returns that link (of the newest such mail). Links point at PUBLIC_URL, which is the
 * platform under test itself.
 */
export async function linkInMail(platform: Platform, to: string, path: string): Promise<string> {
  const pattern = new RegExp(`https?://[^\\s"<>]+${path}\\?token=[\\w-]+`);
  const addressedTo = new RegExp(`^To: ${to}$`, 'mi');
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const files = await readdir(platform.mailFolder).catch(() => [] as string[]);
    // The file names start with the time they were written: newest first.
    const newestFirst = files
      .filter((name) => name.endsWith('.eml'))
      .sort()
      .reverse();
    for (const file of newestFirst) {
      const mail = decodedMail(await readFile(join(platform.mailFolder, file), 'utf8'));
      const link = pattern.exec(mail)?.[0];
      if (link && addressedTo.test(mail)) return link;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no mail to ${to} with a link to ${path}`);
}
