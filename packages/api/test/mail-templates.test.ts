import { formatMoney } from '@parkeer/shared/format/money';
import { describe, expect, it } from 'vitest';
import { delegationInviteMail } from '../src/modules/delegation/delegation-mail.js';
import { couplingLinkMail, passwordResetMail } from '../src/modules/mail/mail-templates.js';
import { requestDecisionMail } from '../src/modules/request/request-decision-mail.js';

const link = 'http://localhost:4000/wachtwoord-herstellen?token=abc_DEF-123';

const facts = {
  link,
  productName: 'Bezoekersvergunning',
  municipalityName: 'Gemeente <Delft>',
  addressLabel: 'Oude Delft 1, Delft',
  validDays: 14,
};

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

  it('counts minutes and days in words that fit the number', () => {
    expect(passwordResetMail('nl', { link, validMinutes: 1 }).text).toContain(
      'De link werkt één keer en is 1 minuut geldig.',
    );
    expect(passwordResetMail('nl', { link, validMinutes: 60 }).text).toContain(
      'De link werkt één keer en is 60 minuten geldig.',
    );
    expect(passwordResetMail('en', { link, validMinutes: 1 }).text).toContain(
      'The link works once and for 1 minute.',
    );
    expect(passwordResetMail('en', { link, validMinutes: 60 }).text).toContain(
      'The link works once and for 60 minutes.',
    );
    const coupling = { ...facts, link, accountExists: true, validDays: 1 };
    expect(couplingLinkMail('nl', coupling).text).toContain('is 1 dag geldig.');
    expect(couplingLinkMail('en', coupling).text).toContain('for 1 day.');
  });

  it('invites a delegate in either language, with the plate when there is one', () => {
    const invite = {
      ownerEmail: 'anna@example.nl',
      productName: 'Bezoekersvergunning',
      municipality: 'Delft',
      amount: 1250,
      unit: 'cents' as const,
      plate: null,
      link: 'http://localhost:4000/machtiging?token=abc',
      validDays: 7,
    };
    const nl = delegationInviteMail('nl', invite);
    const en = delegationInviteMail('en', { ...invite, plate: 'AB-123-C' });
    expect(nl.subject).toBe('U bent gemachtigd');
    expect(en.subject).toBe('You have been given a delegation');
    expect(nl.text).toMatch(/^Beste meneer, mevrouw,\n\nanna@example\.nl machtigt u om de /);
    expect(nl.text).toContain(`met een tegoed van ${formatMoney(1250, 'nl')}.`);
    expect(nl.text).not.toContain('kenteken');
    expect(en.text).toContain(
      `with a budget of ${formatMoney(1250, 'en')} for the licence plate AB-123-C.`,
    );
    for (const mail of [nl, en]) {
      expect(mail.text).toContain(`\n\n${invite.link}\n\n`);
      expect(mail.html).toContain(`<a href="${invite.link}">`);
    }
    expect(nl.text).toContain('is 7 dagen geldig.\n\nMet vriendelijke groet,\nParkeer\n');
    expect(en.text).toContain('for 7 days.\n\nKind regards,\nParkeer\n');
  });

  it('tells the decision on a request in either language', () => {
    const waiver = { kind: 'fineWaiver', fineReference: 'CJIB-1' } as const;
    const care = { kind: 'careHours', minutes: 90 } as const;
    const refused = requestDecisionMail('nl', waiver, false, 'Geen storing.');
    const granted = requestDecisionMail('en', care, true, 'Statement <ok>.');
    expect(refused.subject).toBe('Uw aanvraag is afgewezen');
    expect(refused.text).toContain(
      'De gemeente heeft uw verzoek om kwijtschelding van boete CJIB-1 afgewezen.\n\nReden: Geen storing.',
    );
    expect(granted.subject).toBe('Your request was granted');
    expect(granted.text).toContain(
      'The municipality has granted your request for 1 h 30 min of informal-care time.',
    );
    expect(requestDecisionMail('nl', care, true, 'Goed.').text).toContain(
      'uw aanvraag voor 1 u 30 min mantelzorg toegekend.',
    );
    expect(requestDecisionMail('en', waiver, false, 'No.').subject).toBe(
      'Your request was refused',
    );
    // The reason is the town's own text: the HTML part escapes it.
    expect(granted.html).toContain('Reason: Statement &lt;ok&gt;.');
  });
});
