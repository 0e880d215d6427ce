import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { graphqlIn } from './browser.js';

/** Waits for a locator; if it never comes, says what the page showed instead. */
export async function waitOrTell(page: Page, locator: Locator, timeout?: number): Promise<void> {
  await locator.waitFor(timeout ? { timeout } : {}).catch(async (error: unknown) => {
    throw new Error(
      `${String(error)}\n--- the page showed:\n${await page.locator('main').innerText()}`,
    );
  });
}

/** Signs in through the demo's test broker (docs/rules.md §6) as one of its test identities. */
export async function signInWithBroker(
  page: Page,
  method: 'DigiD' | 'eHerkenning',
  town: string,
  identity: RegExp,
): Promise<void> {
  await page.goto('/inloggen');
  await page.getByRole('link', { name: new RegExp(`^Inloggen met ${method} \\(${town}`) }).click();
  await page.getByRole('button', { name: identity }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/producten'));
}

const rightCheck = `query ($input: RightCheckInput!) { rightCheck(input: $input) { valid } }`;

/**
 * The enforcement right-check as an officer's page asks it (docs/rules.md §1: valid on the plate
 * the moment the payment is confirmed): whether a plate may park in a zone of a town now.
 */
export function rightCheckIn(
  officer: Page,
  where: { zone: string; municipality: string },
): (plate: string) => Promise<boolean> {
  return async (plate) =>
    (
      await graphqlIn<{ rightCheck: { valid: boolean } }>(officer, rightCheck, {
        input: { plate, ...where },
      })
    ).rightCheck.valid;
}

/** The text of a PDF file, by poppler's pdftotext, with every run of white space one space. */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  );
}

/** The letters' kinds as their links name them (the counter's `letters.kind`). */
const letterNames = {
  granted: 'Besluit: verleend',
  changed: 'Besluit: kenteken gewijzigd',
  extended: 'Besluit: verlengd',
  ended: 'Besluit: beëindigd',
} as const;

/**
 * Downloads the page's letter of a kind as a person does, by clicking its link once it is made
 * (the list says so before), and returns what the PDF says. Named by kind rather than taken as
 * the newest: just after a change the page may still show the list from before it.
 */
export async function downloadLetter(page: Page, kind: keyof typeof letterNames): Promise<string> {
  const link = page
    .getByTestId('letters')
    .getByRole('link', { name: new RegExp(`^${letterNames[kind]} van `) });
  await waitOrTell(page, link, 20_000);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  // The browser runs as a server of its own: the file is streamed over rather than read where
  // chromium put it.
  const folder = mkdtempSync(join(tmpdir(), 'parkeer-letter-'));
  try {
    const file = join(folder, download.suggestedFilename());
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    return pdfText(file);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
