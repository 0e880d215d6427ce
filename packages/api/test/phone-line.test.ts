import { describe, expect, it, beforeAll } from 'vitest';
import { keysOfPlate } from '@parkeer/domain/phone/keypad-plate';
import { hashSecret } from '../src/modules/auth/password-hash.js';
import { AuditEntry } from '../src/model/audit-entry.entity.js';
import { Favorite } from '../src/model/favorite.entity.js';
import { ParkingSession } from '../src/model/parking-session.entity.js';
import { Permit } from '../src/model/permit.entity.js';
import { PhoneCall } from '../src/model/phone-call.entity.js';
import { permitPot } from '../src/modules/ledger/ledger.js';
import { withPermitTransaction } from '../src/modules/ledger/permit-transaction.js';
import { twilioStatusPath, twilioVoicePath } from '../src/modules/phone/phone-routes.js';
import {
  phoneWebhookToken,
  twilioSignature,
  twilioSignatureHeader,
} from '../src/modules/phone/twilio-signature.js';
import { useDemoApi } from './demo-api.js';
import { loggedIn } from './login.js';
import { useRegistryFakes } from './registry-fakes.js';
import { testDialects } from './test-databases.js';

const dialects = await testDialects();

interface Heard {
  readonly status: number;
  readonly xml: string;
  /** Everything said, in order, as one text. */
  readonly said: string;
  /** Whether the line gathers keys next (else it hung up or the call is over). */
  readonly gathers: boolean;
}

const unescape = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

describe.each(dialects)(
  'the phone line through its signed webhook on %s (docs/rules.md §5, "The phone line")',
  (dialect) => {
    useRegistryFakes();
    const api = useDemoApi(dialect);
    let callNumber = 0;
    const pins = new Map<string, string>();
    /** Registration numbers (the product code's digits) by permit id. */
    const numbers = new Map<string, string>();

    const post = (path: string, params: Record<string, string>, signature?: string | null) =>
      fetch(api.url + path, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(signature === null
            ? {}
            : {
                [twilioSignatureHeader]:
                  signature ?? twilioSignature(phoneWebhookToken()!, api.url + path, params),
              }),
        },
        body: new URLSearchParams(params).toString(),
      });

    const heard = async (response: Response): Promise<Heard> => {
      const xml = await response.text();
      const said = [...xml.matchAll(/<Say language="[^"]+">([^<]*)<\/Say>/g)]
        .map((match) => unescape(match[1]!))
        .join(' ');
      return { status: response.status, xml, said, gathers: xml.includes('<Gather ') };
    };

    /** A new call from `from`: `press` sends the keys gathered, as Twilio's action does. */
    const newCall = (from = '+31612345678') => {
      const params = {
        CallSid: `CA${dialect}${String(++callNumber).padStart(8, '0')}`,
        From: from,
      };
      return {
        sid: params.CallSid,
        begin: async () => heard(await post(twilioVoicePath, params)),
        press: async (digits: string) =>
          heard(await post(twilioVoicePath, { ...params, Digits: digits })),
        silence: async () => heard(await post(`${twilioVoicePath}?noInput=1`, params)),
        hangUp: async () =>
          post(twilioStatusPath, { ...params, CallStatus: 'completed', CallDuration: '42' }),
      };
    };

    /** A call signed in to `permitId`, at the menu. */
    const signedIn = async (permitId: string, from?: string) => {
      const call = newCall(from);
      await call.begin();
      await call.press('1');
      await call.press(numbers.get(permitId)!);
      const menu = await call.press(pins.get(permitId)!);
      expect(menu.said).toContain('Om een bezoeker aan te melden, toets 1.');
      return call;
    };

    /** Gives a permit a PIN the test knows, and remembers its registration number. */
    const knownPin = async (permitId: string, pin: string) => {
      const em = api.em();
      const permit = await em.findOneOrFail(Permit, { id: permitId });
      permit.pinHash = await hashSecret(pin);
      await em.flush();
      pins.set(permitId, pin);
      numbers.set(permitId, permit.productCode.replace(/^PK/, ''));
    };

    const sessionsOf = (permitId: string) =>
      api.em().find(ParkingSession, { permit: permitId }, { orderBy: { createdAt: 'asc' } });

    let anna: string;
    let bram: string;
    let uncoupled: string;

    beforeAll(async () => {
      anna = await api.permitOf('anna@demo.parkeer.nl');
      bram = await api.permitOf('bram@demo.parkeer.nl');
      uncoupled = (await api.em().findOneOrFail(Permit, { addressLabel: 'Phoenixstraat 9, Delft' }))
        .id;
      await knownPin(anna, '4321');
      await knownPin(bram, '2468');
      await knownPin(uncoupled, '1357');
      const em = api.em();
      em.create(Favorite, {
        permit: em.getReference(Permit, anna),
        plate: 'GB123K',
        name: 'Oma',
        createdAt: api.now,
      });
      await em.flush();
    });

    it('refuses unsigned and wrongly signed webhooks with 403, and starts no call (docs/operations.md, Phone line)', async () => {
      const params = { CallSid: 'CAunsigned'.padEnd(34, '0'), From: '+31612345678' };
      expect((await post(twilioVoicePath, params, null)).status).toBe(403);
      expect((await post(twilioVoicePath, params, 'bm90IGEgc2lnbmF0dXJl')).status).toBe(403);
      // Signed for other parameters: a changed Digits is a forgery.
      const signature = twilioSignature(phoneWebhookToken()!, api.url + twilioVoicePath, params);
      expect((await post(twilioVoicePath, { ...params, Digits: '1' }, signature)).status).toBe(403);
      expect((await post(twilioStatusPath, params, null)).status).toBe(403);
      expect(await api.em().count(PhoneCall, { callId: params.CallSid })).toBe(0);
    });

    it('signs in with the registration number and PIN, says the balance in words, and keeps no PIN in the call state (§5 "Sign-in", "Language")', async () => {
      const call = newCall();
      const welcome = await call.begin();
      expect(welcome.status).toBe(200);
      expect(welcome.xml).toMatch(
        /^<\?xml version="1.0" encoding="UTF-8"\?><Response><Gather input="dtmf" numDigits="1" finishOnKey="" timeout="6" action="\/webhooks\/phone\/twilio" method="POST"><Say language="nl-NL">Welkom/,
      );
      expect(welcome.xml).toContain('<Say language="en-GB">For English, press 2.</Say>');
      expect(welcome.xml).toContain(
        '</Gather><Redirect method="POST">/webhooks/phone/twilio?noInput=1</Redirect></Response>',
      );
      const number = await call.press('1');
      expect(number.xml).toContain('numDigits="12" finishOnKey="#" timeout="10"');
      expect((await call.press(numbers.get(anna)!)).said).toContain('pincode van 4 cijfers');
      const menu = await call.press('4321');
      expect(menu.said).toContain('Om uw saldo te horen, toets 3.');
      const row = await api.em().findOneOrFail(PhoneCall, { callId: call.sid });
      expect(row.permitId).toBe(anna);
      expect(JSON.stringify(row.state)).not.toContain('4321');
      const balance = await call.press('3');
      expect(balance.said).toContain('Uw saldo is 200 uur.');
    });

    it('says goodbye and hangs up after the third wrong PIN, never telling which of the two was wrong (§5 "Sign-in")', async () => {
      const call = newCall('+31687654321');
      await call.begin();
      await call.press('1');
      for (const left of [2, 1]) {
        await call.press(numbers.get(bram)!);
        const wrong = await call.press('0000');
        expect(wrong.said).toContain(
          `Het registratienummer of de pincode klopt niet. U kunt het nog ${left === 1 ? 'één keer' : `${left} keer`} proberen.`,
        );
        expect(wrong.gathers).toBe(true);
      }
      await call.press(numbers.get(bram)!);
      const goodbye = await call.press('1111');
      expect(goodbye.said).toContain('Kijk ze na in de brief van uw vergunning');
      expect(goodbye.xml).toContain('<Hangup/>');
      expect(goodbye.gathers).toBe(false);
    });

    it('stops guessing per permit (docs/security.md, registrationPin; §5 "Registration number"): after five wrong PINs from any numbers even the right PIN is refused', async () => {
      // Three wrong ones above, two more from another number.
      const call = newCall('+31600000001');
      await call.begin();
      await call.press('1');
      for (let i = 0; i < 2; i++) {
        await call.press(numbers.get(bram)!);
        await call.press('9999');
      }
      await call.press(numbers.get(bram)!);
      const blocked = await call.press(pins.get(bram)!);
      expect(blocked.said).toContain('Er is te vaak een verkeerde pincode ingetoetst.');
      expect(blocked.xml).toContain('<Hangup/>');
      expect((await api.em().findOneOrFail(PhoneCall, { callId: call.sid })).permitId).toBeNull();
    });

    it('starts a session for a favorite after the caller hears the end, the expected cost and the balance; channel phone, audit-logged (§5 "Picking a plate", "Starting")', async () => {
      const call = await signedIn(anna);
      const list = await call.press('1');
      expect(list.said).toContain('Kies het kenteken. Voor Oma, G B, 1 2 3, K, toets 1.');
      const quote = await call.press('1');
      expect(quote.said).toMatch(
        /Parkeren voor G B, 1 2 3, K tot \d+ uur( \d+)? kost naar verwachting/,
      );
      expect(quote.said).toContain('Uw saldo is 200 uur.');
      const started = await call.press('1');
      expect(started.said).toMatch(/De parkeeractie voor G B, 1 2 3, K is gestart en loopt tot/);
      const [session] = await sessionsOf(anna);
      expect(session).toMatchObject({ plate: 'GB123K', channel: 'phone', status: 'running' });
      const audit = await api.em().findOneOrFail(AuditEntry, { subjectId: session!.id });
      expect(audit).toMatchObject({ action: 'phone.session.start', subjectType: 'parkingSession' });
      expect(audit.after).toMatchObject({ channel: 'phone' });
      expect(await api.balanceOf(anna)).toBe(200 * 60 - session!.reservation);
    });

    it('registers a keyed plate only after reading it back in the spelling alphabet and the caller confirming (§5 "Keying a plate in")', async () => {
      const call = await signedIn(anna);
      await call.press('1');
      const howTo = await call.press('0');
      expect(howTo.said).toContain('Toets het kenteken teken voor teken');
      const readBack = await call.press(keysOfPlate('GZ456T'));
      expect(readBack.said).toContain('U toetste:');
      expect(readBack.said).toContain('U toetste: Gerard, Zaandam. vier, vijf, zes. Teunis.');
      const before = (await sessionsOf(anna)).length;
      const quote = await call.press('1');
      expect(quote.said).toContain('kost naar verwachting');
      expect((await sessionsOf(anna)).length).toBe(before);
      await call.press('1');
      const sessions = await sessionsOf(anna);
      expect(sessions.at(-1)).toMatchObject({ plate: 'GZ456T', channel: 'phone' });
    });

    it('says a keyed plate that the vehicle register does not know does not exist, and asks for the plate again (§5 "Keying a plate in")', async () => {
      const call = await signedIn(anna);
      await call.press('1');
      await call.press('0');
      await call.press(keysOfPlate('ZZ000Z'));
      const unknown = await call.press('1');
      expect(unknown.said).toContain('bestaat niet');
      expect(unknown.said).toContain('Toets het kenteken opnieuw');
      expect((await sessionsOf(anna)).some((s) => s.plate === 'ZZ000Z')).toBe(false);
    });

    it('starts nothing after a hang-up half way, whatever keys arrive later (§5 "Hang-up")', async () => {
      const call = await signedIn(anna);
      await call.press('1');
      await call.press('0');
      await call.press(keysOfPlate('HT775Z'));
      expect((await call.hangUp()).status).toBe(204);
      const late = await call.press('1');
      expect(late.gathers).toBe(false);
      expect(late.xml).toContain('<Hangup/>');
      expect((await sessionsOf(anna)).some((s) => s.plate === 'HT775Z')).toBe(false);
      // Silence after the gather, reported late, changes nothing either.
      expect((await call.silence()).gathers).toBe(false);
    });

    it('stops a running session: cost and new balance said (§5 "Stopping")', async () => {
      const call = await signedIn(anna);
      const running = await call.press('2');
      expect(running.said).toContain('Welke parkeeractie wilt u stoppen?');
      expect(running.said).toContain('Voor G B, 1 2 3, K, tot');
      const stopped = await call.press('1');
      expect(stopped.said).toMatch(
        /De parkeeractie voor .* is gestopt\. Die kostte .*\. Uw saldo is nu/,
      );
      const stoppedSessions = (await sessionsOf(anna)).filter((s) => s.status !== 'running');
      expect(stoppedSessions).toHaveLength(1);
      expect(stoppedSessions[0]!.channel).toBe('phone');
    });

    it('a session started by phone is stopped on the web, and one started on the web is stopped by phone; each keeps its channel (§5 "Stopping")', async () => {
      const web = await loggedIn(api.url, 'anna@demo.parkeer.nl');
      const phoneStarted = (await sessionsOf(anna)).find(
        (s) => s.status === 'running' && s.channel === 'phone',
      )!;
      const stop = await web.request<{ stopSession: { status: string; channel: string } }>(
        'mutation ($id: ID!) { stopSession(sessionId: $id) { status channel } }',
        { id: phoneStarted.id },
      );
      expect(stop.errors).toBeUndefined();
      expect(stop.data!.stopSession).toEqual({ status: 'ended', channel: 'phone' });

      const start = await web.request<{ startSession: { session: { id: string } } }>(
        `mutation ($input: StartSessionInput!) { startSession(input: $input) {
        ... on SessionAccepted { session { id } } } }`,
        { input: { productId: anna, plate: 'KL345N', idempotencyKey: `phone-line-${dialect}` } },
      );
      expect(start.errors).toBeUndefined();
      const webSession = start.data!.startSession.session.id;
      const call = await signedIn(anna);
      const running = await call.press('2');
      const key = /Voor K L, 3 4 5, N, tot [^,]+, toets (\d)\./.exec(running.said)?.[1];
      expect(key).toBeDefined();
      await call.press(key!);
      const stored = await api.em().findOneOrFail(ParkingSession, { id: webSession });
      expect(stored.channel).toBe('web');
      expect(stored.status).not.toBe('running');
      expect(stored.stoppedAt).toEqual(api.now);
    });

    it('registers at most 10 plates in one call; the eleventh is refused before any plate is asked for (a permit without an account; §5 "Starting")', async () => {
      await withPermitTransaction(api.em(), uncoupled, api.now, (unit) =>
        unit.ledger.post(permitPot, { kind: 'charge', amount: 200 * 60, at: api.now }),
      );
      const call = await signedIn(uncoupled, '+31611111111');
      const plates = ['GB001B', 'GB002B', 'GB003B', 'GB004B', 'GB005B'].concat([
        'GB006B',
        'GB007B',
        'GB008B',
        'GB009B',
        'GB010B',
      ]);
      for (const [index, plate] of plates.entries()) {
        const choose = await call.press('1');
        // The plates started before are recent plates to pick from; 0 keys a new one.
        if (index > 0) expect(choose.said).toContain('Om een ander kenteken in te toetsen');
        if (index > 0) await call.press('0');
        await call.press(keysOfPlate(plate));
        await call.press('1');
        const started = await call.press('1');
        expect(started.said).toContain('is gestart');
      }
      const eleventh = await call.press('1');
      expect(eleventh.said).toContain('ten hoogste 10 kentekens');
      expect(eleventh.said).toContain('Om een bezoeker aan te melden');
      const sessions = await sessionsOf(uncoupled);
      expect(sessions).toHaveLength(10);
      expect(sessions.every((s) => s.channel === 'phone' && s.startedBy === null)).toBe(true);
      // No holder to name as the actor: no audit entry, the sessions keep their channel.
      expect(await api.em().count(AuditEntry, { subjectId: sessions.map((s) => s.id) })).toBe(0);
    });

    it('drives the same webhook from the demo phone simulator: captions per language and the keys awaited (docs/operations.md, Phone line)', async () => {
      const simulate = (body: Record<string, string>) =>
        fetch(`${api.url}/demo/phone`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const callId = `SIM${dialect}00000001`;
      const start = await simulate({ callId, event: 'start' });
      expect(start.status).toBe(200);
      const welcome = (await start.json()) as { said: { language: string; text: string }[] };
      expect(welcome).toMatchObject({
        said: expect.arrayContaining([
          { language: 'en-GB', text: 'For English, press 2.' },
        ]) as unknown,
        gather: { maxDigits: 1, finishKey: '', timeoutSeconds: 6 },
      });
      const english = await (await simulate({ callId, event: 'keys', digits: '2' })).json();
      expect(english).toMatchObject({
        said: [{ language: 'en-GB' }],
        gather: { maxDigits: 12, finishKey: '#', timeoutSeconds: 10 },
      });
      expect((await simulate({ callId, event: 'hangUp' })).status).toBe(200);
      const row = await api.em().findOneOrFail(PhoneCall, { callId });
      expect((row.state as { phase: { at: string } }).phase.at).toBe('ended');
      expect((await simulate({ callId: 'CAnot-a-simulator-call', event: 'start' })).status).toBe(
        400,
      );
    });

    it('keeps the hang-up that the status callback posts while a turn starts a session, and keeps that session (§5 "Hang-up")', async () => {
      const call = await signedIn(anna, '+31622222222');
      await call.press('1');
      expect((await call.press('1')).said).toContain('kost naar verwachting');
      const before = await api.em().count(ParkingSession, { permit: anna, channel: 'phone' });
      // The provider's status callback lands after the session's commit and before the turn
      // saves the call: the moment a late save would undo the hang-up.
      let hangUp: Promise<Response> | undefined;
      api.orm.em.getEventManager().registerSubscriber({
        afterTransactionCommit: async () => {
          if (hangUp) return;
          const now = await api.em().count(ParkingSession, { permit: anna, channel: 'phone' });
          if (now === before) return;
          hangUp = call.hangUp();
          await hangUp;
        },
      });
      const turn = await call.press('1');
      expect(hangUp).toBeDefined();
      expect((await hangUp!).status).toBe(204);
      // The turn learns the call is over: it only hangs up, and the call stays ended.
      expect(turn.gathers).toBe(false);
      expect(turn.xml).toContain('<Hangup/>');
      const row = await api.em().findOneOrFail(PhoneCall, { callId: call.sid });
      expect((row.state as { phase: { at: string } }).phase.at).toBe('ended');
      expect(row.permitId).toBe(anna);
      // The session the turn started stays (sessions started by phone are kept).
      const sessions = await sessionsOf(anna);
      expect(sessions.filter((s) => s.channel === 'phone')).toHaveLength(before + 1);
      expect(sessions.at(-1)).toMatchObject({ plate: 'GB123K', channel: 'phone' });
      expect(['running', 'planned']).toContain(sessions.at(-1)!.status);
      // Keys reported later still only hang up.
      expect((await call.press('3')).xml).toContain('<Hangup/>');
    });

    it('ends a call whose status callback is handled before its first webhook: that webhook, late or still under way, finds the call ended and only hangs up (§5 "Hang-up")', async () => {
      const call = newCall('+31633333333');
      expect((await call.hangUp()).status).toBe(204);
      const late = await call.begin();
      expect(late.gathers).toBe(false);
      expect(late.xml).toContain('<Hangup/>');
      const row = await api.em().findOneOrFail(PhoneCall, { callId: call.sid });
      expect((row.state as { phase: { at: string } }).phase.at).toBe('ended');
    });

    it('stops guessing per caller (docs/security.md, registrationPin; §5 "Registration number"): after ten wrong pairs on any numbers the caller is refused even the right pair, another caller is not', async () => {
      const guesser = '+31644444444';
      let guessed = 0;
      while (guessed < 10) {
        const call = newCall(guesser);
        await call.begin();
        await call.press('1');
        for (let pair = 0; pair < 3 && guessed < 10; pair++) {
          // Numbers no permit has count as well: the budget is the caller's.
          await call.press(String(990_000 + guessed));
          const wrong = await call.press('0000');
          expect(wrong.said).toMatch(/klopt niet|Kijk ze na/);
          guessed++;
        }
      }
      const blocked = newCall(guesser);
      await blocked.begin();
      await blocked.press('1');
      await blocked.press(numbers.get(uncoupled)!);
      const refused = await blocked.press(pins.get(uncoupled)!);
      expect(refused.said).toContain('Er is te vaak een verkeerde pincode ingetoetst.');
      expect(refused.xml).toContain('<Hangup/>');
      expect(
        (await api.em().findOneOrFail(PhoneCall, { callId: blocked.sid })).permitId,
      ).toBeNull();
      // The permit's own budget was not spent: another caller signs in with the right pair.
      await signedIn(uncoupled, '+31655555555');
    });
  },
);
