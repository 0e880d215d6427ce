import type { Language } from '@parkeer/shared/language';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keysOfPlate } from './keypad-plate.js';
import {
  clockTimeOfKeys,
  defaultPhoneLineSettings,
  newPhoneCall,
  phoneStep,
  phoneTurn,
  plateChoices,
  type PhoneAnswer,
  type PhoneCall,
  type PhonePlate,
  type PhoneRefusal,
  type PhoneRequest,
  type PhoneStep,
  type PlateChoice,
  type RunningSession,
} from './phone-dialogue.js';
import { spokenLines } from './phone-prompts.js';

/** The service's side, in memory: one visitor permit with a balance in cents. */
class FakeService {
  registrationNumber = '800123';
  pin = '1234';
  blocked = false;
  balance = 1000;
  favorites: PlateChoice[] = [{ plate: 'GH123B', country: 'NL', name: 'Oma' }];
  recent: PhonePlate[] = [{ plate: '12ABC3', country: 'NL' }];
  unknownPlates = new Set(['XX999X']);
  quoteRefusal?: PhoneRefusal;
  sessions: RunningSession[] = [];
  readonly requests: PhoneRequest[] = [];

  answer = (request: PhoneRequest): PhoneAnswer => {
    this.requests.push(request);
    switch (request.kind) {
      case 'checkCredentials':
        return {
          kind: 'checkCredentials',
          outcome: this.blocked
            ? 'blocked'
            : request.registrationNumber === this.registrationNumber && request.pin === this.pin
              ? 'ok'
              : 'wrong',
        };
      case 'balance':
        return { kind: 'balance', balance: { amount: this.balance, unit: 'cents' } };
      case 'plateChoices':
        return { kind: 'plateChoices', favorites: this.favorites, recent: this.recent };
      case 'checkPlate':
        return { kind: 'checkPlate', exists: !this.unknownPlates.has(request.plate.plate) };
      case 'quote': {
        if (this.quoteRefusal) return { kind: 'quote', outcome: this.quoteRefusal };
        const { hour, minute } = request.until ?? { hour: 23, minute: 59 };
        return {
          kind: 'quote',
          outcome: {
            ok: true,
            end: { at: `2026-12-07T${hour}:${minute}`, hour, minute },
            cost: { amount: 240, unit: 'cents' },
            balance: { amount: this.balance, unit: 'cents' },
          },
        };
      }
      case 'start':
        this.sessions.push({
          sessionId: `s${this.sessions.length + 1}`,
          ...request.plate,
          end: { hour: request.end.hour, minute: request.end.minute },
        });
        return { kind: 'start', outcome: { ok: true, end: request.end } };
      case 'runningSessions':
        return { kind: 'runningSessions', sessions: this.sessions };
      case 'stop':
        this.sessions = this.sessions.filter((s) => s.sessionId !== request.session.sessionId);
        this.balance -= 120;
        return {
          kind: 'stop',
          outcome: {
            ok: true,
            cost: { amount: 120, unit: 'cents' },
            balance: { amount: this.balance, unit: 'cents' },
          },
        };
    }
  };

  count(kind: PhoneRequest['kind']) {
    return this.requests.filter((request) => request.kind === kind).length;
  }
}

/**
 * One phone call as the webhook would drive it: each turn starts from the state as stored
 * between webhooks (a JSON round trip), answers the requests, and keeps what the caller heard.
 */
class Call {
  state: PhoneCall = newPhoneCall();
  last!: PhoneStep;
  readonly stored: string[] = [];
  heard: string[] = [];

  constructor(readonly service = new FakeService()) {}

  private async turn(event: Parameters<typeof phoneStep>[1]) {
    this.last = await phoneTurn(this.state, event, this.service.answer);
    const stored = JSON.stringify(this.last.call);
    this.stored.push(stored);
    this.state = JSON.parse(stored) as PhoneCall;
    this.heard = spokenLines(this.last.say, this.state.language).map((line) => line.text);
    return this;
  }

  start(language: Language = 'nl') {
    return this.turn({ type: 'callStarted', language });
  }
  press(digits: string) {
    return this.turn({ type: 'digits', digits });
  }
  silence() {
    return this.turn({ type: 'noInput' });
  }
  hangUp() {
    return this.turn({ type: 'hangUp' });
  }
  /** Everything said in the last turn as one text. */
  get said() {
    return this.heard.join(' ');
  }
  get at() {
    return this.state.phase.at;
  }

  async signIn(language: Language = 'nl') {
    await this.start(language);
    await this.press(language === 'nl' ? '1' : '2');
    await this.press('800123#');
    return this.press('1234');
  }
}

describe('docs/rules.md §5: the phone line — language and sign-in', () => {
  it('greets in the suggested language and offers each language in its own words', async () => {
    const call = await new Call().start('nl');
    expect(call.last.say.map((prompt) => prompt.language ?? 'call')).toEqual(['call', 'nl', 'en']);
    expect(call.heard).toEqual([
      'Welkom bij de parkeerlijn voor bezoekers.',
      'Voor Nederlands, toets 1.',
      'For English, press 2.',
    ]);
    expect(call.last.next).toEqual({ kind: 'gather', maxDigits: 1, timeoutSeconds: 6 });
  });

  it('goes on in the suggested language when the caller presses nothing', async () => {
    const call = await new Call().start('en');
    await call.silence();
    expect(call.state.language).toBe('en');
    expect(call.at).toBe('registrationNumber');
    expect(call.said).toMatch(/^Please key in the registration number/);
    expect(call.last.next).toEqual({
      kind: 'gather',
      maxDigits: defaultPhoneLineSettings.registrationNumberMaxDigits,
      finishKey: '#',
      timeoutSeconds: 10,
    });
  });

  it('asks for the PIN of four digits, checks the pair once, and shows the menu', async () => {
    const call = new Call();
    await call.start();
    await call.press('1');
    await call.press('800123#');
    expect(call.said).toBe('Toets nu uw pincode van 4 cijfers.');
    expect(call.last.next).toMatchObject({ maxDigits: 4, finishKey: '#' });
    await call.press('1234');
    expect(call.service.requests).toEqual([
      { kind: 'checkCredentials', registrationNumber: '800123', pin: '1234' },
    ]);
    expect(call.at).toBe('menu');
    expect(call.state.signedIn).toBe(true);
    expect(call.said).toBe(
      'Om een bezoeker aan te melden, toets 1. Om een parkeeractie te stoppen, toets 2. Om uw saldo te horen, toets 3.',
    );
  });

  it('never keeps the PIN in the state stored between webhooks', async () => {
    const call = await new Call().signIn();
    expect(call.stored.some((state) => state.includes('1234'))).toBe(false);
    // The waiting state of the check itself holds no PIN either.
    const waiting = phoneStep(
      { ...newPhoneCall(), phase: { at: 'pin', registrationNumber: '800123' } },
      { type: 'digits', digits: '9876' },
    );
    expect(waiting.next).toMatchObject({ kind: 'request', request: { pin: '9876' } });
    expect(JSON.stringify(waiting.call)).not.toContain('9876');
  });

  it('says goodbye after three wrong registration number + PIN pairs, and checks no fourth', async () => {
    const call = new Call();
    await call.start();
    await call.press('1');
    await call.press('800123#');
    await call.press('0000');
    expect(call.heard[0]).toBe(
      'Het registratienummer of de pincode klopt niet. U kunt het nog 2 keer proberen.',
    );
    // Both again: the line does not say which of the two was wrong.
    expect(call.at).toBe('registrationNumber');
    await call.press('800123#');
    await call.press('1111');
    expect(call.heard[0]).toMatch(/nog één keer proberen\.$/);
    await call.press('800321#');
    await call.press('1234');
    expect(call.said).toMatch(/klopt niet\. Kijk ze na .* Tot ziens\.$/);
    expect(call.last.next).toEqual({ kind: 'hangUp' });
    expect(call.at).toBe('ended');
    expect(call.service.count('checkCredentials')).toBe(3);
    await call.press('1234');
    expect(call.last.next).toEqual({ kind: 'ended' });
    expect(call.service.count('checkCredentials')).toBe(3);
  });

  it('checks nothing when the caller hangs up at the PIN', async () => {
    const call = new Call();
    await call.start();
    await call.press('1');
    await call.press('800123*#');
    expect(call.heard[0]).toBe('Dat heb ik niet begrepen.');
    await call.press('800123#');
    await call.hangUp();
    expect(call.last.next).toEqual({ kind: 'ended' });
    await call.press('1234');
    expect(call.service.count('checkCredentials')).toBe(0);
  });

  it('says goodbye at once when the guessing limit has blocked the permit or the caller', async () => {
    const service = new FakeService();
    service.blocked = true;
    const call = await new Call(service).signIn();
    expect(call.said).toBe(
      'Er is te vaak een verkeerde pincode ingetoetst. Probeer het later opnieuw. Tot ziens.',
    );
    expect(call.last.next).toEqual({ kind: 'hangUp' });
  });

  it('asks again after silence or a wrong key, and says goodbye after the third', async () => {
    const call = await new Call().signIn();
    await call.silence();
    expect(call.heard[0]).toBe('Ik heb niets gehoord.');
    expect(call.heard[1]).toMatch(/^Om een bezoeker aan te melden/);
    await call.press('7');
    expect(call.heard[0]).toBe('Die keuze is er niet.');
    await call.silence();
    expect(call.said).toMatch(/Bel gerust opnieuw, of bel de gemeente\. Tot ziens\.$/);
    expect(call.last.next).toEqual({ kind: 'hangUp' });
  });
});

describe('docs/rules.md §5: the phone line — starting a session', () => {
  it('reads the favorites and recent plates, starts the one picked after the caller hears cost and balance', async () => {
    const call = await new Call().signIn();
    await call.press('1');
    expect(call.heard).toEqual([
      'Kies het kenteken.',
      'Voor Oma, G H, 1 2 3, B, toets 1.',
      'Voor 1 2, A B C, 3, toets 2.',
      'Om een ander kenteken in te toetsen, toets 0.',
    ]);
    await call.press('1');
    expect(call.heard).toEqual([
      'Parkeren voor G H, 1 2 3, B tot 23 uur 59 kost naar verwachting 2 euro en 40 cent. Uw saldo is 10 euro.',
      'Om te starten, toets 1. Voor een andere eindtijd, toets 2. Om te annuleren, toets 3.',
    ]);
    // Nothing is registered before the caller confirms.
    expect(call.service.count('start')).toBe(0);
    await call.press('1');
    expect(call.service.requests.at(-1)).toEqual({
      kind: 'start',
      plate: { plate: 'GH123B', country: 'NL' },
      end: { at: '2026-12-07T23:59', hour: 23, minute: 59 },
    });
    expect(call.heard[0]).toBe(
      'De parkeeractie voor G H, 1 2 3, B is gestart en loopt tot 23 uur 59.',
    );
    expect(call.at).toBe('menu');
    expect(call.state.platesStarted).toBe(1);
  });

  it('keys a plate in, reads it back with the spelling alphabet and registers it only after confirmation', async () => {
    const service = new FakeService();
    service.favorites = [];
    service.recent = [];
    const call = await new Call(service).signIn();
    await call.press('1');
    // Without plates to pick, the line asks for one at once.
    expect(call.at).toBe('keyPlate');
    expect(call.said).toMatch(/^Toets het kenteken teken voor teken/);
    expect(call.last.next).toEqual({
      kind: 'gather',
      maxDigits: 30,
      finishKey: '#',
      timeoutSeconds: 20,
    });
    await call.press(`${keysOfPlate('KN312T')}#`);
    expect(call.heard).toEqual([
      'U toetste: Karel, Nico. drie, één, twee. Teunis.',
      'Klopt dit? Toets 1 voor ja. Om het opnieuw in te toetsen, toets 2.',
    ]);
    await call.press('2');
    expect(call.said).toMatch(/^Toets het kenteken teken voor teken/);
    await call.press(keysOfPlate('KN313T'));
    await call.press('1');
    expect(service.requests.slice(-2)).toEqual([
      { kind: 'checkPlate', plate: { plate: 'KN313T', country: 'NL' } },
      { kind: 'quote', plate: { plate: 'KN313T', country: 'NL' } },
    ]);
    expect(service.count('start')).toBe(0);
    await call.press('1');
    expect(service.sessions.map((session) => session.plate)).toEqual(['KN313T']);
  });

  it('says a plate that does not exist and asks for the plate again', async () => {
    const call = await new Call().signIn();
    await call.press('1');
    await call.press('0');
    await call.press(keysOfPlate('XX999X'));
    await call.press('1');
    expect(call.heard).toEqual([
      'Het kenteken Xantippe, Xantippe. negen, negen, negen. Xantippe bestaat niet.',
      'Toets het kenteken opnieuw, en sluit af met een hekje.',
    ]);
    expect(call.service.count('quote')).toBe(0);
    await call.press(keysOfPlate('XX998X'));
    await call.press('1');
    await call.press('1');
    expect(call.service.sessions.map((session) => session.plate)).toEqual(['XX998X']);
  });

  it('says why keys are no plate: half a character, a pair that is none, no Dutch plate', async () => {
    const call = await new Call().signIn();
    await call.press('1');
    await call.press('0');
    await call.press('41421');
    expect(call.heard[0]).toBe(
      'Het laatste teken is niet af: elke letter en elk cijfer zijn twee toetsen.',
    );
    await call.press('4125');
    expect(call.heard[0]).toBe('De toetsen 2 5 zijn geen letter of cijfer.');
    await call.press(keysOfPlate('GH1234B'));
    expect(call.heard[0]).toBe(
      'Gerard, Hendrik, één, twee, drie, vier, Bernard is geen Nederlands kenteken.',
    );
    // Three unusable plates: the line gives up rather than loop.
    expect(call.last.next).toEqual({ kind: 'hangUp' });
  });

  it('quotes and starts with another end time keyed as four digits', async () => {
    const call = await new Call().signIn();
    await call.press('1');
    await call.press('2');
    await call.press('2');
    expect(call.said).toMatch(/^Toets de eindtijd in vier cijfers/);
    await call.press('2460');
    expect(call.heard[0]).toBe('Dat is geen tijd.');
    await call.press('1730');
    expect(call.service.requests.at(-1)).toEqual({
      kind: 'quote',
      plate: { plate: '12ABC3', country: 'NL' },
      until: { hour: 17, minute: 30 },
    });
    expect(call.heard[0]).toMatch(/tot 17 uur 30 kost/);
    await call.press('1');
    expect(call.service.sessions[0]).toMatchObject({
      plate: '12ABC3',
      end: { hour: 17, minute: 30 },
    });
  });

  it('starts nothing when the caller cancels, and says a refusal with the platform’s message', async () => {
    const service = new FakeService();
    const call = await new Call(service).signIn();
    await call.press('1');
    await call.press('1');
    // A caller who missed the quote hears it again with the options.
    await call.silence();
    expect(call.heard.slice(0, 2)).toEqual([
      'Ik heb niets gehoord.',
      'Parkeren voor G H, 1 2 3, B tot 23 uur 59 kost naar verwachting 2 euro en 40 cent. Uw saldo is 10 euro.',
    ]);
    await call.press('3');
    expect(call.heard[0]).toBe('Er is niets gestart.');
    expect(call.at).toBe('menu');
    service.quoteRefusal = { ok: false, reason: 'SESSION_INSUFFICIENT_BALANCE' };
    await call.press('1');
    await call.press('1');
    expect(call.heard[0]).toBe('Dat kan niet. Uw saldo is niet toereikend voor deze parkeeractie.');
    expect(call.at).toBe('menu');
    expect(service.count('start')).toBe(0);
  });

  it('registers at most ten plates in one call and refuses the eleventh with a prompt', async () => {
    const call = await new Call().signIn();
    for (let plate = 1; plate <= 10; plate += 1) {
      await call.press('1');
      await call.press('0');
      await call.press(keysOfPlate(`GH${100 + plate}B`));
      await call.press('1');
      await call.press('1');
      expect(call.heard[0]).toMatch(/is gestart/);
    }
    expect(call.service.sessions).toHaveLength(10);
    const choicesAsked = call.service.count('plateChoices');
    await call.press('1');
    expect(call.heard[0]).toBe(
      'U kunt in één gesprek ten hoogste 10 kentekens aanmelden. Bel opnieuw om er meer aan te melden.',
    );
    expect(call.at).toBe('menu');
    expect(call.service.count('plateChoices')).toBe(choicesAsked);
    expect(call.service.sessions).toHaveLength(10);
    // Stopping and the balance still work after the limit.
    await call.press('3');
    expect(call.heard[0]).toBe('Uw saldo is 10 euro.');
  });

  it('starts nothing after a hang-up half way, whatever arrives later', async () => {
    const call = await new Call().signIn();
    await call.press('1');
    await call.press('1');
    expect(call.at).toBe('confirmStart');
    await call.hangUp();
    expect(call.last).toMatchObject({ say: [], next: { kind: 'ended' } });
    await call.press('1');
    expect(call.last.next).toEqual({ kind: 'ended' });
    expect(call.service.count('start')).toBe(0);
  });
});

describe('docs/rules.md §5: the phone line — stopping a session and the balance', () => {
  it('stops a running session by its number in the list and says its cost and the balance', async () => {
    const service = new FakeService();
    service.sessions = [
      { sessionId: 'web-1', plate: 'GH123B', country: 'NL', end: { hour: 18, minute: 0 } },
      { sessionId: 'web-2', plate: 'B123XY', country: 'DE', end: { hour: 23, minute: 59 } },
    ];
    const running = [...service.sessions];
    const call = await new Call(service).signIn();
    await call.press('2');
    expect(call.heard).toEqual([
      'Welke parkeeractie wilt u stoppen?',
      'Voor G H, 1 2 3, B, tot 18 uur, toets 1.',
      'Voor B 1 2 3 X Y, tot 23 uur 59, toets 2.',
      'Om terug te gaan naar het menu, toets 0.',
    ]);
    await call.press('3');
    expect(call.heard[0]).toBe('Die keuze is er niet.');
    await call.press('2');
    expect(service.requests.at(-1)).toEqual({ kind: 'stop', session: running[1] });
    expect(call.heard[0]).toBe(
      'De parkeeractie voor B 1 2 3 X Y is gestopt. Die kostte 1 euro en 20 cent. Uw saldo is nu 8 euro en 80 cent.',
    );
    expect(call.at).toBe('menu');
    expect(service.sessions.map((session) => session.sessionId)).toEqual(['web-1']);
  });

  it('lists at most nine running sessions, so each has one key', async () => {
    const service = new FakeService();
    service.sessions = Array.from({ length: 10 }, (_, n) => ({
      sessionId: `s${n}`,
      plate: `GH${100 + n}B`,
      country: 'NL',
      end: { hour: 18, minute: 0 },
    }));
    const call = await new Call(service).signIn();
    await call.press('2');
    expect(call.heard.filter((line) => line.startsWith('Voor '))).toHaveLength(9);
    await call.press('9');
    expect(service.requests.at(-1)).toMatchObject({ kind: 'stop', session: { sessionId: 's8' } });
    // The tenth is in the list once another has stopped.
    await call.press('2');
    expect(call.heard).toContain('Voor G H, 1 0 9, B, tot 18 uur, toets 9.');
  });

  it('says when no session is running, and goes back to the menu', async () => {
    const call = await new Call().signIn();
    await call.press('2');
    expect(call.heard[0]).toBe('Er loopt nu geen parkeeractie.');
    expect(call.at).toBe('menu');
  });

  it('reads the balance, in minutes for a product that counts time', async () => {
    const service = new FakeService();
    const call = await new Call(service).signIn();
    service.answer = (request) => {
      service.requests.push(request);
      return { kind: 'balance', balance: { amount: 135, unit: 'minutes' } };
    };
    await call.press('3');
    expect(call.heard[0]).toBe('Uw saldo is 2 uur en 15 minuten.');
  });
});

describe('docs/rules.md §5: the phone line — in English', () => {
  it('runs a whole call in English: sign-in, a keyed plate spelled in ICAO, start, stop', async () => {
    const service = new FakeService();
    service.favorites = [];
    const call = await new Call(service).signIn('en');
    expect(call.said).toBe(
      'To register a visitor, press 1. To stop a parking session, press 2. To hear your balance, press 3.',
    );
    await call.press('1');
    expect(call.heard).toEqual([
      'Choose the licence plate.',
      'For 1 2, A B C, 3, press 1.',
      'To key in another licence plate, press 0.',
    ]);
    await call.press('0');
    expect(call.said).toMatch(/^Key in the licence plate character by character/);
    await call.press(keysOfPlate('GH123B'));
    expect(call.heard[0]).toBe('You keyed in: Golf, Hotel. one, two, three. Bravo.');
    await call.press('1');
    expect(call.heard[0]).toBe(
      'Parking for G H, 1 2 3, B until 23:59 is expected to cost 2 euros and 40 cents. Your balance is 10 euros.',
    );
    await call.press('1');
    expect(call.heard[0]).toBe('Parking for G H, 1 2 3, B has started and runs until 23:59.');
    await call.press('2');
    await call.press('1');
    expect(call.heard[0]).toBe(
      'Parking for G H, 1 2 3, B has stopped. It cost 1 euro and 20 cents. Your balance is now 8 euros and 80 cents.',
    );
    await call.hangUp();
    expect(call.last.next).toEqual({ kind: 'ended' });
  });

  it('switches to English when the caller presses 2 on a Dutch greeting', async () => {
    const call = await new Call().start('nl');
    await call.press('2');
    expect(call.state.language).toBe('en');
    expect(call.said).toMatch(/^Please key in the registration number/);
  });
});

describe('docs/rules.md §5: the phone line — its small rules', () => {
  it('reads an end time of four digits as a wall time, and nothing else', () => {
    expect(clockTimeOfKeys('1730')).toEqual({ hour: 17, minute: 30 });
    expect(clockTimeOfKeys('0000#')).toEqual({ hour: 0, minute: 0 });
    expect(clockTimeOfKeys('2359')).toEqual({ hour: 23, minute: 59 });
    for (const keys of ['2400', '1760', '930', '17300', '17*0', '']) {
      expect(clockTimeOfKeys(keys)).toBeUndefined();
    }
  });

  it('lists favorites first, then recent plates not among them, at most nine', () => {
    const favorites = [
      { plate: 'GH123B', country: 'NL', name: 'Oma' },
      { plate: 'B123XY', country: 'DE', name: 'Jan' },
    ];
    const recent = [
      { plate: 'GH123B', country: 'NL' },
      { plate: 'B123XY', country: 'NL' }, // the same letters in another country: another plate
      ...Array.from({ length: 10 }, (_, n) => ({ plate: `GH${200 + n}B`, country: 'NL' })),
    ];
    const choices = plateChoices(favorites, recent);
    expect(choices).toHaveLength(9);
    expect(choices.slice(0, 3)).toEqual([...favorites, { plate: 'B123XY', country: 'NL' }]);
  });

  it('refuses keys while it waits for the service, and a call that does not start with callStarted', () => {
    const waiting = phoneStep(
      { ...newPhoneCall(), phase: { at: 'menu' } },
      { type: 'digits', digits: '3' },
    );
    expect(waiting.next).toEqual({ kind: 'request', request: { kind: 'balance' } });
    expect(() => phoneStep(waiting.call, { type: 'digits', digits: '1' })).toThrow(/waiting/);
    expect(() => phoneStep(newPhoneCall(), { type: 'digits', digits: '1' })).toThrow(
      /starts with callStarted/,
    );
  });

  it('refuses an answer the line did not ask for: the service has a bug', () => {
    const menu = { ...newPhoneCall(), phase: { at: 'menu' as const } };
    expect(() =>
      phoneStep(menu, { type: 'answer', answer: { kind: 'checkPlate', exists: true } }),
    ).toThrow(/did not ask for checkPlate/);
  });
});

describe('docs/rules.md §5: the phone line — whatever the caller presses', () => {
  // Weighted towards the keys that lead somewhere, so that runs reach the quote and beyond.
  const anyPress = fc.oneof(
    { weight: 10, arbitrary: fc.constant('1') },
    {
      weight: 8,
      arbitrary: fc.constantFrom('0', '2', '3', '9', '*', '', '1730', '2460', '800123#', '1234'),
    },
    {
      weight: 3,
      arbitrary: fc
        .constantFrom('GH123B', 'XX999X', 'GH1234B', 'KN312T')
        .map((plate) => keysOfPlate(plate)),
    },
    { weight: 1, arbitrary: fc.stringMatching(/^[0-9*#]{1,8}$/) },
  );
  const anyEvent = fc.oneof(
    { weight: 20, arbitrary: anyPress.map((digits) => ({ type: 'digits' as const, digits })) },
    { weight: 1, arbitrary: fc.constant({ type: 'noInput' as const }) },
    { weight: 1, arbitrary: fc.constant({ type: 'hangUp' as const }) },
  );

  it('registers a plate only on the caller’s 1 after the quote, at most ten, nothing after the end', async () => {
    let startedInAllRuns = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(anyEvent, { maxLength: 60 }), async (events) => {
        const call = await new Call().signIn();
        for (const event of events) {
          const before = call.state;
          const starts = call.service.count('start');
          if (event.type === 'digits') await call.press(event.digits);
          else if (event.type === 'noInput') await call.silence();
          else await call.hangUp();
          if (call.service.count('start') > starts) {
            expect(before.phase.at).toBe('confirmStart');
            expect(event).toEqual({ type: 'digits', digits: '1' });
          }
          if (before.phase.at === 'ended') expect(call.last.next).toEqual({ kind: 'ended' });
          // Every turn ends waiting for the caller, or with the call over.
          expect(['gather', 'hangUp', 'ended']).toContain(call.last.next.kind);
        }
        expect(call.service.count('start')).toBeLessThanOrEqual(10);
        startedInAllRuns += call.service.count('start');
      }),
      { numRuns: 200 },
    );
    // The random callers did get sessions started: the property was put to the test.
    expect(startedInAllRuns).toBeGreaterThan(0);
  });
});
