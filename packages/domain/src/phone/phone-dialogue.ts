import type { ErrorCode, MessageParams } from '@parkeer/shared/messages/error-catalogue';
import type { Language } from '@parkeer/shared/language';
import { decodeKeypad, plateFromKeys } from './keypad-plate.js';
import type { ClockTime, Prompt, SpokenAmount } from './phone-prompts.js';

/*
 * The phone line's dialogue (docs/rules.md §5, "The phone line") as a state machine that knows no
 * telephony provider and does no I/O. The provider's adapter turns a webhook into an event, and
 * the step's output into the provider's format; the service answers the machine's requests
 * (credentials, balance, plates, cost, start, stop) from the database. The state is plain JSON,
 * kept by the service between two webhooks of a call.
 */

/** The limits of the line; the defaults are the ones docs/rules.md states. */
export interface PhoneLineSettings {
  /** Digits of a PIN, as on the permit's letter. */
  readonly pinLength: number;
  /** Wrong registration number + PIN combinations before the line says goodbye. */
  readonly maxPinAttempts: number;
  /** Plates one call may register; the next is refused with a prompt. */
  readonly maxPlatesPerCall: number;
  /** Unusable answers (silence, a key that is no choice) to one question before goodbye. */
  readonly maxTries: number;
  /** The longest registration number the line accepts. */
  readonly registrationNumberMaxDigits: number;
}

export const defaultPhoneLineSettings: PhoneLineSettings = {
  pinLength: 4,
  maxPinAttempts: 3,
  maxPlatesPerCall: 10,
  maxTries: 3,
  registrationNumberMaxDigits: 12,
};

/** A list read out has keys 1–9; 0 is the way out of it (key a plate in, back to the menu). */
export const maxListed = 9;

export const languageKeys: Readonly<Record<Language, string>> = { nl: '1', en: '2' };
export const menuKeys = { start: '1', stop: '2', balance: '3' } as const;
export const confirmPlateKeys = { yes: '1', again: '2' } as const;
export const confirmStartKeys = { start: '1', otherEnd: '2', cancel: '3' } as const;
const listExitKey = '0';

/** A plate as the line handles it: normalised, with its country (favorites may be foreign). */
export interface PhonePlate {
  readonly plate: string;
  readonly country: string;
}

/** A favorite or recent plate to pick from; a favorite has the holder's name for it. */
export interface PlateChoice extends PhonePlate {
  readonly name?: string;
}

export interface RunningSession extends PhonePlate {
  readonly sessionId: string;
  readonly end: ClockTime;
}

/** An end the service worked out: `at` is its own (an instant), handed back when starting. */
export interface QuotedEnd extends ClockTime {
  readonly at: string;
}

/** A refusal by the session rules (docs/rules.md §5), said with the platform's own message. */
export interface PhoneRefusal {
  readonly ok: false;
  readonly reason: ErrorCode;
  readonly params?: MessageParams;
}

/** What the machine asks the service; it waits for the answer of the same kind. */
export type PhoneRequest =
  | { readonly kind: 'checkCredentials'; readonly registrationNumber: string; readonly pin: string }
  | { readonly kind: 'balance' }
  | { readonly kind: 'plateChoices' }
  | { readonly kind: 'checkPlate'; readonly plate: PhonePlate }
  /** The cost of parking the plate until `until`, or until the default end (as on the web). */
  | { readonly kind: 'quote'; readonly plate: PhonePlate; readonly until?: ClockTime }
  | { readonly kind: 'start'; readonly plate: PhonePlate; readonly end: QuotedEnd }
  | { readonly kind: 'runningSessions' }
  | { readonly kind: 'stop'; readonly session: RunningSession };

export type PhoneAnswer =
  /** `blocked`: the permit's or the caller's guessing budget is used up (docs/security.md). */
  | { readonly kind: 'checkCredentials'; readonly outcome: 'ok' | 'wrong' | 'blocked' }
  | { readonly kind: 'balance'; readonly balance: SpokenAmount }
  /** Favorites first, then recent plates; the machine reads at most nine, without doubles. */
  | {
      readonly kind: 'plateChoices';
      readonly favorites: readonly PlateChoice[];
      readonly recent: readonly PhonePlate[];
    }
  | { readonly kind: 'checkPlate'; readonly exists: boolean }
  | {
      readonly kind: 'quote';
      readonly outcome:
        | {
            readonly ok: true;
            readonly end: QuotedEnd;
            readonly cost: SpokenAmount;
            readonly balance: SpokenAmount;
          }
        | PhoneRefusal;
    }
  | {
      readonly kind: 'start';
      readonly outcome: { readonly ok: true; readonly end: ClockTime } | PhoneRefusal;
    }
  | { readonly kind: 'runningSessions'; readonly sessions: readonly RunningSession[] }
  | {
      readonly kind: 'stop';
      readonly outcome:
        | { readonly ok: true; readonly cost: SpokenAmount; readonly balance: SpokenAmount }
        | PhoneRefusal;
    };

export type PhoneEvent =
  /** `language`: the caller's likely language (e.g. from the number's country), said first. */
  | { readonly type: 'callStarted'; readonly language: Language }
  | { readonly type: 'digits'; readonly digits: string }
  | { readonly type: 'noInput' }
  | { readonly type: 'hangUp' }
  | { readonly type: 'answer'; readonly answer: PhoneAnswer };

/** What the provider collects next: up to `maxDigits` keys, ended early by `finishKey`. */
export interface Gather {
  readonly kind: 'gather';
  readonly maxDigits: number;
  readonly finishKey?: '#';
  readonly timeoutSeconds: number;
}

export type PhoneNext =
  | Gather
  | { readonly kind: 'request'; readonly request: PhoneRequest }
  /** Say the prompts, then hang up. */
  | { readonly kind: 'hangUp' }
  /** The caller is gone: nothing more to say or send. */
  | { readonly kind: 'ended' };

/** The request the machine waits for, without the PIN: a waiting state never holds it. */
type Awaited =
  | { readonly kind: 'checkCredentials' }
  | Exclude<PhoneRequest, { readonly kind: 'checkCredentials' }>;

export type PhonePhase =
  | { readonly at: 'new' }
  | { readonly at: 'language'; readonly suggested: Language }
  | { readonly at: 'registrationNumber' }
  | { readonly at: 'pin'; readonly registrationNumber: string }
  | { readonly at: 'menu' }
  | { readonly at: 'pickPlate'; readonly choices: readonly PlateChoice[] }
  | { readonly at: 'keyPlate' }
  | { readonly at: 'confirmPlate'; readonly plate: PhonePlate }
  /** The quote is kept so that a caller who missed it hears it again with the options. */
  | {
      readonly at: 'confirmStart';
      readonly plate: PhonePlate;
      readonly end: QuotedEnd;
      readonly cost: SpokenAmount;
      readonly balance: SpokenAmount;
    }
  | { readonly at: 'endTime'; readonly plate: PhonePlate }
  | { readonly at: 'pickSession'; readonly sessions: readonly RunningSession[] }
  | { readonly at: 'waiting'; readonly request: Awaited }
  | { readonly at: 'ended' };

export interface PhoneCall {
  readonly language: Language;
  readonly phase: PhonePhase;
  readonly signedIn: boolean;
  readonly pinAttempts: number;
  readonly platesStarted: number;
  /** Unusable answers to the question being asked now. */
  readonly tries: number;
}

export interface PhoneStep {
  readonly call: PhoneCall;
  readonly say: readonly Prompt[];
  readonly next: PhoneNext;
}

/** A call before its first event. */
export function newPhoneCall(): PhoneCall {
  return {
    language: 'nl',
    phase: { at: 'new' },
    signedIn: false,
    pinAttempts: 0,
    platesStarted: 0,
    tries: 0,
  };
}

const prompt = (id: Prompt['id'], params?: Prompt['params']): Prompt =>
  params ? { id, params } : { id };

const plateSaid = (plate: PhonePlate, spelled = false) =>
  spelled
    ? { plate: plate.plate, country: plate.country, spelled: true }
    : { plate: plate.plate, country: plate.country };

/** One question: what the line says, and the keys it then gathers. */
interface Question {
  readonly say: readonly Prompt[];
  readonly gather: Gather;
}

const oneKey = (timeoutSeconds = 8): Gather => ({ kind: 'gather', maxDigits: 1, timeoutSeconds });

/** The question a phase asks; `again` when it is asked after an unusable answer. */
function question(call: PhoneCall, settings: PhoneLineSettings, again: boolean): Question {
  const { phase } = call;
  switch (phase.at) {
    case 'language':
      return {
        say: [
          ...(again ? [] : [prompt('welcome')]),
          { id: 'languageOption', params: { key: languageKeys.nl }, language: 'nl' },
          { id: 'languageOption', params: { key: languageKeys.en }, language: 'en' },
        ],
        gather: oneKey(6),
      };
    case 'registrationNumber':
      return {
        say: [prompt('askRegistrationNumber')],
        gather: {
          kind: 'gather',
          maxDigits: settings.registrationNumberMaxDigits,
          finishKey: '#',
          timeoutSeconds: 10,
        },
      };
    case 'pin':
      return {
        say: [prompt('askPin', { length: settings.pinLength })],
        gather: {
          kind: 'gather',
          maxDigits: settings.pinLength,
          finishKey: '#',
          timeoutSeconds: 10,
        },
      };
    case 'menu':
      return { say: [prompt('menu', { ...menuKeys })], gather: oneKey() };
    case 'pickPlate':
      return {
        say: [
          prompt('choosePlate'),
          ...phase.choices.map((choice, index) =>
            choice.name
              ? prompt('namedPlateOption', {
                  name: choice.name,
                  plate: plateSaid(choice),
                  key: index + 1,
                })
              : prompt('plateOption', { plate: plateSaid(choice), key: index + 1 }),
          ),
          prompt('keyPlateOption', { key: listExitKey }),
        ],
        gather: oneKey(),
      };
    case 'keyPlate':
      return {
        say: [prompt(again ? 'keyPlateAgain' : 'keyPlateHowTo')],
        // Ten characters of two keys, and a few erasures.
        gather: { kind: 'gather', maxDigits: 30, finishKey: '#', timeoutSeconds: 20 },
      };
    case 'confirmPlate':
      return {
        say: [
          prompt('plateReadBack', { plate: plateSaid(phase.plate, true) }),
          prompt('confirmPlateOptions', { ...confirmPlateKeys }),
        ],
        gather: oneKey(),
      };
    case 'confirmStart':
      return {
        say: [
          prompt('quote', {
            plate: plateSaid(phase.plate),
            end: { time: { hour: phase.end.hour, minute: phase.end.minute } },
            cost: { amount: phase.cost },
            balance: { amount: phase.balance },
          }),
          prompt('confirmStartOptions', { ...confirmStartKeys }),
        ],
        gather: oneKey(),
      };
    case 'endTime':
      return {
        say: [prompt('askEndTime')],
        gather: { kind: 'gather', maxDigits: 4, finishKey: '#', timeoutSeconds: 10 },
      };
    case 'pickSession':
      return {
        say: [
          prompt('chooseSession'),
          ...phase.sessions.map((session, index) =>
            prompt('sessionOption', {
              plate: plateSaid(session),
              end: { time: { hour: session.end.hour, minute: session.end.minute } },
              key: index + 1,
            }),
          ),
          prompt('backToMenuOption', { key: listExitKey }),
        ],
        gather: oneKey(),
      };
    case 'new':
    case 'waiting':
    case 'ended':
      throw new Error(`The phone line asks nothing at ${phase.at}`);
  }
}

/** Moves to a phase that asks a question, saying `before` first. */
function ask(
  call: PhoneCall,
  phase: PhonePhase,
  settings: PhoneLineSettings,
  before: readonly Prompt[] = [],
): PhoneStep {
  const next: PhoneCall = { ...call, phase, tries: 0 };
  const { say, gather } = question(next, settings, false);
  return { call: next, say: [...before, ...say], next: gather };
}

/**
 * An unusable answer: the question again after `why`, or goodbye after the last try (a caller
 * who cannot get on is better helped by the municipality's desk than by a loop).
 */
function askAgain(call: PhoneCall, settings: PhoneLineSettings, why: readonly Prompt[]): PhoneStep {
  const tries = call.tries + 1;
  if (tries >= settings.maxTries) return goodbye(call, [...why, prompt('goodbyeTooManyTries')]);
  const next = { ...call, tries };
  const { say, gather } = question(next, settings, true);
  return { call: next, say: [...why, ...say], next: gather };
}

function request(call: PhoneCall, req: PhoneRequest): PhoneStep {
  const awaited: Awaited = req.kind === 'checkCredentials' ? { kind: 'checkCredentials' } : req;
  return {
    call: { ...call, phase: { at: 'waiting', request: awaited } },
    say: [],
    next: { kind: 'request', request: req },
  };
}

function goodbye(call: PhoneCall, say: readonly Prompt[]): PhoneStep {
  return { call: { ...call, phase: { at: 'ended' }, tries: 0 }, say, next: { kind: 'hangUp' } };
}

const toMenu = (call: PhoneCall, settings: PhoneLineSettings, before: readonly Prompt[] = []) =>
  ask(call, { at: 'menu' }, settings, before);

/** The digit of a one-key answer, or undefined (a longer or empty answer is no choice). */
const singleKey = (digits: string) => (/^[0-9*#]$/.test(digits) ? digits : undefined);

/** A list choice 1–n as its index, undefined otherwise. */
function listIndex(digits: string, length: number): number | undefined {
  const key = singleKey(digits);
  if (key === undefined || !/^[1-9]$/.test(key)) return undefined;
  const index = Number(key) - 1;
  return index < length ? index : undefined;
}

/** Four digits HHMM as a wall time, or undefined: 1730 is 17:30, 2400 and 1760 are none. */
export function clockTimeOfKeys(digits: string): ClockTime | undefined {
  const match = /^([0-9]{2})([0-9]{2})#?$/.exec(digits);
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return hour < 24 && minute < 60 ? { hour, minute } : undefined;
}

/** Favorites first, then recent plates not among them, at most nine: one key each. */
export function plateChoices(
  favorites: readonly PlateChoice[],
  recent: readonly PhonePlate[],
): PlateChoice[] {
  const seen = new Set<string>();
  const choices: PlateChoice[] = [];
  for (const choice of [...favorites, ...recent] as PlateChoice[]) {
    const key = `${choice.country}:${choice.plate}`;
    if (seen.has(key)) continue;
    seen.add(key);
    choices.push(
      choice.name
        ? { plate: choice.plate, country: choice.country, name: choice.name }
        : { plate: choice.plate, country: choice.country },
    );
  }
  return choices.slice(0, maxListed);
}

function startAnother(call: PhoneCall, settings: PhoneLineSettings): PhoneStep {
  // docs/rules.md §5, "The phone line": at most ten plates per call; the eleventh is refused.
  if (call.platesStarted >= settings.maxPlatesPerCall) {
    return toMenu(call, settings, [
      prompt('platesPerCallReached', { max: settings.maxPlatesPerCall }),
    ]);
  }
  return request(call, { kind: 'plateChoices' });
}

/** Keys gathered for the question being asked. */
function onDigits(call: PhoneCall, digits: string, settings: PhoneLineSettings): PhoneStep {
  const { phase } = call;
  switch (phase.at) {
    case 'language': {
      const language = (Object.keys(languageKeys) as Language[]).find(
        (candidate) => languageKeys[candidate] === digits,
      );
      if (!language) return askAgain(call, settings, [prompt('notAnOption')]);
      return ask({ ...call, language }, { at: 'registrationNumber' }, settings);
    }
    case 'registrationNumber': {
      const number = digits.replace(/#$/, '');
      if (!/^[0-9]+$/.test(number)) return askAgain(call, settings, [prompt('notUnderstood')]);
      return ask(call, { at: 'pin', registrationNumber: number }, settings);
    }
    case 'pin': {
      const pin = digits.replace(/#$/, '');
      if (!/^[0-9]+$/.test(pin)) return askAgain(call, settings, [prompt('notUnderstood')]);
      return request(call, {
        kind: 'checkCredentials',
        registrationNumber: phase.registrationNumber,
        pin,
      });
    }
    case 'menu':
      switch (singleKey(digits)) {
        case menuKeys.start:
          return startAnother(call, settings);
        case menuKeys.stop:
          return request(call, { kind: 'runningSessions' });
        case menuKeys.balance:
          return request(call, { kind: 'balance' });
        default:
          return askAgain(call, settings, [prompt('notAnOption')]);
      }
    case 'pickPlate': {
      if (singleKey(digits) === listExitKey) return ask(call, { at: 'keyPlate' }, settings);
      const index = listIndex(digits, phase.choices.length);
      if (index === undefined) return askAgain(call, settings, [prompt('notAnOption')]);
      const choice = phase.choices[index]!;
      // A listed plate is one the permit parked before: no read-back, the quote names it.
      return request(call, {
        kind: 'quote',
        plate: { plate: choice.plate, country: choice.country },
      });
    }
    case 'keyPlate': {
      const keyed = plateFromKeys(digits);
      if (!keyed.ok) return askAgain(call, settings, [whyNoPlate(keyed, digits)]);
      const plate = { plate: keyed.plate.normalised, country: keyed.plate.country };
      return ask(call, { at: 'confirmPlate', plate }, settings);
    }
    case 'confirmPlate':
      switch (singleKey(digits)) {
        case confirmPlateKeys.yes:
          return request(call, { kind: 'checkPlate', plate: phase.plate });
        case confirmPlateKeys.again:
          return ask(call, { at: 'keyPlate' }, settings);
        default:
          return askAgain(call, settings, [prompt('notAnOption')]);
      }
    case 'confirmStart':
      switch (singleKey(digits)) {
        case confirmStartKeys.start:
          return request(call, { kind: 'start', plate: phase.plate, end: phase.end });
        case confirmStartKeys.otherEnd:
          return ask(call, { at: 'endTime', plate: phase.plate }, settings);
        case confirmStartKeys.cancel:
          return toMenu(call, settings, [prompt('cancelled')]);
        default:
          return askAgain(call, settings, [prompt('notAnOption')]);
      }
    case 'endTime': {
      const until = clockTimeOfKeys(digits);
      if (!until) return askAgain(call, settings, [prompt('endTimeInvalid')]);
      return request(call, { kind: 'quote', plate: phase.plate, until });
    }
    case 'pickSession': {
      if (singleKey(digits) === listExitKey) return toMenu(call, settings);
      const index = listIndex(digits, phase.sessions.length);
      if (index === undefined) return askAgain(call, settings, [prompt('notAnOption')]);
      return request(call, { kind: 'stop', session: phase.sessions[index]! });
    }
    case 'new':
    case 'waiting':
    case 'ended':
      throw new Error(`The phone line gathers no keys at ${phase.at}`);
  }
}

/** What the line says when keys make no plate: the caller learns what to do differently. */
function whyNoPlate(
  keyed: Extract<ReturnType<typeof plateFromKeys>, { ok: false }>,
  digits: string,
): Prompt {
  switch (keyed.reason) {
    case 'KEYPAD_INCOMPLETE':
      return prompt('plateKeysIncomplete');
    case 'KEYPAD_NO_SUCH_CHARACTER':
      return prompt('plateKeysNoSuchCharacter', { keys: [...(keyed.keys ?? '')].join(' ') });
    case 'KEYPAD_EMPTY':
      return prompt('plateKeysEmpty');
    case 'PLATE_NOT_DUTCH':
    case 'PLATE_TOO_LONG': {
      // The keys decoded; said back spelled, so the caller hears which character is off.
      const decoded = decodeKeypad(digits);
      const plate = decoded.ok ? decoded.text : '';
      return prompt('plateNotDutch', { plate: { plate, spelled: true } });
    }
    default:
      return prompt('notUnderstood');
  }
}

/** Silence where an answer was expected. */
function onNoInput(call: PhoneCall, settings: PhoneLineSettings): PhoneStep {
  // A caller who does not choose a language hears the line in the one suggested for them.
  if (call.phase.at === 'language') {
    return ask({ ...call, language: call.phase.suggested }, { at: 'registrationNumber' }, settings);
  }
  return askAgain(call, settings, [prompt('notHeard')]);
}

function onAnswer(call: PhoneCall, answer: PhoneAnswer, settings: PhoneLineSettings): PhoneStep {
  const { phase } = call;
  if (phase.at !== 'waiting' || phase.request.kind !== answer.kind) {
    throw new Error(`The phone line did not ask for ${answer.kind} at ${phase.at}`);
  }
  const awaited = phase.request;
  switch (answer.kind) {
    case 'checkCredentials': {
      if (answer.outcome === 'ok') return toMenu({ ...call, signedIn: true }, settings);
      if (answer.outcome === 'blocked') return goodbye(call, [prompt('credentialsBlocked')]);
      const pinAttempts = call.pinAttempts + 1;
      const next = { ...call, pinAttempts };
      if (pinAttempts >= settings.maxPinAttempts) {
        return goodbye(next, [prompt('credentialsWrongGoodbye')]);
      }
      // The line cannot tell which of the two was wrong (that would help a guesser): both again.
      return ask(next, { at: 'registrationNumber' }, settings, [
        prompt('credentialsWrong', { left: settings.maxPinAttempts - pinAttempts }),
      ]);
    }
    case 'balance':
      return toMenu(call, settings, [prompt('balance', { balance: { amount: answer.balance } })]);
    case 'plateChoices': {
      const choices = plateChoices(answer.favorites, answer.recent);
      if (choices.length === 0) return ask(call, { at: 'keyPlate' }, settings);
      return ask(call, { at: 'pickPlate', choices }, settings);
    }
    case 'checkPlate': {
      if (awaited.kind !== 'checkPlate') break;
      if (answer.exists) return request(call, { kind: 'quote', plate: awaited.plate });
      // Back at the keypad: a plate that does not exist is an unusable answer to it.
      return askAgain({ ...call, phase: { at: 'keyPlate' }, tries: 0 }, settings, [
        prompt('plateUnknown', { plate: plateSaid(awaited.plate, true) }),
      ]);
    }
    case 'quote': {
      if (awaited.kind !== 'quote') break;
      const { outcome } = answer;
      if (!outcome.ok) return refused(call, outcome, settings);
      const { end, cost, balance } = outcome;
      return ask(call, { at: 'confirmStart', plate: awaited.plate, end, cost, balance }, settings);
    }
    case 'start': {
      if (awaited.kind !== 'start') break;
      const { outcome } = answer;
      if (!outcome.ok) return refused(call, outcome, settings);
      const started = { ...call, platesStarted: call.platesStarted + 1 };
      return toMenu(started, settings, [
        prompt('started', {
          plate: plateSaid(awaited.plate),
          end: { time: { hour: outcome.end.hour, minute: outcome.end.minute } },
        }),
      ]);
    }
    case 'runningSessions': {
      const sessions = answer.sessions.slice(0, maxListed);
      if (sessions.length === 0) return toMenu(call, settings, [prompt('noRunningSessions')]);
      return ask(call, { at: 'pickSession', sessions }, settings);
    }
    case 'stop': {
      if (awaited.kind !== 'stop') break;
      const { outcome } = answer;
      if (!outcome.ok) return refused(call, outcome, settings);
      return toMenu(call, settings, [
        prompt('stopped', {
          plate: plateSaid(awaited.session),
          cost: { amount: outcome.cost },
          balance: { amount: outcome.balance },
        }),
      ]);
    }
  }
  throw new Error(`The phone line's ${awaited.kind} request got a ${answer.kind} answer`);
}

function refused(call: PhoneCall, refusal: PhoneRefusal, settings: PhoneLineSettings): PhoneStep {
  const reason = refusal.params
    ? { error: refusal.reason, params: refusal.params }
    : { error: refusal.reason };
  return toMenu(call, settings, [prompt('refused', { reason })]);
}

/**
 * One step of the dialogue: the call after the event, what to say, and what comes next (keys to
 * gather, a request for the service, or the end of the call).
 */
export function phoneStep(
  call: PhoneCall,
  event: PhoneEvent,
  settings: PhoneLineSettings = defaultPhoneLineSettings,
): PhoneStep {
  if (call.phase.at === 'ended') return { call, say: [], next: { kind: 'ended' } };
  // A hang-up ends the call wherever it is: nothing asked for is started afterwards.
  if (event.type === 'hangUp') {
    return { call: { ...call, phase: { at: 'ended' } }, say: [], next: { kind: 'ended' } };
  }
  if (call.phase.at === 'new') {
    if (event.type !== 'callStarted')
      throw new Error(`A call starts with callStarted, not ${event.type}`);
    return ask(
      { ...call, language: event.language },
      { at: 'language', suggested: event.language },
      settings,
    );
  }
  switch (event.type) {
    case 'callStarted':
      throw new Error('The call has started already');
    case 'answer':
      return onAnswer(call, event.answer, settings);
    case 'digits':
      if (call.phase.at === 'waiting') throw new Error('The phone line is waiting for the service');
      return event.digits === ''
        ? onNoInput(call, settings)
        : onDigits(call, event.digits, settings);
    case 'noInput':
      if (call.phase.at === 'waiting') throw new Error('The phone line is waiting for the service');
      return onNoInput(call, settings);
  }
}

/**
 * Steps until the line needs the caller (keys to gather) or the call is over, answering the
 * machine's requests with `answer` (the service's look-ups) on the way; the prompts of every step
 * are said in order. This is what one webhook does.
 */
export async function phoneTurn(
  call: PhoneCall,
  event: PhoneEvent,
  answer: (request: PhoneRequest, call: PhoneCall) => PhoneAnswer | Promise<PhoneAnswer>,
  settings: PhoneLineSettings = defaultPhoneLineSettings,
): Promise<PhoneStep> {
  let step = phoneStep(call, event, settings);
  const say: Prompt[] = [...step.say];
  while (step.next.kind === 'request') {
    const reply = await answer(step.next.request, step.call);
    step = phoneStep(step.call, { type: 'answer', answer: reply }, settings);
    say.push(...step.say);
  }
  return { ...step, say };
}
