import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/core';
import type { Language } from '@parkeer/shared/language';
import { demoPassword } from '../src/seed/demo-seed.js';
import { Permit } from '../src/model/permit.entity.js';
import { PermitApplication } from '../src/model/permit-application.entity.js';
import type { LetterKind, PermitDocument } from '../src/model/permit-document.entity.js';
import {
  requestLetter,
  type LetterData,
  type LetterRequest,
} from '../src/modules/letter/letter-request.js';

/**
 * A letter's facts as the counter writes them: Delft's visitor permit, two plates, a term that
 * starts the night the clocks go forward and ends the night they go back (docs/rules.md §3).
 */
export function letterData(language: Language, overrides: Partial<LetterData> = {}): LetterData {
  return {
    language,
    town: { name: 'Gemeente Delft (demo)', logoUrl: null },
    recipient: { name: 'Anna de Vries', addressLabel: 'Oude Delft 1, 2611 BA Delft' },
    product: {
      name: language === 'nl' ? 'Bewonersvergunning' : 'Resident permit',
      kind: 'residentPermit',
    },
    zone: { code: 'B', name: 'Binnenstad' },
    plates: ['AB-123-C', '12-XY-34'],
    // 03:30 summer time on 29 March (02:30 if the change were missed) …
    validFrom: '2026-03-29T01:30:00Z',
    // … and 03:30 winter time on 25 October (04:30 if it were missed).
    validUntil: '2026-10-25T02:30:00Z',
    amounts: { priceCents: 4250, feeCents: 590, totalCents: 4840, refundCents: null },
    productCode: null,
    reason: null,
    reference: 'A7K2-9QXM',
    ...overrides,
  };
}

/** The text of a PDF, by poppler's pdftotext (the layout kept, so a table row is one line). */
export function pdfText(pdf: Buffer): string {
  const directory = mkdtempSync(join(tmpdir(), 'parkeer-letter-'));
  try {
    const file = join(directory, 'letter.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
    });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Text as one line with single spaces: wrapped sentences compare as written. */
export const flat = (text: string) => text.replace(/\s+/g, ' ');

/** Records a letter the way the counter does, inside a transaction. */
export async function recordLetter(
  em: EntityManager,
  request: Partial<LetterRequest> & Pick<LetterRequest, 'municipalityId' | 'at'>,
): Promise<PermitDocument> {
  return em.transactional(async (tx) =>
    requestLetter(tx, {
      kind: 'granted' as LetterKind,
      permitId: null,
      applicationId: null,
      data: letterData('nl'),
      mailTo: null,
      createdById: null,
      ...request,
    }),
  );
}

/** The session cookie of a demo account, for plain HTTP requests. */
export async function sessionCookie(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        'mutation ($email: String!, $password: String!) { login(input: { email: $email, password: $password, remember: false }) { expiresAt } }',
      variables: { email, password: demoPassword },
    }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`login of ${email} failed`);
  return cookie;
}

/** An application of `applicantId` at the permit's town, filled in by `actorId`. */
export async function storeApplication(
  em: EntityManager,
  permitId: string,
  applicantId: string,
  actorId: string,
  now: Date,
): Promise<PermitApplication> {
  const permit = await em.findOneOrFail(Permit, { id: permitId });
  const application = em.create(PermitApplication, {
    municipality: permit.municipality,
    productType: permit.productType,
    kind: 'new',
    zone: permit.zone,
    applicant: applicantId,
    actor: actorId,
    holderType: 'resident',
    addressKey: 'delft-test-1',
    addressLabel: 'Teststraat 1, Delft',
    validFrom: now,
    priceCents: 4250,
    feeCents: 590,
    totalCents: 4840,
    status: 'refused',
    contactEmail: 'contact@example.nl',
    language: 'nl',
    idempotencyKey: `test-${now.getTime()}-${Math.random()}`,
    createdAt: now,
  });
  await em.flush();
  return application;
}
