import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'libsql';
import { describe, expect, it } from 'vitest';
import { desktop, logIn, openPage, photographBoth, useChromiumPlatform } from './browser.js';
import type { Platform } from './platform.js';

const recipient = 'gast.onbereikbaar@example.nl';
const mailSubject = 'U bent gemachtigd';

/**
 * Puts a mail and a refund in the work queue's dead letter, as ten failed attempts would have
 * (hours of backoff no test can wait for). Written straight into the API's SQLite file, in its
 * storage form: dates as milliseconds.
 */
function deadLetter(platform: Platform): { mailJobId: string } {
  const db = new Database(platform.databaseFile);
  try {
    db.exec('pragma busy_timeout = 5000');
    const at = platform.now().getTime() - 60_000;
    const mailId = randomUUID();
    const mailJobId = randomUUID();
    db.prepare(
      `insert into mail_outbox (id, recipient, subject, text, created_at, next_attempt_at,
        attempts) values (?, ?, ?, ?, ?, ?, 0)`,
    ).run(mailId, recipient, mailSubject, 'Hallo', at, Date.parse('9999-12-31T00:00:00Z'));
    const insertJob = db.prepare(
      `insert into scheduled_job (id, kind, subject, run_at, attempts, last_error, dead_at)
      values (?, ?, ?, ?, 10, ?, ?)`,
    );
    insertJob.run(mailJobId, 'sendMail', mailId, at, '421 [email]: service not available', at);
    insertJob.run(randomUUID(), 'refundPayment', randomUUID(), at, 'provider timed out', at);
    return { mailJobId };
  } finally {
    db.close();
  }
}

/** Waits for the API to write a mail to `to` (the file transport of MAIL_DIR). */
async function mailTo(platform: Platform, to: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const files = await readdir(platform.mailFolder).catch(() => [] as string[]);
    for (const file of files.filter((name) => name.endsWith('.eml'))) {
      const mail = await readFile(join(platform.mailFolder, file), 'utf8');
      if (new RegExp(`^To: ${to}$`, 'mi').test(mail)) return mail;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no mail to ${to}`);
}

describe('the dead letter of the back office in chromium', () => {
  const env = useChromiumPlatform();

  it('shows the platform admin failed work without personal data, and retries a mail until it is sent', async () => {
    deadLetter(env.platform);
    const page = await openPage(env.browser, env.platform, desktop);
    await logIn(page, env.platform, 'platform@demo.parkeer.nl');
    await page.getByRole('link', { name: 'Mislukt werk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mislukt werk' }).waitFor();

    const list = page.getByRole('list', { name: 'Mislukt werk' });
    const mail = list.getByRole('listitem').filter({ hasText: 'Mail versturen' });
    await mail.getByText(mailSubject).waitFor();
    await expect(mail.getByText('g•••@e•••.nl').count()).resolves.toBe(1);
    await expect(mail.getByText('421 [email]: service not available').count()).resolves.toBe(1);
    await expect(list.getByRole('listitem').count()).resolves.toBe(2);
    // The address itself is nowhere on the page.
    expect(await page.content()).not.toContain('onbereikbaar');
    await photographBoth(page, 'admin-dead-letter');

    await page
      .getByRole('button', {
        name: `Opnieuw proberen: Mail versturen, ${mailSubject} (g•••@e•••.nl)`,
      })
      .click();
    await page.getByText(`${mailSubject} (g•••@e•••.nl) staat weer klaar`).waitFor();
    // Back in the queue: off the list, and sent by the API's worker within its interval.
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    expect(await mailTo(env.platform, recipient)).toMatch(
      new RegExp(`^Subject: ${mailSubject}$`, 'm'),
    );
    await photographBoth(page, 'admin-dead-letter-retried');
  });
});
