import { describe, expect, it } from 'vitest';
import { couplingLinkMail, passwordResetMail } from '../src/modules/mail/mail-templates.js';

const link = 'http://localhost:4000/wachtwoord-herstellen?token=abc_DEF-123';

describe('mail templates', () => {
  it('writes the reset mail in Dutch or English with the link in text and HTML', () => {
    const nl = passwordResetMail('nl', { link, validMinutes: 60 });
    const en = passwordResetMail('en', { link, validMinutes: 60 });
    expect(nl.subject).toBe('Nieuw wachtwoord instellen');
    expect(en.subject).toBe('Set a new password');
    for (const mail of [nl, en]) {
      expect(mail.text).toContain(`\n${link}\n`);
      expect(mail.text).toContain('60');
      expect(mail.html).toContain(`<a href="${link}">`);
    }
    expect(nl.text).toContain('60 minuten');
    expect(en.text).toContain('60 minutes');
    expect(nl.html).toContain('<html lang="nl">');
  });

  it('tells a new holder to choose a password and an existing one to confirm', () => {
    const facts = {
      link,
      productName: 'Bezoekersvergunning',
      municipalityName: 'Gemeente <Delft>',
      addressLabel: 'Oude Delft 1, Delft',
      validDays: 14,
    };
    const fresh = couplingLinkMail('nl', { ...facts, accountExists: false });
    const known = couplingLinkMail('en', { ...facts, accountExists: true });
    expect(fresh.subject).toBe('Uw product staat klaar: Bezoekersvergunning');
    expect(fresh.text).toContain('u kiest een wachtwoord');
    expect(fresh.text).toContain('Oude Delft 1, Delft');
    expect(fresh.text).toContain('14 dagen');
    expect(known.text).toContain('Log in with the password of your account');
    // Names come from the database: the HTML part escapes them.
    expect(fresh.html).toContain('Gemeente &lt;Delft&gt;');
    expect(fresh.html).not.toContain('<Delft>');
  });
});
