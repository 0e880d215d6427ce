import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { graphqlIn } from './browser.js';

const apply = `mutation ($input: ApplyForPermitInput!) { applyForPermit(input: $input) {
  __typename ... on PermitApplicationSubmitted { application { id status } checkoutUrl }
  ... on PermitApplicationRefused { rule message } } }`;

export interface SubmittedApplication {
  readonly application: { readonly id: string; readonly status: string };
  readonly checkoutUrl: string | null;
}

/**
 * Applies at the counter through the API, as the page's login: the setup of a test about what
 * comes after. A refusal fails the test with its message.
 */
export async function applyInPage(
  page: Page,
  application: Record<string, unknown>,
): Promise<SubmittedApplication> {
  const { applyForPermit } = await graphqlIn<{
    applyForPermit: SubmittedApplication & { __typename: string; message?: string };
  }>(page, apply, { input: { idempotencyKey: crypto.randomUUID(), application } });
  expect(applyForPermit.message ?? applyForPermit.__typename).toBe('PermitApplicationSubmitted');
  return applyForPermit;
}

/** Pays an application at the simulated bank and waits to be sent back to the SPA. */
export async function payAtSimulatedBank(page: Page, checkoutUrl: string | null): Promise<void> {
  expect(checkoutUrl).toBeTruthy();
  await page.goto(checkoutUrl!);
  await page.getByRole('button', { name: 'Betalen' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/betalen/simulatie'));
}
