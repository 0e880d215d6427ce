import { demoPassword, type DemoSeed } from './demo-seed.js';

/** The demo accounts as `npm start` prints them on first run. */
export function formatDemoLogins(seed: DemoSeed): string {
  const width = Math.max(...seed.logins.map((login) => login.email.length));
  return [
    `Demo data created. Every demo account's password: ${demoPassword}`,
    ...seed.logins.map((login) => `  ${login.email.padEnd(width)}  ${login.what}`),
    'Allocation letters (add a product with code + PIN):',
    ...seed.letters.map((letter) => `  ${letter.productCode} / PIN ${letter.pin}  ${letter.what}`),
  ].join('\n');
}
