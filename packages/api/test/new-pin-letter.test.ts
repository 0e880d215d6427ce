import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reloadConfig } from '../src/config/config.js';
import { runDueJobs } from '../src/jobs/job-runner.js';
import { AuditEntry } from '../src/model/audit-entry.entity.js';
import { PermitDocument } from '../src/model/permit-document.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { storedBytes } from '../src/db/stored-bytes.js';
import { hashSecret } from '../src/modules/auth/password-hash.js';
import type { MailMessage, MailTransport } from '../src/modules/mail/mail-transport.js';
import { limitPolicies } from '../src/modules/rate-limit/limit-policies.js';
import { useDemoApi } from './demo-api.js';
import { TestClient } from './graphql-client.js';
import { flat, pdfText } from './letters-fixtures.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();
const day = 24 * 60 * 60_000;

class FakeTransport implements MailTransport {
  readonly name = 'fake';
  readonly delivered: MailMessage[] = [];
  async send(message: MailMessage): Promise<void> {
    this.delivered.push(message);
  }
}

const signIn = `mutation ($number: String!, $pin: String!) {
  loginWithRegistration(input: { registrationNumber: $number, pin: $pin }) { productId }
}`;
const byHolder = 'mutation ($id: ID!) { requestNewPinLetter(productId: $id) }';
const bySignInPage =
  'mutation ($number: String!) { requestNewPinByRegistration(registrationNumber: $number) }';
const byAdmin = 'mutation ($id: ID!) { requestNewPinLetterForPermit(id: $id) { id } }';
const productQuery = 'query ($id: ID!) { product(id: $id) { id } }';

type Answer = Awaited<ReturnType<TestClient['request']>>;
const code = (answer: Answer) => answer.errors?.[0]?.extensions.code;

let trustProxy: string | undefined;
beforeAll(() => {
  // Per-client limits by the address the test names (X-Forwarded-For from loopback).
  trustProxy = process.env.TRUST_PROXY;
  process.env.TRUST_PROXY = 'loopback';
  reloadConfig();
});
afterAll(() => {
  if (trustProxy === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = trustProxy;
  reloadConfig();
});

describe.each(dialects)(
  'a new PIN by letter on %s (docs/rules.md §6, "A new PIN by letter")',
  (dialect) => {
    const api = useDemoApi(dialect);
    let clientNumber = 0;
    const browser = () =>
      new TestClient(api.url, { 'x-forwarded-for': `198.51.100.${++clientNumber}` });
    const nextDay = () => {
      api.now = new Date(api.now.getTime() + day + 60_000);
    };

    let annasPermit: string;
    let number: string;
    let holderEmail: string;
    let uncoupled: string;

    const setPin = async (permitId: string, pin: string) => {
      const em = api.em();
      const permit = await em.findOneOrFail(Permit, { id: permitId });
      permit.pinHash = await hashSecret(pin);
      await em.flush();
      return permit.productCode.replace(/^PK/, '');
    };

    /** Sends the due mail; the PIN letters to `to`, as text, newest last. */
    const pinLettersTo = async (to: string) => {
      const transport = new FakeTransport();
      await runDueJobs(api.orm, { now: api.now, mailTransport: transport });
      return transport.delivered
        .filter((mail) => mail.to === to && mail.subject.startsWith('Uw nieuwe pincode'))
        .map((mail) => flat(pdfText(mail.attachments![0]!.content as Buffer)));
    };
    const pinIn = (letter: string) => /Pincode (\d{4})/.exec(letter)![1]!;

    const signInAnswer = (pin: string) => browser().request(signIn, { number, pin });

    beforeAll(async () => {
      annasPermit = await api.permitOf('anna@demo.parkeer.nl');
      holderEmail = 'anna@demo.parkeer.nl';
      number = await setPin(annasPermit, '4821');
      uncoupled = (await api.em().findOneOrFail(Permit, { addressLabel: 'Phoenixstraat 9, Delft' }))
        .id;
      await pinLettersTo(holderEmail);
    });

    it("sends the holder a letter with the registration number and a fresh PIN; the old PIN stops working, the letter's works, PIN logins end", async () => {
      const pinLogin = browser();
      expect((await pinLogin.request(signIn, { number, pin: '4821' })).errors).toBeUndefined();
      const holder = await loggedIn(api.url, holderEmail);
      expect((await holder.request(byHolder, { id: annasPermit })).data).toEqual({
        requestNewPinLetter: true,
      });

      const [letter, ...more] = await pinLettersTo(holderEmail);
      expect(more).toHaveLength(0);
      expect(letter).toContain('Uw nieuwe pincode');
      expect(letter).toContain(`Registratienummer ${number}`);
      const pin = pinIn(letter!);
      expect(pin).not.toBe('4821');
      expect(code(await signInAnswer('4821'))).toBe('REGISTRATION_LOGIN_FAILED');
      expect((await signInAnswer(pin)).errors).toBeUndefined();
      expect(code(await pinLogin.request(productQuery, { id: annasPermit }))).toBe(
        'UNAUTHENTICATED',
      );
      // The holder's own login stays.
      expect((await holder.request(productQuery, { id: annasPermit })).errors).toBeUndefined();

      // The stored copy has no PIN; the audit log says who asked.
      const stored = await api
        .em()
        .findOneOrFail(
          PermitDocument,
          { permit: annasPermit, letterKind: 'newPin' },
          { populate: ['content'] },
        );
      expect(flat(pdfText(storedBytes(stored.content!)))).not.toContain(`Pincode ${pin}`);
      const audit = await api
        .em()
        .findOneOrFail(
          AuditEntry,
          { subjectId: annasPermit, action: 'permit.newPinLetter' },
          { orderBy: { at: 'desc' } },
        );
      expect(audit.after).toMatchObject({ requestedBy: 'holder' });
      // The PIN as a value of its own, not four digits that happen to occur inside an id.
      expect(JSON.stringify(audit.after)).not.toMatch(
        new RegExp(`(?<![0-9a-f-])${pin}(?![0-9a-f])`),
      );
    });

    it('sends at most one letter per permit a day, whoever asks (newPinLetter.permit)', async () => {
      nextDay();
      expect(limitPolicies.newPinLetter.permit.points).toBe(1);
      const holder = await loggedIn(api.url, holderEmail);
      expect((await holder.request(byHolder, { id: annasPermit })).errors).toBeUndefined();
      const again = await holder.request(byHolder, { id: annasPermit });
      expect(code(again)).toBe('RATE_LIMITED');
      const admin = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
      expect(code(await admin.request(byAdmin, { id: annasPermit }))).toBe('RATE_LIMITED');
      expect(code(await browser().request(bySignInPage, { number }))).toBe('RATE_LIMITED');
      expect(await pinLettersTo(holderEmail)).toHaveLength(1);
    });

    it('lets an admin of its town send one from the permit page, and no other town; a permit without a PIN has none to send', async () => {
      nextDay();
      const admin = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
      const answer = await admin.request(byAdmin, { id: annasPermit });
      expect(answer.data).toEqual({ requestNewPinLetterForPermit: { id: annasPermit } });
      const [letter] = await pinLettersTo(holderEmail);
      expect((await signInAnswer(pinIn(letter!))).errors).toBeUndefined();
      const audit = await api
        .em()
        .findOneOrFail(
          AuditEntry,
          { subjectId: annasPermit, action: 'permit.newPinLetter' },
          { orderBy: { at: 'desc' }, populate: ['actor'] },
        );
      expect(audit.after).toMatchObject({ requestedBy: 'admin' });
      expect(audit.actor.email).toBe('beheer@delft.demo.parkeer.nl');

      nextDay();
      const other = await loggedIn(api.url, 'beheer@oudstad.demo.parkeer.nl');
      expect(code(await other.request(byAdmin, { id: annasPermit }))).toBe('NOT_FOUND');
      const { id: resident } = await api.em().findOneOrFail(Permit, {
        municipality: { code: 'delft' },
        productType: { kind: { $ne: 'visitorPermit' } },
      });
      const refused = await admin.request(byAdmin, { id: resident });
      expect(code(refused)).toBe('NEW_PIN_NOT_VISITOR_PERMIT');
      expect(refused.errors![0]!.extensions.messages.en).toBe('Only a visitor permit has a PIN.');
    });

    it('refuses a PIN login and strangers on the holder path: the PIN login knows its PIN', async () => {
      nextDay();
      number = await setPin(annasPermit, '4821');
      const pinLogin = browser();
      await pinLogin.request(signIn, { number, pin: '4821' });
      expect(code(await pinLogin.request(byHolder, { id: annasPermit }))).toBe('FORBIDDEN');
      const stranger = await loggedIn(api.url, 'bram@demo.parkeer.nl');
      expect(code(await stranger.request(byHolder, { id: annasPermit }))).toBe('NOT_FOUND');
      expect(await pinLettersTo(holderEmail)).toHaveLength(0);
    });

    it('answers the sign-in page the same for a known, an unknown, a malformed and a holderless number, and sends only the known one a letter', async () => {
      nextDay();
      const client = browser();
      const unknown = number === '99999999' ? '99999998' : '99999999';
      const holderless = await setPin(uncoupled, '7315');
      for (const typed of [`PK ${number}`, unknown, 'x'.repeat(200), holderless]) {
        const answer = await client.request(bySignInPage, { number: typed });
        expect(answer, typed).toEqual({
          status: 200,
          data: { requestNewPinByRegistration: true },
        });
      }
      const [letter, ...more] = await pinLettersTo(holderEmail);
      expect(more).toHaveLength(0);
      expect((await signInAnswer(pinIn(letter!))).errors).toBeUndefined();
      // Without a holder's address no letter can carry the PIN: it stays as it was.
      expect(
        (await browser().request(signIn, { number: holderless, pin: '7315' })).errors,
      ).toBeUndefined();
      const audit = await api
        .em()
        .findOneOrFail(
          AuditEntry,
          { subjectId: annasPermit, action: 'permit.newPinLetter' },
          { orderBy: { at: 'desc' } },
        );
      expect(audit.after).toMatchObject({ requestedBy: 'signInPage' });
      // A second request the same day: refused alike for the known and the unknown number.
      expect(code(await browser().request(bySignInPage, { number }))).toBe('RATE_LIMITED');
      expect(code(await browser().request(bySignInPage, { number: unknown }))).toBe('RATE_LIMITED');
    });

    it('limits the sign-in page per client too (newPinLetter.address), so one client cannot send letters to many numbers', async () => {
      nextDay();
      const client = browser();
      const { points } = limitPolicies.newPinLetter.address;
      for (let i = 0; i < points; i++) {
        const answer = await client.request(bySignInPage, { number: `7700${1000 + i}` });
        expect(answer.errors, `${i}`).toBeUndefined();
      }
      const refused = await client.request(bySignInPage, { number: '77009999' });
      expect(code(refused)).toBe('RATE_LIMITED');
      expect(refused.errors![0]!.extensions.messages.nl).toBeTruthy();
      // Another client is not held back by this one.
      expect(
        (await browser().request(bySignInPage, { number: '77008888' })).errors,
      ).toBeUndefined();
    });
  },
);
