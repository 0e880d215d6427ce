import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { parse } from '@formatjs/icu-messageformat-parser';
import { languages } from '@parkeer/shared/language';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDueJobs } from '../src/jobs/job-runner.js';
import { Account } from '../src/model/account.entity.js';
import { AuditEntry } from '../src/model/audit-entry.entity.js';
import { MailOutbox } from '../src/model/mail-outbox.entity.js';
import { Municipality } from '../src/model/municipality.entity.js';
import { PermitDocument, letterKinds } from '../src/model/permit-document.entity.js';
import { ScheduledJob } from '../src/model/scheduled-job.entity.js';
import { letterFileName, printable, renderLetterPdf } from '../src/modules/letter/letter-pdf.js';
import { letterMessages } from '../src/modules/letter/letter.messages.js';
import { requestLetter } from '../src/modules/letter/letter-request.js';
import { storedBytes } from '../src/db/stored-bytes.js';
import { letterLogo } from '../src/modules/letter/letter-logo.js';
import {
  fileTransport,
  type MailMessage,
  type MailTransport,
} from '../src/modules/mail/mail-transport.js';
import { argumentNames } from '@parkeer/shared/messages/count-arguments';
import { useDemoApi } from './demo-api.js';
import { loggedIn } from './login.js';
import { flat, letterData, pdfText, recordLetter } from './letters-fixtures.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();
const at = new Date('2026-12-07T09:00:00Z');

/** Records what it was given. */
class FakeTransport implements MailTransport {
  readonly name = 'fake';
  readonly delivered: MailMessage[] = [];
  async send(message: MailMessage): Promise<void> {
    this.delivered.push(message);
  }
}

const text = (kind: (typeof letterKinds)[number], language: 'nl' | 'en', pin?: string) => {
  const data = letterData(language, {
    productCode: kind === 'granted' ? 'PK100123' : null,
    reason:
      kind === 'refused' ? 'Het adres ligt buiten het vergunninggebied van de gemeente.' : null,
    amounts: {
      priceCents: 4250,
      feeCents: 590,
      totalCents: 4840,
      refundCents: kind === 'ended' || kind === 'refused' ? 1275 : null,
    },
  });
  const pdf = renderLetterPdf({ kind, data, at, timeZone: 'Europe/Amsterdam', pin });
  return { pdf, text: flat(pdfText(pdf)) };
};

describe('the letter catalogue (docs/architecture.md §Strings)', () => {
  it('has a Dutch and an English text for every line, with the same arguments', () => {
    for (const [key, message] of Object.entries(letterMessages)) {
      for (const language of languages) expect(message[language].trim(), key).not.toBe('');
      const [nl, en] = [message.nl, message.en].map((t) => parse(t, { ignoreTag: true }));
      expect(argumentNames(en!), key).toEqual(argumentNames(nl!));
    }
  });

  it('prints what the standard PDF fonts cannot show in its nearest form', () => {
    expect(printable('Zoë Çelik – € 5')).toBe('Zoë Çelik – € 5');
    expect(printable('Łódź 🚗')).toBe('?ódz ?');
    expect(printable('a\u202fb')).toBe('a b');
  });
});

describe.each(letterKinds)('the %s letter (docs/rules.md §1, letters)', (kind) => {
  it('says in Dutch what was decided: town, plates, zone, amounts, local times', () => {
    const { text: letter } = text(kind, 'nl');
    expect(letter).toContain('Gemeente Delft (demo)');
    expect(letter).toContain('Kenmerk A7K2-9QXM');
    expect(letter).toContain('7 december 2026');
    expect(letter).toContain('Anna de Vries');
    expect(letter).toContain('Oude Delft 1');
    expect(letter).toContain('AB-123-C, 12-XY-34');
    expect(letter).toContain('Binnenstad (B)');
    // Europe/Amsterdam across both clock changes (docs/rules.md §3).
    expect(letter).toContain('29 maart 2026 om 03:30');
    if (kind !== 'refused') expect(letter).toContain('25 oktober 2026 om 03:30');
    expect(letter).toMatch(/Prijs € 42,50/);
    expect(letter).toMatch(/Administratiekosten \(leges\) € 5,90/);
    expect(letter).toMatch(/Totaal betaald € 48,40/);
    const titles = {
      granted: 'Uw parkeervergunning is verleend',
      changed: 'Het kenteken op uw parkeervergunning is gewijzigd',
      extended: 'Uw parkeervergunning is verlengd',
      ended: 'Uw parkeervergunning is beëindigd',
      refused: 'Uw aanvraag voor een parkeervergunning is afgewezen',
      moved: 'Uw verhuizing en uw parkeervergunning',
      newPin: 'Uw nieuwe pincode',
    };
    expect(letter).toContain(titles[kind]);
    if (kind === 'ended' || kind === 'refused') expect(letter).toMatch(/Terugbetaald € 12,75/);
    else expect(letter).not.toContain('Terugbetaald');
    if (kind === 'refused') {
      expect(letter).toContain('Het adres ligt buiten het vergunninggebied van de gemeente.');
      expect(letter).toContain('binnen zes weken na de datum van deze brief bezwaar maken');
    } else {
      expect(letter).not.toContain('bezwaar');
    }
  });

  it('says the same in English when the applicant reads English', () => {
    const { text: letter, pdf } = text(kind, 'en');
    expect(letter).toContain('Gemeente Delft (demo)');
    expect(letter).toContain('Reference A7K2-9QXM');
    expect(letter).toContain('7 December 2026');
    expect(letter).toContain('29 March 2026 at 03:30');
    if (kind !== 'refused') expect(letter).toContain('25 October 2026 at 03:30');
    expect(letter).toMatch(/Total paid €48\.40/);
    expect(letter).toContain('AB-123-C, 12-XY-34');
    if (kind === 'refused') expect(letter).toContain('lodge an objection (bezwaar)');
    // One page, A4.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
  });
});

describe('the layout of a letter', () => {
  it('runs a long reason onto a second page, each page with its reference and number', () => {
    const reason = Array.from(
      { length: 12 },
      (_, i) => `Punt ${i + 1}: ${'de aanvraag voldoet niet. '.repeat(6)}`,
    ).join('\n');
    const pdf = renderLetterPdf({
      kind: 'refused',
      data: letterData('nl', { reason }),
      at,
      timeZone: 'Europe/Amsterdam',
    });
    const pages = pdfText(pdf)
      .split('\f')
      .filter((page) => page.trim() !== '');
    expect(pages).toHaveLength(2);
    expect(flat(pages[0]!)).toMatch(/Kenmerk A7K2-9QXM\. 1 ?\/ ?2/);
    expect(flat(pages[1]!)).toMatch(/Kenmerk A7K2-9QXM\. 2 ?\/ ?2/);
    expect(flat(pages[1]!)).toContain('Met vriendelijke groet, Gemeente Delft (demo)');
  });
});

describe("a visitor permit's PIN (docs/security.md, letters and documents)", () => {
  it('is printed on the mailed copy only; the stored copy says where it is', () => {
    const stored = text('granted', 'nl').text;
    const mailed = text('granted', 'nl', '4821').text;
    expect(stored).toContain('Productcode PK100123');
    expect(stored).not.toContain('4821');
    expect(stored).toContain('niet op deze kopie');
    expect(mailed).toMatch(/Pincode 4821/);
  });

  it('names the registration number the sign-in page and the phone line ask for on the granted letter too (docs/rules.md §1 Letters, §6 sign-in with registration number and PIN)', () => {
    const mailed = text('granted', 'nl', '4821').text;
    expect(mailed).toMatch(/Productcode PK100123 Registratienummer 100123 Pincode 4821/);
    expect(text('granted', 'en', '4821').text).toMatch(
      /Product code PK100123 Registration number 100123 PIN 4821/,
    );
  });

  it('leaves out what was not charged: a plate change that costs only the fee', () => {
    const data = letterData('nl', {
      plates: ['GB-123-K'],
      amounts: { priceCents: 0, feeCents: 1250, totalCents: 1250, refundCents: null },
    });
    const letter = flat(
      pdfText(renderLetterPdf({ kind: 'changed', data, at, timeZone: 'Europe/Amsterdam' })),
    );
    expect(letter).not.toMatch(/Prijs €/);
    expect(letter).toMatch(/Administratiekosten \(leges\) € 12,50 Totaal betaald € 12,50/);
  });

  it('tells a visitor permit’s holder to register visits, not that the right is on a plate', () => {
    const data = letterData('en', {
      product: { name: 'Visitor permit', kind: 'visitorPermit' },
      plates: [],
      productCode: 'PK100123',
    });
    const letter = flat(
      pdfText(renderLetterPdf({ kind: 'granted', data, at, timeZone: 'Europe/Amsterdam' })),
    );
    expect(letter).toContain('register their licence plate in Parkeer');
    expect(letter).toContain('none (the permit is not tied to a plate)');
    expect(letter).not.toContain('registered on your licence plate');
  });

  it('names the file after the decision, in the letter’s language', () => {
    expect(letterFileName('refused', letterData('nl'))).toBe('besluit-afgewezen-A7K2-9QXM.pdf');
    expect(letterFileName('granted', letterData('en'))).toBe('decision-granted-A7K2-9QXM.pdf');
  });
});

/** A PNG of one colour; with `alpha`, an RGBA one (which PDFKit cannot print in one go). */
function png(width: number, height: number, alpha = false): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const channels = alpha ? 4 : 3;
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.alloc(width * channels).map((_, i) => [21, 66, 115, 255][i % channels]!),
  ]);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = alpha ? 6 : 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe("a town's logo on its letters", () => {
  it("is read from the SPA's own files only, never fetched, and printed when it can be", () => {
    const root = mkdtempSync(join(tmpdir(), 'parkeer-logo-'));
    try {
      mkdirSync(join(root, 'assets'));
      writeFileSync(join(root, 'assets', 'town.png'), png(120, 40));
      writeFileSync(join(root, 'assets', 'alpha.png'), png(120, 40, true));
      writeFileSync(join(root, 'assets', 'fake.png'), '<svg/>');
      const roots = [root];
      const logo = letterLogo('/assets/town.png', roots);
      expect(logo?.subarray(1, 4).toString()).toBe('PNG');
      expect(letterLogo('https://parkeer.example.nl/assets/town.png', roots)).toEqual(logo);
      // A PNG with transparency, not an image, outside the folder, another type: the drawn mark.
      expect(letterLogo('/assets/alpha.png', roots)).toBeNull();
      expect(letterLogo('/assets/fake.png', roots)).toBeNull();
      expect(letterLogo('/assets/../../etc/passwd.png', roots)).toBeNull();
      expect(letterLogo('/assets/%2e%2e/%2e%2e/etc/hosts.png', roots)).toBeNull();
      expect(letterLogo('/assets/town.svg', roots)).toBeNull();
      expect(letterLogo(null, roots)).toBeNull();

      const pdf = renderLetterPdf({
        kind: 'granted',
        data: letterData('nl'),
        at,
        timeZone: 'Europe/Amsterdam',
        logo,
      });
      expect(pdf.toString('latin1')).toContain('/Subtype /Image');
      expect(flat(pdfText(pdf))).toContain('Gemeente Delft (demo)');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('a letter by mail', () => {
  it('carries the PDF as an attachment in the written mail (development transport)', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'parkeer-mail-'));
    try {
      const { pdf } = text('granted', 'nl');
      await fileTransport(directory, 'Parkeer <noreply@parkeer.local>', () => {}).send({
        to: 'anna@demo.parkeer.nl',
        subject: 'Uw parkeervergunning is verleend (A7K2-9QXM)',
        text: 'In de bijlage.',
        attachments: [
          {
            filename: 'besluit-verleend-A7K2-9QXM.pdf',
            contentType: 'application/pdf',
            content: pdf,
          },
        ],
      });
      const eml = readFileSync(join(directory, readdirSync(directory)[0]!), 'utf8');
      expect(eml).toContain('multipart/mixed');
      expect(eml).toMatch(/Content-Type: application\/pdf; name=besluit-verleend-A7K2-9QXM\.pdf/);
      expect(eml).toMatch(
        /Content-Disposition: attachment;\s+filename=besluit-verleend-A7K2-9QXM\.pdf/,
      );
      const base64 = /filename=besluit-verleend-A7K2-9QXM\.pdf\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/.exec(
        eml,
      )![1]!;
      expect(Buffer.from(base64.replace(/\s/g, ''), 'base64').equals(pdf)).toBe(true);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe.each(dialects)('letters on %s (docs/rules.md §1, letters)', (dialect) => {
  const api = useDemoApi(dialect);
  let delftId = '';
  let annasPermit = '';

  beforeAll(async () => {
    delftId = (await api.em().findOneOrFail(Municipality, { code: 'delft' })).id;
    annasPermit = await api.permitOf('anna@demo.parkeer.nl');
  });

  const deliver = async () => {
    const transport = new FakeTransport();
    await runDueJobs(api.orm, { now: api.now, mailTransport: transport });
    return transport.delivered;
  };

  it('is made with its decision and mailed with the PIN copy, which is dropped once sent', async () => {
    const letter = await recordLetter(api.em(), {
      municipalityId: delftId,
      permitId: annasPermit,
      data: letterData('nl', { productCode: 'PK100123' }),
      pin: '4821',
      mailTo: 'anna@demo.parkeer.nl',
      at: api.now,
    });
    const stored = await api
      .em()
      .findOneOrFail(PermitDocument, { id: letter.id }, { populate: ['content'] });
    const storedPdf = storedBytes(stored.content!);
    expect(stored.size).toBe(storedPdf.length);
    expect(flat(pdfText(storedPdf))).not.toContain('4821');

    const delivered = (await deliver()).filter((m) => m.to === 'anna@demo.parkeer.nl');
    expect(delivered).toHaveLength(1);
    const [mail] = delivered;
    expect(mail!.subject).toBe('Uw parkeervergunning is verleend (A7K2-9QXM)');
    expect(mail!.text).toContain('De pincode staat alleen in deze brief');
    expect(mail!.attachments).toHaveLength(1);
    const [attachment] = mail!.attachments!;
    expect(attachment).toMatchObject({
      filename: 'besluit-verleend-A7K2-9QXM.pdf',
      contentType: 'application/pdf',
    });
    expect(flat(pdfText(attachment!.content))).toMatch(/Pincode 4821/);

    const outbox = await api.em().findOneOrFail(MailOutbox, { subject: mail!.subject });
    expect(outbox.sentAt).not.toBeNull();
    expect(outbox.attachments).toEqual([
      { fileName: 'besluit-verleend-A7K2-9QXM.pdf', contentType: 'application/pdf', content: null },
    ]);
    expect(JSON.stringify(outbox.attachments)).not.toContain('4821');
  });

  it('exists exactly when its decision committed: a rolled-back decision leaves no letter and no mail', async () => {
    const decision = api.em().transactional(async (tx) => {
      requestLetter(tx, {
        kind: 'granted',
        municipalityId: delftId,
        permitId: annasPermit,
        applicationId: null,
        data: letterData('nl', { reference: 'ROLLBACK-1' }),
        mailTo: 'rollback@example.nl',
        createdById: null,
        at: api.now,
      });
      await tx.flush();
      throw new Error('the payment was not confirmed after all');
    });
    await expect(decision).rejects.toThrow('not confirmed');
    expect(await api.em().count(PermitDocument, { fileName: { $like: '%ROLLBACK-1%' } })).toBe(0);
    expect(await api.em().count(MailOutbox, { recipient: 'rollback@example.nl' })).toBe(0);
  });

  it('mails the stored letter itself when there is no PIN, in the recipient’s language', async () => {
    const letter = await recordLetter(api.em(), {
      kind: 'extended',
      municipalityId: delftId,
      permitId: annasPermit,
      data: letterData('en', { reference: 'EXT-1' }),
      mailTo: 'reader@example.nl',
      at: api.now,
    });
    const outbox = await api.em().findOneOrFail(MailOutbox, { recipient: 'reader@example.nl' });
    expect(outbox.attachments).toEqual([{ documentId: letter.id }]);
    const [mail] = (await deliver()).filter((m) => m.to === 'reader@example.nl');
    expect(mail!.subject).toBe('Your parking permit has been extended (EXT-1)');
    const stored = await api
      .em()
      .findOneOrFail(PermitDocument, { id: letter.id }, { populate: ['content'] });
    expect(mail!.attachments![0]!.content.equals(storedBytes(stored.content!))).toBe(true);
    expect(mail!.attachments![0]!.filename).toBe('decision-extended-EXT-1.pdf');
  });

  it('does not undo its decision when it cannot be printed: the renderLetter job is queued with it', async () => {
    const broken = { ...letterData('nl', { reference: 'BROKEN-1' }), plates: null };
    const letter = await recordLetter(api.em(), {
      municipalityId: delftId,
      permitId: annasPermit,
      data: broken as unknown as ReturnType<typeof letterData>,
      mailTo: 'broken@example.nl',
      at: api.now,
    });
    const stored = await api
      .em()
      .findOneOrFail(PermitDocument, { id: letter.id }, { populate: ['content'] });
    expect(stored.content ?? null).toBeNull();
    expect(stored.size).toBe(0);
    expect(stored.letterData).toMatchObject({ mailTo: 'broken@example.nl' });
    expect(await api.em().count(ScheduledJob, { kind: 'renderLetter', subject: letter.id })).toBe(
      1,
    );
    expect(await api.em().count(MailOutbox, { recipient: 'broken@example.nl' })).toBe(0);
    // Repaired (here: by hand), the job prints and mails it.
    await api.em().nativeUpdate(
      PermitDocument,
      { id: letter.id },
      {
        letterData: {
          ...letterData('nl', { reference: 'BROKEN-1' }),
          mailTo: 'broken@example.nl',
        },
      },
    );
    await deliver();
    const sent = (await deliver()).filter((m) => m.to === 'broken@example.nl');
    expect(sent).toHaveLength(1);
  });

  it('prints a letter left without its file by the renderLetter job, once', async () => {
    const em = api.em();
    // What requestLetter leaves when printing failed in the decision's transaction.
    const letter = em.create(PermitDocument, {
      municipality: delftId,
      permit: annasPermit,
      kind: 'letter',
      letterKind: 'changed',
      fileName: 'besluit-kenteken-gewijzigd-LATE-1.pdf',
      contentType: 'application/pdf',
      content: null,
      letterData: { ...letterData('nl', { reference: 'LATE-1' }), mailTo: 'late@example.nl' },
      createdAt: api.now,
    });
    em.create(ScheduledJob, { kind: 'renderLetter', subject: letter.id, runAt: api.now });
    await em.flush();

    const [mail] = (await deliver()).filter((m) => m.to === 'late@example.nl');
    expect(mail).toBeUndefined(); // queued by the job, sent by the next pass
    const printed = await api
      .em()
      .findOneOrFail(PermitDocument, { id: letter.id }, { populate: ['content'] });
    expect(printed.size).toBeGreaterThan(0);
    expect(flat(pdfText(storedBytes(printed.content!)))).toContain(
      'Het kenteken op uw parkeervergunning is gewijzigd',
    );
    // The address was kept for the mail only.
    expect(printed.letterData).not.toHaveProperty('mailTo');
    const sent = (await deliver()).filter((m) => m.to === 'late@example.nl');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.attachments![0]!.content.subarray(0, 5).toString()).toBe('%PDF-');

    // Run again: nothing printed or mailed twice.
    await api.em().nativeUpdate(ScheduledJob, { subject: letter.id }, { doneAt: null });
    await deliver();
    expect(await api.em().count(MailOutbox, { recipient: 'late@example.nl' })).toBe(1);
  });

  it('lists a permit’s letters for its holder and its town’s admin only', async () => {
    const query = 'query ($id: ID!) { permitLetters(permitId: $id) { id kind ready downloadUrl } }';
    const anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    const mine = await anna.request<{
      permitLetters: { id: string; kind: string; ready: boolean; downloadUrl: string }[];
    }>(query, { id: annasPermit });
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.permitLetters.length).toBeGreaterThanOrEqual(3);
    expect(mine.data!.permitLetters.every((l) => l.ready)).toBe(true);
    expect(mine.data!.permitLetters[0]!.downloadUrl).toBe(
      `/documents/${mine.data!.permitLetters[0]!.id}`,
    );
    const admin = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
    expect((await admin.request(query, { id: annasPermit })).errors).toBeUndefined();
    for (const email of ['bram@demo.parkeer.nl', 'beheer@oudstad.demo.parkeer.nl']) {
      const other = await loggedIn(api.url, email);
      const refused = await other.request(query, { id: annasPermit });
      expect(refused.errors?.[0]?.extensions.code, email).toBe('NOT_FOUND');
    }
  });

  it('is mailed again by an admin of its town, to the holder, without a PIN, with an audit entry', async () => {
    const letter = await recordLetter(api.em(), {
      municipalityId: delftId,
      permitId: annasPermit,
      data: letterData('nl', { productCode: 'PK100123', reference: 'RESEND-1' }),
      pin: '4821',
      mailTo: 'anna@demo.parkeer.nl',
      at: api.now,
    });
    await deliver();
    const mutation = 'mutation ($id: ID!) { resendLetter(documentId: $id) { id kind ready } }';
    const annaDenied = await (
      await loggedIn(api.url, 'anna@demo.parkeer.nl')
    ).request(mutation, {
      id: letter.id,
    });
    expect(annaDenied.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const otherTown = await (
      await loggedIn(api.url, 'beheer@oudstad.demo.parkeer.nl')
    ).request(mutation, { id: letter.id });
    expect(otherTown.errors?.[0]?.extensions.code).toBe('NOT_FOUND');

    const admin = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
    // The letter's id is `id`; the deprecated `documentId` above still works (docs/graphql.md, Names).
    const byEither = `mutation ($id: ID, $documentId: ID) {
      resendLetter(id: $id, documentId: $documentId) { id kind ready } }`;
    for (const variables of [{}, { id: letter.id, documentId: crypto.randomUUID() }]) {
      const refused = await admin.request(byEither, variables);
      expect(refused.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    }
    const resent = await admin.request<{ resendLetter: { id: string; kind: string } }>(byEither, {
      id: letter.id,
    });
    expect(resent.errors).toBeUndefined();
    expect(resent.data!.resendLetter).toMatchObject({ id: letter.id, kind: 'granted' });
    const mails = (await deliver()).filter((m) => m.subject.includes('RESEND-1'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toBe('anna@demo.parkeer.nl');
    expect(mails[0]!.text).toContain('Wij sturen u deze brief opnieuw.');
    expect(flat(pdfText(mails[0]!.attachments![0]!.content))).not.toContain('4821');
    const adminId = (
      await api.em().findOneOrFail(Account, { email: 'beheer@delft.demo.parkeer.nl' })
    ).id;
    const entry = await api.em().findOneOrFail(AuditEntry, { action: 'letter.resent' });
    expect(entry).toMatchObject({ subjectType: 'permit', subjectId: annasPermit });
    expect(entry.actor.id).toBe(adminId);
  });
});
