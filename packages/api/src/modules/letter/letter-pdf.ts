import PDFDocument from 'pdfkit';
import { formatMoney } from '@parkeer/shared/format/money';
import { localeOf, type Language } from '@parkeer/shared/language';
import type { LetterKind } from '../../model/permit-document.entity.js';
import type { LetterData } from './letter-request.js';
import { letterMessage, type LetterMessageKey } from './letter.messages.js';

/** A town's logo as image bytes (PNG or JPEG), read from the SPA's own files (letter-logo.ts). */
export type LogoImage = Buffer;

export interface LetterPrint {
  readonly kind: LetterKind;
  readonly data: LetterData;
  /** The letter's date: when the decision was made. */
  readonly at: Date;
  /** The town's clock (docs/rules.md §3: local times are Europe/Amsterdam). */
  readonly timeZone: string;
  /**
   * A visitor permit's PIN: printed on the copy that is mailed only. The stored copy says where
   * the PIN is instead (docs/security.md, "Letters and documents").
   */
  readonly pin?: string | null;
  readonly logo?: LogoImage | null;
}

// A4 in points, margins of 2 cm: the addressee sits where a Dutch window envelope shows it.
const page = { width: 595.28, height: 841.89 };
const margin = 57;
const contentWidth = page.width - 2 * margin;
const labelWidth = 170;
const ink = '#1a1a1a';
const muted = '#5c5c5c';
const accent = '#154273';
const rule = '#c8d3e0';

/**
 * The standard PDF fonts (no font files to ship) speak Windows-1252: anything else (a Polish ł, a
 * narrow space from Intl) is brought to its nearest printable form rather than printed as junk.
 */
const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
export function printable(text: string): string {
  return Array.from(text.normalize('NFC').replace(/[\u2000-\u200b\u202f\u205f]/g, ' '))
    .map((c) => {
      const code = c.codePointAt(0)!;
      if (c === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) return c;
      if (winAnsiExtras.has(c)) return c;
      const base = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      return base !== c && [...base].every((b) => b.charCodeAt(0) < 0x7f) ? base : '?';
    })
    .join('');
}

function localDateTime(iso: string, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(localeOf[language], {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

function localDate(at: Date, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(localeOf[language], {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(at);
}

/** The file name a letter is downloaded and mailed as, in its language. */
export function letterFileName(kind: LetterKind, data: LetterData): string {
  const reference = data.reference.replace(/[^A-Za-z0-9-]/g, '');
  return letterMessage('LETTER_FILE_NAME', data.language, { kind, reference });
}

/**
 * The town's mark when it has no logo of its own: a shield in the letter's colour with the town's
 * initial, so a letter never looks anonymous.
 */
function drawMark(doc: PDFKit.PDFDocument, townName: string, x: number, y: number): void {
  const initial = (townName.replace(/^(gemeente|municipality( of)?)\s+/i, '').trim()[0] ?? 'P')
    .toUpperCase()
    .replace(/[^A-Z]/, 'P');
  doc
    .save()
    .path(
      `M ${x} ${y} L ${x + 40} ${y} L ${x + 40} ${y + 28} C ${x + 40} ${y + 40} ${x + 28} ${y + 46} ${x + 20} ${y + 50} C ${x + 12} ${y + 46} ${x} ${y + 40} ${x} ${y + 28} Z`,
    )
    .fill(accent);
  doc
    .fillColor('#ffffff')
    .font('Helvetica-Bold')
    .fontSize(22)
    .text(initial, x, y + 11, { width: 40, align: 'center', lineBreak: false });
  doc.restore();
}

/**
 * Prints a decision letter (docs/rules.md §1, letters): A4, the town's letterhead, the addressee,
 * date and reference, the decision, the permit, its plates, zone and validity on the town's
 * clock, the amounts, the official's reason, and what to do next (objection for a refusal).
 * Synchronous: the document is complete in memory when `end()` returns, so a letter can be made
 * inside the transaction of its decision.
 */
export function renderLetterPdf(print: LetterPrint): Buffer {
  const { kind, data, at, timeZone } = print;
  const language = data.language;
  const say = (key: LetterMessageKey, values: Record<string, unknown> = {}) =>
    printable(letterMessage(key, language, values));
  const town = printable(data.town.name);
  const reference = printable(data.reference);
  const title = say('LETTER_TITLE', { kind });

  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: margin, bottom: margin + 20, left: margin, right: margin },
    bufferPages: true,
    compress: true,
    lang: localeOf[language],
    displayTitle: true,
    info: {
      Title: title,
      Author: town,
      Subject: `${say('LETTER_REFERENCE')} ${reference}`,
      Creator: 'Parkeer',
      CreationDate: at,
    },
  });

  // Letterhead: mark or logo, the town, the department; a rule under it.
  const headTop = margin - 10;
  let nameX = margin + 54;
  if (print.logo) {
    try {
      doc.image(print.logo, margin, headTop, { fit: [120, 50] });
      nameX = margin + 132;
    } catch {
      drawMark(doc, data.town.name, margin, headTop);
    }
  } else {
    drawMark(doc, data.town.name, margin, headTop);
  }
  doc
    .fillColor(ink)
    .font('Helvetica-Bold')
    .fontSize(16)
    .text(town, nameX, headTop + 8, { width: page.width - margin - nameX });
  doc
    .fillColor(muted)
    .font('Helvetica')
    .fontSize(10)
    .text(say('LETTER_DEPARTMENT'), nameX, doc.y + 2);
  const ruleY = headTop + 62;
  doc
    .moveTo(margin, ruleY)
    .lineTo(page.width - margin, ruleY)
    .lineWidth(1.5)
    .strokeColor(accent)
    .stroke();

  // Addressee (left, the envelope's window) and date with reference (right).
  const addressTop = 140;
  doc.fillColor(ink).font('Helvetica').fontSize(11);
  const recipientLines = [
    ...(data.recipient.name ? [data.recipient.name] : []),
    ...data.recipient.addressLabel.split(/,\s*/),
  ].map(printable);
  doc.text(recipientLines.join('\n'), margin, addressTop, { width: 250, lineGap: 2 });
  const addressBottom = doc.y;
  const metaX = 360;
  const metaRow = (label: string, value: string, y: number) => {
    doc.fillColor(muted).font('Helvetica').fontSize(9).text(label, metaX, y, { width: 70 });
    doc
      .fillColor(ink)
      .font('Helvetica')
      .fontSize(10)
      .text(value, metaX + 70, y - 0.5, { width: page.width - margin - metaX - 70 });
    return doc.y;
  };
  let metaY = metaRow(say('LETTER_DATE'), printable(localDate(at, language, timeZone)), addressTop);
  metaY = metaRow(say('LETTER_REFERENCE'), reference, metaY + 4);

  // The decision.
  doc.x = margin;
  doc.y = Math.max(addressBottom, metaY, 225) + 8;
  doc.fillColor(muted).font('Helvetica').fontSize(9).text(say('LETTER_SUBJECT_LABEL'), margin);
  doc.fillColor(accent).font('Helvetica-Bold').fontSize(15).text(title, { width: contentWidth });
  doc.moveDown(0.8);
  const paragraph = (text: string, gap = 0.7) => {
    doc.fillColor(ink).font('Helvetica').fontSize(10.5).text(text, margin, doc.y, {
      width: contentWidth,
      lineGap: 1.8,
    });
    doc.moveDown(gap);
  };
  const heading = (text: string) => {
    doc.moveDown(0.4);
    doc
      .fillColor(accent)
      .font('Helvetica-Bold')
      .fontSize(11)
      .text(text, margin, doc.y, { width: contentWidth });
    doc.moveDown(0.3);
  };
  const row = (
    label: string,
    value: string,
    options: { bold?: boolean; amount?: boolean } = {},
  ) => {
    const y = doc.y;
    doc
      .fillColor(muted)
      .font('Helvetica')
      .fontSize(10)
      .text(label, margin, y, { width: labelWidth - 8 });
    const labelBottom = doc.y;
    doc
      .fillColor(ink)
      .font(options.bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(10)
      .text(value, margin + labelWidth, y, {
        width: options.amount ? 110 : contentWidth - labelWidth,
        align: options.amount ? 'right' : 'left',
      });
    doc.y = Math.max(doc.y, labelBottom) + 2;
  };

  const product = printable(data.product.name);
  const when = (iso: string | null) =>
    iso ? printable(localDateTime(iso, language, timeZone)) : say('LETTER_NO_END');
  paragraph(
    data.recipient.name
      ? say('LETTER_GREETING_NAMED', { name: printable(data.recipient.name) })
      : say('LETTER_GREETING'),
  );
  paragraph(
    say('LETTER_INTRO', {
      kind,
      product: product.toLocaleLowerCase(localeOf[language]),
      validFrom: when(data.validFrom),
      validUntil: when(data.validUntil),
    }),
  );

  heading(say('LETTER_DETAILS_HEADING', { kind }));
  row(say('LETTER_PERMIT'), product);
  if (data.zone) row(say('LETTER_ZONE'), printable(`${data.zone.name} (${data.zone.code})`));
  row(say('LETTER_ADDRESS'), printable(data.recipient.addressLabel));
  row(
    say('LETTER_PLATES', { count: Math.max(1, data.plates.length) }),
    data.plates.length > 0 ? printable(data.plates.join(', ')) : say('LETTER_NO_PLATE'),
    { bold: data.plates.length > 0 },
  );
  if (kind === 'refused') {
    // Nothing became valid: the letter states what was asked for.
    row(say('LETTER_REQUESTED_FROM'), when(data.validFrom));
  } else {
    row(say('LETTER_VALID_FROM'), when(data.validFrom));
    row(say(kind === 'ended' ? 'LETTER_ENDED_ON' : 'LETTER_VALID_UNTIL'), when(data.validUntil));
  }
  if (data.productCode) {
    row(say('LETTER_PRODUCT_CODE'), printable(data.productCode), { bold: true });
    // The sign-in page and the phone line ask for the code's digits (docs/rules.md §6), so
    // every letter that names a visitor permit's code names its registration number too.
    row(say('LETTER_REGISTRATION_NUMBER'), printable(data.productCode.replace(/^PK/, '')), {
      bold: true,
    });
    row(say('LETTER_PIN'), print.pin ? printable(print.pin) : say('LETTER_PIN_NOT_ON_COPY'), {
      bold: Boolean(print.pin),
    });
    doc.moveDown(0.2);
    paragraph(say('LETTER_PIN_KEEP_SAFE'), 0.2);
  }

  const { priceCents, feeCents, totalCents, refundCents } = data.amounts;
  if (totalCents > 0 || priceCents > 0 || feeCents > 0 || refundCents) {
    heading(say('LETTER_AMOUNTS_HEADING'));
    const money = (cents: number) => printable(formatMoney(cents, language));
    // A plate change costs a fee only, a town without leges charges none: no rows of nothing.
    if (priceCents > 0) row(say('LETTER_PRICE'), money(priceCents), { amount: true });
    if (feeCents > 0) row(say('LETTER_FEE'), money(feeCents), { amount: true });
    doc
      .moveTo(margin + labelWidth, doc.y - 1)
      .lineTo(margin + labelWidth + 110, doc.y - 1)
      .lineWidth(0.5)
      .strokeColor(rule)
      .stroke();
    doc.y += 2;
    row(say('LETTER_TOTAL'), money(totalCents), { bold: true, amount: true });
    if (refundCents) {
      row(say('LETTER_REFUND'), money(refundCents), { bold: true, amount: true });
      // A refusal says it under "what next".
      if (kind !== 'refused') {
        doc.moveDown(0.2);
        paragraph(say('LETTER_REFUND_NOTE'), 0.2);
      }
    }
  }

  if (data.reason) {
    heading(say('LETTER_REASON_HEADING', { kind }));
    paragraph(printable(data.reason));
  }

  heading(say('LETTER_NEXT_HEADING'));
  // A permit without a plate (a visitor permit) is used by registering each visit.
  paragraph(
    kind === 'granted' && data.plates.length === 0
      ? say('LETTER_NEXT_VISITS')
      : say('LETTER_NEXT', { kind }),
  );
  if (kind === 'refused') {
    heading(say('LETTER_OBJECTION_HEADING'));
    paragraph(say('LETTER_OBJECTION', { town, reference }));
  }
  paragraph(say('LETTER_QUESTIONS', { town, reference }), 1);
  // The greeting stays in one piece: moved whole to the next page when it does not fit.
  if (doc.y + 50 > page.height - doc.page.margins.bottom) doc.addPage();
  paragraph(`${say('LETTER_SIGNATURE')}\n${town}\n${say('LETTER_DEPARTMENT')}`);

  // The footer on every page, below the text's bottom margin.
  const footer = say('LETTER_FOOTER', { reference });
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = page.height - margin + 6;
    doc
      .moveTo(margin, y - 8)
      .lineTo(page.width - margin, y - 8)
      .lineWidth(0.5)
      .strokeColor(rule)
      .stroke();
    doc
      .fillColor(muted)
      .font('Helvetica')
      .fontSize(8)
      .text(footer, margin, y, { width: contentWidth - 60, lineBreak: false });
    doc.text(`${i + 1} / ${range.count}`, page.width - margin - 60, y, {
      width: 60,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }

  doc.end();
  // PDFKit writes the whole file into its stream's buffer during end(): read it out at once.
  const chunks: Buffer[] = [];
  for (let chunk = doc.read() as Buffer | null; chunk !== null; chunk = doc.read() as Buffer | null)
    chunks.push(chunk);
  return Buffer.concat(chunks);
}
