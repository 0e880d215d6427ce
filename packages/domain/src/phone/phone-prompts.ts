import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import type { Language } from '@parkeer/shared/language';
import { compiledMessage } from '@parkeer/shared/messages/compiled-message';
import {
  errorMessage,
  type ErrorCode,
  type MessageParams,
} from '@parkeer/shared/messages/error-catalogue';
import { formatMessage } from '@parkeer/shared/messages/format-message';
import type { MessageTable } from '@parkeer/shared/messages/message-table';
import { sayPlatePlainly, spellPlate } from './spelling-alphabet.js';

/*
 * What the phone line says (docs/rules.md §5, "The phone line"), in Dutch and English, in ICU
 * MessageFormat. Written to be heard, not read: short sentences, the action before the key
 * ("to stop, press 2": a caller waits for the key once they know the action is theirs), amounts
 * and times in words a speech engine reads well. The dialogue names prompts by id; the provider's
 * adapter renders them with `spokenText`.
 */
export const phonePrompts = {
  welcome: {
    nl: 'Welkom bij de parkeerlijn voor bezoekers.',
    en: 'Welcome to the visitor parking line.',
  },
  // Each language's own option, said in that language: "Voor Nederlands, toets 1. For English, press 2."
  languageOption: {
    nl: 'Voor Nederlands, toets {key}.',
    en: 'For English, press {key}.',
  },
  askRegistrationNumber: {
    nl: 'Toets het registratienummer van uw bezoekersvergunning, en sluit af met een hekje.',
    en: 'Please key in the registration number of your visitor permit, followed by the hash key.',
  },
  askPin: {
    nl: 'Toets nu uw pincode van {length} cijfers.',
    en: 'Now key in your PIN of {length} digits.',
  },
  credentialsWrong: {
    nl: 'Het registratienummer of de pincode klopt niet. U kunt het nog {left, plural, one {één keer} other {# keer}} proberen.',
    en: 'The registration number or the PIN is not correct. You have {left, plural, one {one more try} other {# more tries}}.',
  },
  credentialsWrongGoodbye: {
    nl: 'Het registratienummer of de pincode klopt niet. Kijk ze na in de brief van uw vergunning, of bel de gemeente. Tot ziens.',
    en: 'The registration number or the PIN is not correct. Please check them in the letter of your permit, or call the municipality. Goodbye.',
  },
  credentialsBlocked: {
    nl: 'Er is te vaak een verkeerde pincode ingetoetst. Probeer het later opnieuw. Tot ziens.',
    en: 'A wrong PIN has been keyed in too often. Please try again later. Goodbye.',
  },
  menu: {
    nl: 'Om een bezoeker aan te melden, toets {start}. Om een parkeeractie te stoppen, toets {stop}. Om uw saldo te horen, toets {balance}.',
    en: 'To register a visitor, press {start}. To stop a parking session, press {stop}. To hear your balance, press {balance}.',
  },
  balance: {
    nl: 'Uw saldo is {balance}.',
    en: 'Your balance is {balance}.',
  },
  platesPerCallReached: {
    nl: 'U kunt in één gesprek ten hoogste {max} kentekens aanmelden. Bel opnieuw om er meer aan te melden.',
    en: 'You can register at most {max} licence plates in one call. Please call again to register more.',
  },
  choosePlate: {
    nl: 'Kies het kenteken.',
    en: 'Choose the licence plate.',
  },
  plateOption: {
    nl: 'Voor {plate}, toets {key}.',
    en: 'For {plate}, press {key}.',
  },
  namedPlateOption: {
    nl: 'Voor {name}, {plate}, toets {key}.',
    en: 'For {name}, {plate}, press {key}.',
  },
  keyPlateOption: {
    nl: 'Om een ander kenteken in te toetsen, toets {key}.',
    en: 'To key in another licence plate, press {key}.',
  },
  keyPlateHowTo: {
    nl: 'Toets het kenteken teken voor teken, en sluit af met een hekje. Voor een letter toetst u de toets waar de letter op staat, en daarna de plaats van de letter op die toets: voor de A toetst u 2 1, voor de B 2 2, voor de S 7 4. Voor een cijfer toetst u het cijfer en daarna een nul: voor de 5 toetst u 5 0. Met het sterretje wist u het laatste teken.',
    en: 'Key in the licence plate character by character, followed by the hash key. For a letter, press the key the letter is on, then the place of the letter on that key: for A press 2 1, for B 2 2, for S 7 4. For a digit, press the digit and then zero: for 5 press 5 0. The star key erases the last character.',
  },
  keyPlateAgain: {
    nl: 'Toets het kenteken opnieuw, en sluit af met een hekje.',
    en: 'Please key in the licence plate again, followed by the hash key.',
  },
  plateKeysIncomplete: {
    nl: 'Het laatste teken is niet af: elke letter en elk cijfer zijn twee toetsen.',
    en: 'The last character is not complete: every letter and every digit takes two keys.',
  },
  plateKeysNoSuchCharacter: {
    nl: 'De toetsen {keys} zijn geen letter of cijfer.',
    en: 'The keys {keys} are not a letter or a digit.',
  },
  plateKeysEmpty: {
    nl: 'Er is geen kenteken ingetoetst.',
    en: 'No licence plate was keyed in.',
  },
  plateNotDutch: {
    nl: '{plate} is geen Nederlands kenteken.',
    en: '{plate} is not a Dutch licence plate.',
  },
  plateReadBack: {
    nl: 'U toetste: {plate}.',
    en: 'You keyed in: {plate}.',
  },
  confirmPlateOptions: {
    nl: 'Klopt dit? Toets {yes} voor ja. Om het opnieuw in te toetsen, toets {again}.',
    en: 'Is this correct? Press {yes} for yes. To key it in again, press {again}.',
  },
  plateUnknown: {
    nl: 'Het kenteken {plate} bestaat niet.',
    en: 'The licence plate {plate} does not exist.',
  },
  quote: {
    nl: 'Parkeren voor {plate} tot {end} kost naar verwachting {cost}. Uw saldo is {balance}.',
    en: 'Parking for {plate} until {end} is expected to cost {cost}. Your balance is {balance}.',
  },
  confirmStartOptions: {
    nl: 'Om te starten, toets {start}. Voor een andere eindtijd, toets {otherEnd}. Om te annuleren, toets {cancel}.',
    en: 'To start, press {start}. For another end time, press {otherEnd}. To cancel, press {cancel}.',
  },
  askEndTime: {
    nl: 'Toets de eindtijd in vier cijfers, bijvoorbeeld 1 7 3 0 voor half zes in de middag.',
    en: 'Please key in the end time in four digits, for example 1 7 3 0 for half past five in the afternoon.',
  },
  endTimeInvalid: {
    nl: 'Dat is geen tijd.',
    en: 'That is not a time.',
  },
  started: {
    nl: 'De parkeeractie voor {plate} is gestart en loopt tot {end}.',
    en: 'Parking for {plate} has started and runs until {end}.',
  },
  refused: {
    nl: 'Dat kan niet. {reason}',
    en: 'That is not possible. {reason}',
  },
  cancelled: {
    nl: 'Er is niets gestart.',
    en: 'Nothing was started.',
  },
  noRunningSessions: {
    nl: 'Er loopt nu geen parkeeractie.',
    en: 'No parking session is running now.',
  },
  chooseSession: {
    nl: 'Welke parkeeractie wilt u stoppen?',
    en: 'Which parking session do you want to stop?',
  },
  sessionOption: {
    nl: 'Voor {plate}, tot {end}, toets {key}.',
    en: 'For {plate}, until {end}, press {key}.',
  },
  backToMenuOption: {
    nl: 'Om terug te gaan naar het menu, toets {key}.',
    en: 'To go back to the menu, press {key}.',
  },
  stopped: {
    nl: 'De parkeeractie voor {plate} is gestopt. Die kostte {cost}. Uw saldo is nu {balance}.',
    en: 'Parking for {plate} has stopped. It cost {cost}. Your balance is now {balance}.',
  },
  notHeard: {
    nl: 'Ik heb niets gehoord.',
    en: 'I did not hear anything.',
  },
  notUnderstood: {
    nl: 'Dat heb ik niet begrepen.',
    en: 'I did not understand that.',
  },
  notAnOption: {
    nl: 'Die keuze is er niet.',
    en: 'That is not one of the choices.',
  },
  goodbyeTooManyTries: {
    nl: 'Het lukt nu niet. Bel gerust opnieuw, of bel de gemeente. Tot ziens.',
    en: 'This is not working now. Please call again, or call the municipality. Goodbye.',
  },
} as const satisfies MessageTable;

export type PromptId = keyof typeof phonePrompts;

/** A wall-clock time in the municipality's zone (Europe/Amsterdam), as the service supplies it. */
export interface ClockTime {
  readonly hour: number;
  readonly minute: number;
}

/** An amount in a product's balance unit: euro cents, or minutes of parking time. */
export interface SpokenAmount {
  readonly amount: number;
  readonly unit: BalanceUnit;
}

/**
 * A prompt's value, kept language-neutral in the dialogue's state and turned into words only
 * when the prompt is rendered: the caller may switch language, and the adapter may render a
 * prompt for captions as well as for speech.
 */
export type SpokenValue =
  | string
  | number
  | { readonly amount: SpokenAmount }
  | { readonly time: ClockTime }
  /** A plate letter by letter in the spelling alphabet (`spelled`), or plainly for lists. */
  | { readonly plate: string; readonly country?: string; readonly spelled?: boolean }
  | { readonly error: ErrorCode; readonly params?: MessageParams };

export interface Prompt {
  readonly id: PromptId;
  readonly params?: Readonly<Record<string, SpokenValue>>;
  /** Said in this language instead of the call's (the language choice says each in its own). */
  readonly language?: Language;
}

const euroWords = {
  nl: '{euros} euro',
  en: '{euros, plural, one {# euro} other {# euros}}',
} as const;
const centWords = {
  nl: '{cents} cent',
  en: '{cents, plural, one {# cent} other {# cents}}',
} as const;
const hourWords = {
  nl: '{hours, plural, one {# uur} other {# uur}}',
  en: '{hours, plural, one {# hour} other {# hours}}',
} as const;
const minuteWords = {
  nl: '{minutes, plural, one {# minuut} other {# minuten}}',
  en: '{minutes, plural, one {# minute} other {# minutes}}',
} as const;
const and = { nl: 'en', en: 'and' } as const;
const minus = { nl: 'min', en: 'minus' } as const;

function words(
  template: Readonly<Record<Language, string>>,
  language: Language,
  values: Readonly<Record<string, number>>,
) {
  return formatMessage(compiledMessage(template[language]), language, values);
}

/** Two parts joined as people say them: "2 euro en 40 cent"; a zero part is left out. */
function sayParts(
  whole: number,
  part: number,
  language: Language,
  wholeWords: (n: number) => string,
  partWords: (n: number) => string,
): string {
  if (whole === 0) return partWords(part);
  if (part === 0) return wholeWords(whole);
  return `${wholeWords(whole)} ${and[language]} ${partWords(part)}`;
}

/**
 * An amount in words: `€ 2,40` is "2 euro en 40 cent" (a speech engine reads "€ 2,40" in
 * English as "two comma forty"), 135 minutes "2 uur en 15 minuten". Below zero with "min".
 */
export function sayAmount({ amount, unit }: SpokenAmount, language: Language): string {
  const sign = amount < 0 ? `${minus[language]} ` : '';
  const total = Math.abs(amount);
  const spoken =
    unit === 'cents'
      ? sayParts(
          Math.floor(total / 100),
          total % 100,
          language,
          (euros) => words(euroWords, language, { euros }),
          (cents) => words(centWords, language, { cents }),
        )
      : sayParts(
          Math.floor(total / 60),
          total % 60,
          language,
          (hours) => words(hourWords, language, { hours }),
          (minutes) => words(minuteWords, language, { minutes }),
        );
  return sign + spoken;
}

/** A time as said: "17 uur 30" and "17 uur" in Dutch, "17:30" in English (read as "seventeen thirty"). */
export function sayTime({ hour, minute }: ClockTime, language: Language): string {
  if (language === 'en') return `${hour}:${String(minute).padStart(2, '0')}`;
  return minute === 0 ? `${hour} uur` : `${hour} uur ${minute}`;
}

function sayValue(value: SpokenValue, language: Language): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if ('amount' in value) return sayAmount(value.amount, language);
  if ('time' in value) return sayTime(value.time, language);
  if ('error' in value) return errorMessage(value.error, language, value.params);
  return value.spelled
    ? spellPlate(value.plate, language, value.country)
    : sayPlatePlainly(value.plate, value.country);
}

/** The words of one prompt, in its own language or else the call's. */
export function spokenText(prompt: Prompt, callLanguage: Language): string {
  const language = prompt.language ?? callLanguage;
  const values = Object.fromEntries(
    Object.entries(prompt.params ?? {}).map(([name, value]) => [name, sayValue(value, language)]),
  );
  return formatMessage(compiledMessage(phonePrompts[prompt.id][language]), language, values);
}

/** What to say, line by line with its language: the adapter's `<Say language=…>` elements. */
export function spokenLines(
  prompts: readonly Prompt[],
  callLanguage: Language,
): Array<{ readonly language: Language; readonly text: string }> {
  return prompts.map((prompt) => ({
    language: prompt.language ?? callLanguage,
    text: spokenText(prompt, callLanguage),
  }));
}
