import type { Language } from '@parkeer/shared/language';
import { compiledMessage } from '@parkeer/shared/messages/compiled-message';
import { formatMessage, type MessageValues } from '@parkeer/shared/messages/format-message';
import type { MessageTable } from '@parkeer/shared/messages/message-table';

/**
 * What a decision letter says, line by line, in Dutch and English (ICU MessageFormat,
 * docs/architecture.md §Strings). The PDF module only places these; no sentence lives in code.
 * Only the API prints letters, so the table stays out of the shared package and the SPA.
 * `kind` is a LetterKind; dates and amounts arrive formatted.
 */
export const letterMessages = {
  LETTER_DEPARTMENT: {
    nl: 'Team Parkeren',
    en: 'Parking team',
  },
  LETTER_DATE: { nl: 'Datum', en: 'Date' },
  LETTER_REFERENCE: { nl: 'Kenmerk', en: 'Reference' },
  LETTER_SUBJECT_LABEL: { nl: 'Onderwerp', en: 'Subject' },
  LETTER_TITLE: {
    nl: '{kind, select, granted {Uw parkeervergunning is verleend} changed {Het kenteken op uw parkeervergunning is gewijzigd} extended {Uw parkeervergunning is verlengd} ended {Uw parkeervergunning is beëindigd} moved {Uw verhuizing en uw parkeervergunning} newPin {Uw nieuwe pincode} other {Uw aanvraag voor een parkeervergunning is afgewezen}}',
    en: '{kind, select, granted {Your parking permit has been granted} changed {The licence plate on your parking permit has been changed} extended {Your parking permit has been extended} ended {Your parking permit has ended} moved {Your move and your parking permit} newPin {Your new PIN} other {Your application for a parking permit has been refused}}',
  },
  LETTER_GREETING: { nl: 'Beste meneer, mevrouw,', en: 'Dear Sir or Madam,' },
  LETTER_GREETING_NAMED: { nl: 'Beste {name},', en: 'Dear {name},' },
  LETTER_INTRO: {
    nl: '{kind, select, granted {U vroeg een {product} aan. Die aanvraag hebben wij toegekend: de vergunning geldt vanaf {validFrom}.} changed {U vroeg om een ander kenteken op uw {product}. Dat hebben wij geregeld: het nieuwe kenteken geldt vanaf {validFrom}, het oude niet meer.} extended {U vroeg om verlenging van uw {product}. Die hebben wij toegekend: de vergunning loopt door tot {validUntil}.} ended {Uw {product} is beëindigd. Het recht op het kenteken is vervallen op {validUntil}.} moved {U bent verhuisd. Hieronder leest u wat dat betekent voor uw {product}.} newPin {Er is een nieuwe pincode gevraagd voor uw {product}. U vindt hem hieronder, met het registratienummer. Uw oude pincode werkt vanaf nu niet meer.} other {U vroeg een {product} aan. Wij hebben uw aanvraag beoordeeld en moeten die helaas afwijzen.}}',
    en: '{kind, select, granted {You applied for a {product}. We have granted your application: the permit is valid from {validFrom}.} changed {You asked for another licence plate on your {product}. This has been done: the new plate is valid from {validFrom}, the old one no longer is.} extended {You asked to extend your {product}. We have granted this: the permit now runs until {validUntil}.} ended {Your {product} has ended. The right on the licence plate lapsed on {validUntil}.} moved {You have moved. Below you read what this means for your {product}.} newPin {A new PIN was requested for your {product}. You find it below, with the registration number. Your old PIN no longer works.} other {You applied for a {product}. We have assessed your application and unfortunately have to refuse it.}}',
  },
  LETTER_DETAILS_HEADING: {
    nl: '{kind, select, refused {Gegevens van uw aanvraag} other {Gegevens van de vergunning}}',
    en: '{kind, select, refused {Your application} other {Permit details}}',
  },
  LETTER_PERMIT: { nl: 'Vergunning', en: 'Permit' },
  LETTER_ZONE: { nl: 'Parkeergebied', en: 'Parking zone' },
  LETTER_ADDRESS: { nl: 'Adres', en: 'Address' },
  LETTER_PLATES: {
    nl: '{count, plural, one {Kenteken} other {Kentekens}}',
    en: '{count, plural, one {Licence plate} other {Licence plates}}',
  },
  LETTER_NO_PLATE: {
    nl: 'geen (de vergunning is niet aan een kenteken gebonden)',
    en: 'none (the permit is not tied to a plate)',
  },
  LETTER_VALID_FROM: { nl: 'Geldig vanaf', en: 'Valid from' },
  LETTER_VALID_UNTIL: { nl: 'Geldig tot', en: 'Valid until' },
  LETTER_REQUESTED_FROM: { nl: 'Gevraagd vanaf', en: 'Requested from' },
  LETTER_ENDED_ON: { nl: 'Beëindigd op', en: 'Ended on' },
  LETTER_NO_END: { nl: 'tot wederopzegging', en: 'until further notice' },
  LETTER_PRODUCT_CODE: { nl: 'Productcode', en: 'Product code' },
  LETTER_REGISTRATION_NUMBER: { nl: 'Registratienummer', en: 'Registration number' },
  LETTER_PIN: { nl: 'Pincode', en: 'PIN' },
  LETTER_PIN_NOT_ON_COPY: {
    nl: 'niet op deze kopie; zie de brief die u per e-mail kreeg',
    en: 'not on this copy; see the letter you received by e-mail',
  },
  LETTER_PIN_KEEP_SAFE: {
    nl: 'Met de productcode en de pincode voegt u de vergunning toe aan een account; met het registratienummer en de pincode logt u ook zonder account in, op de website en aan de telefoon. Bewaar de pincode goed en geef hem niet aan anderen.',
    en: 'The product code and the PIN add the permit to an account; the registration number and the PIN sign in without one, on the website and on the phone line. Keep the PIN safe and do not share it.',
  },
  LETTER_AMOUNTS_HEADING: { nl: 'Bedragen', en: 'Amounts' },
  LETTER_PRICE: { nl: 'Prijs', en: 'Price' },
  LETTER_FEE: { nl: 'Administratiekosten (leges)', en: 'Administration fee' },
  LETTER_TOTAL: { nl: 'Totaal betaald', en: 'Total paid' },
  LETTER_REFUND: { nl: 'Terugbetaald', en: 'Refunded' },
  LETTER_REFUND_NOTE: {
    nl: 'Het terugbetaalde bedrag staat binnen enkele werkdagen op de rekening waarmee u betaalde.',
    en: 'The refund reaches the account you paid from within a few working days.',
  },
  LETTER_REASON_HEADING: {
    nl: '{kind, select, refused {Waarom wij uw aanvraag afwijzen} other {Toelichting}}',
    en: '{kind, select, refused {Why we refuse your application} other {Explanation}}',
  },
  LETTER_NEXT_HEADING: { nl: 'Wat nu?', en: 'What next?' },
  LETTER_NEXT: {
    nl: '{kind, select, granted {De vergunning staat op uw kenteken: u hoeft niets achter de voorruit te leggen. U ziet en beheert de vergunning in Parkeer onder Mijn vergunningen.} changed {Parkeert u met het nieuwe kenteken, dan ziet de handhaving de vergunning meteen. U ziet de wijziging in Parkeer onder Mijn vergunningen.} extended {U hoeft verder niets te doen. Voor het einde van de nieuwe periode sturen wij u een herinnering.} ended {Parkeren met dit kenteken op deze vergunning kan niet meer. Wilt u later weer een vergunning, dan vraagt u die opnieuw aan in Parkeer.} moved {U ziet uw vergunningen in Parkeer onder Mijn vergunningen. Woont u nu in een ander parkeergebied, dan vraagt u daar een nieuwe vergunning aan in Parkeer.} newPin {Log in Parkeer in met het registratienummer en deze pincode, of gebruik ze aan de telefoon. Wie met de oude pincode was ingelogd, is uitgelogd. Heeft u zelf geen nieuwe pincode gevraagd? Neem dan contact met ons op.} other {Wat u voor deze aanvraag betaalde, betalen wij terug.}}',
    en: '{kind, select, granted {The permit is registered on your licence plate: you need not put anything behind the windscreen. You find and manage it in Parkeer under My permits.} changed {When you park with the new plate, enforcement sees the permit at once. You find the change in Parkeer under My permits.} extended {You need not do anything else. Before the new term ends we will send you a reminder.} ended {Parking with this plate on this permit is no longer possible. If you need a permit again later, apply in Parkeer.} moved {You find your permits in Parkeer under My permits. If you now live in another parking zone, apply there for a new permit in Parkeer.} newPin {Sign in to Parkeer with the registration number and this PIN, or use them on the phone line. Whoever was signed in with the old PIN has been signed out. Did you not ask for a new PIN yourself? Then please contact us.} other {We pay back what you paid for this application.}}',
  },
  LETTER_NEXT_VISITS: {
    nl: 'Parkeert uw bezoek, dan meldt u dat aan in Parkeer met het kenteken van de bezoeker. U ziet de vergunning en het tegoed in Parkeer onder Mijn vergunningen.',
    en: 'When your visitors park, register their licence plate in Parkeer. You find the permit and its balance in Parkeer under My permits.',
  },
  LETTER_OBJECTION_HEADING: {
    nl: 'Bent u het niet eens met dit besluit?',
    en: 'Do you disagree with this decision?',
  },
  LETTER_OBJECTION: {
    nl: 'Dan kunt u binnen zes weken na de datum van deze brief bezwaar maken bij {town}. Zet in uw bezwaarschrift uw naam en adres, de datum, het kenmerk {reference}, waarom u het niet eens bent met het besluit, en uw handtekening.',
    en: 'You can lodge an objection (bezwaar) with {town} within six weeks of the date of this letter. State your name and address, the date, the reference {reference}, why you disagree with the decision, and sign it.',
  },
  LETTER_QUESTIONS: {
    nl: 'Heeft u vragen? Neem dan contact op met {town} en noem het kenmerk {reference}.',
    en: 'Any questions? Please contact {town} and quote the reference {reference}.',
  },
  LETTER_SIGNATURE: { nl: 'Met vriendelijke groet,', en: 'Kind regards,' },
  LETTER_FOOTER: {
    nl: 'Deze brief is automatisch opgesteld en daarom niet ondertekend. Kenmerk {reference}.',
    en: 'This letter was produced automatically and is therefore not signed. Reference {reference}.',
  },
  LETTER_FILE_NAME: {
    nl: '{kind, select, granted {besluit-verleend} changed {besluit-kenteken-gewijzigd} extended {besluit-verlengd} ended {besluit-beeindigd} newPin {nieuwe-pincode} other {besluit-afgewezen}}-{reference}.pdf',
    en: '{kind, select, granted {decision-granted} changed {decision-plate-changed} extended {decision-extended} ended {decision-ended} newPin {new-pin} other {decision-refused}}-{reference}.pdf',
  },
} as const satisfies MessageTable;

export type LetterMessageKey = keyof typeof letterMessages;

/** A letter's message in a language, its arguments from `values`. */
export function letterMessage(
  key: LetterMessageKey,
  language: Language,
  values: MessageValues = {},
): string {
  return formatMessage(compiledMessage(letterMessages[key][language]), language, values);
}
