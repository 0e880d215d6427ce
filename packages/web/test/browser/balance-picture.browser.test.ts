import { randomUUID } from 'node:crypto';
import Database from 'libsql';
import { describe, expect, it } from 'vitest';
import {
  graphqlIn,
  logIn,
  openPage,
  phone,
  photographBoth,
  useChromiumPlatform,
} from './browser.js';
import type { Platform } from './platform.js';

const hour = 60 * 60_000;

/**
 * Anna's parking of earlier months, as settled sessions (months no test can wait for), written
 * straight into the API's SQLite file in its storage form: dates as milliseconds.
 */
function earlierParking(platform: Platform, permitId: string) {
  const db = new Database(platform.databaseFile);
  try {
    db.exec('pragma busy_timeout = 5000');
    const insert = db.prepare(
      `insert into parking_session (id, permit_id, plate, country, start, "end", reservation,
        charge, channel, status, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'web', 'ended', ?)`,
    );
    const now = platform.now();
    const monthsAgo = (months: number) =>
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 10, 9);
    const park = (start: number, plate: string, country: string, minutes: number) =>
      insert.run(
        randomUUID(),
        permitId,
        plate,
        country,
        start,
        start + hour * 3,
        180,
        minutes,
        start,
      );
    park(monthsAgo(1), 'GB123K', 'NL', 120);
    park(monthsAgo(1) + 24 * hour, 'GB123K', 'NL', 60);
    park(monthsAgo(2), 'BAB123', 'DE', 45);
  } finally {
    db.close();
  }
}

describe('the balance picture in chromium', () => {
  const env = useChromiumPlatform();

  it('shows Anna her year per month and per plate, and what she may still buy', async () => {
    const page = await openPage(env.browser, env.platform, phone);
    await logIn(page, env.platform, 'anna@demo.parkeer.nl');
    const { productGroups } = await graphqlIn<{
      productGroups: { products: { id: string; isOwner: boolean }[] }[];
    }>(page, '{ productGroups { products { id isOwner } } }');
    const productId = productGroups.flatMap((g) => g.products).find((p) => p.isOwner)!.id;
    earlierParking(env.platform, productId);

    await page.goto(`/producten/${productId}/geschiedenis`);
    await page.getByRole('tab', { name: 'Verbruik' }).click();
    const usage = page.getByTestId('balance-usage');
    await usage
      .getByText('Verbruikt van 1 januari 2026 tot en met 31 december 2026: 3 u 45 min')
      .waitFor();
    const months = usage.getByRole('table', { name: 'Per maand' });
    expect(await months.locator('tbody tr').count()).toBe(12);
    const october = months.getByRole('row', { name: /okt/ });
    expect(await october.innerText()).toContain('3 u');
    const plates = usage.getByRole('table', { name: 'Per kenteken' });
    const rows = plates.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.first().innerText()).toContain('GB-123-K');
    expect(await rows.first().innerText()).toContain('2 sessies');
    expect(await rows.last().innerText()).toContain('(DE)');
    expect(await rows.last().innerText()).toContain('1 sessie');
    const meter = usage.getByRole('meter');
    expect(await meter.getAttribute('aria-label')).toMatch(/gekocht$/);
    await usage.getByText(/^Nog .* te kopen in deze periode\.$/).waitFor();
    await photographBoth(page, 'balance-picture');
    await page.context().close();
  });
});
