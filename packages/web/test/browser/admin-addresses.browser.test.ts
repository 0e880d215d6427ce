import { describe, it } from 'vitest';
import { desktop, logIn, openPage, photographBoth, useChromiumPlatform } from './browser.js';

const file = [
  'postcode;huisnummer;huisletter;toevoeging;straat;woonplaats;x;y;zone',
  '2611EA;3;;;Hippolytusbuurt;Delft;84600;447200;',
  '2611EB;8;b;;Wijnhaven;Delft;;;D',
  '261EA;4;;;Hippolytusbuurt;Delft;;;',
].join('\n');

describe('the addresses of the back office in chromium (docs/rules.md §2, §3)', () => {
  const env = useChromiumPlatform();

  it("imports a town's address file with its progress and refused rows, and sets a zone's ranges", async () => {
    const page = await openPage(env.browser, env.platform, desktop);
    await logIn(page, env.platform, 'beheer@delft.demo.parkeer.nl');
    await page.getByRole('link', { name: 'Adressen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Adressen' }).waitFor({ timeout: 20_000 });
    await page.getByText('Er zijn nog geen bestanden ingelezen.').waitFor();

    await page.getByLabel('Bestand').setInputFiles({
      name: 'delft-adressen.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(file, 'utf8'),
    });
    await page.getByRole('button', { name: 'Inlezen', exact: true }).click();
    const imported = page
      .getByRole('list', { name: 'Ingelezen bestanden' })
      .getByRole('listitem')
      .filter({ hasText: 'delft-adressen.csv' });
    // The work queue reads it in the background; the page follows its progress.
    await imported.getByText('delft-adressen.csv · Klaar').waitFor({ timeout: 30_000 });
    await imported.getByText('3 van 3 regels gelezen').first().waitFor();
    await imported.getByText('2 nieuw, 0 gewijzigd, 0 ongewijzigd').waitFor();
    await imported.getByText('1 regel geweigerd').click();
    await imported.getByRole('cell', { name: 'Vul een postcode in als 2611 HA.' }).waitFor();

    const zoneY = page
      .getByRole('list', { name: 'Waar de zones liggen' })
      .getByRole('listitem')
      .filter({ hasText: 'Y · ' });
    await zoneY.getByText('Vorm van zone Y wijzigen').click();
    await zoneY.getByLabel(/^Adresreeksen/).fill('2612AA 2612ZZ 1 99 oneven');
    await zoneY.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await zoneY.getByText('De vorm van zone Y is opgeslagen.').waitFor();
    await zoneY.getByText(/1 reeks/).waitFor();
    await photographBoth(page, 'admin-addresses');

    // A line that is no range is named before anything is sent.
    await zoneY.getByLabel(/^Adresreeksen/).fill('2612AA tot 2612ZZ');
    await zoneY.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await zoneY.getByText('Regel 1 is geen adresreeks.').waitFor();
  });
});
